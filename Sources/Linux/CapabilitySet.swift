/// Capability numbers (0-63) as one 64-bit mask, the kernel's own shape for them. A Set<Int>
/// would cost its hashing machinery a first-use setup on every create, for at most 41 bits.
public struct CapabilitySet: Equatable, Sendable, ExpressibleByArrayLiteral, Sequence {
    public private(set) var mask: UInt64

    public init(mask: UInt64 = 0) { self.mask = mask }

    public init(arrayLiteral numbers: Int...) { self.init(numbers) }

    public init(_ numbers: some Sequence<Int>) {
        mask = 0
        for number in numbers { insert(number) }
    }

    public var isEmpty: Bool { mask == 0 }

    public func contains(_ number: Int) -> Bool {
        (0..<64).contains(number) && mask & (1 << UInt64(number)) != 0
    }

    /// Numbers outside 0-63 are no capability and are ignored.
    public mutating func insert(_ number: Int) {
        guard (0..<64).contains(number) else { return }
        mask |= 1 << UInt64(number)
    }

    public func union(_ other: CapabilitySet) -> CapabilitySet { CapabilitySet(mask: mask | other.mask) }
    public func intersection(_ other: CapabilitySet) -> CapabilitySet { CapabilitySet(mask: mask & other.mask) }

    /// Ascending.
    public func makeIterator() -> Iterator { Iterator(rest: mask) }

    public struct Iterator: IteratorProtocol {
        var rest: UInt64
        public mutating func next() -> Int? {
            guard rest != 0 else { return nil }
            let number = rest.trailingZeroBitCount
            rest &= rest - 1
            return number
        }
    }
}
