/// The names in a path, split on "/" byte by byte: paths are bytes, and splitting a String
/// by Character runs grapheme breaking over every byte of every path on srun's hot paths.
public func pathComponents(_ path: String) -> [Substring] {
    path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
}
