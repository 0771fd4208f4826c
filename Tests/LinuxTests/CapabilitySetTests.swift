import Linux
import Testing

@Suite struct CapabilitySetTests {
    @Test func holdsNumbersZeroToSixtyThreeAndListsThemAscending() {
        var set: CapabilitySet = [21, 0, 63]
        set.insert(5)
        set.insert(64)
        set.insert(-1)
        #expect(Array(set) == [0, 5, 21, 63])
        #expect(set.contains(63) && !set.contains(64) && !set.contains(-1) && !set.contains(1))
        #expect(set.mask == (1 as UInt64) | 1 << 5 | 1 << 21 | 1 << 63)
    }

    @Test func unionAndIntersection() {
        let a: CapabilitySet = [1, 2, 3]
        let b = CapabilitySet([3, 4])
        #expect(a.union(b) == [1, 2, 3, 4])
        #expect(a.intersection(b) == [3])
        #expect(a.intersection([]).isEmpty)
        #expect(CapabilitySet(0...40).mask == (1 as UInt64) << 41 - 1)
    }
}
