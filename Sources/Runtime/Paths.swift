#if canImport(Glibc)
import Glibc
#endif
import ASCIIText
import Linux

public enum Paths {
    /// `path` made absolute against the working directory and cleaned of `.`, `..` and `//`.
    public static func absolute(_ path: String) throws(SystemError) -> String {
        if path.hasBytePrefix("/") { return clean(path) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { throw SystemError.last("getcwd") }
        let cwd = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return clean(cwd + "/" + path)
    }

    /// Lexical cleaning, as Go's filepath.Clean does for an absolute path.
    public static func clean(_ path: String) -> String {
        var parts: [Substring] = []
        for component in pathComponents(path) {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(component)
            }
        }
        // Appended part by part: `joined(separator:)` would page in stdlib code used nowhere else.
        var cleaned = ""
        for part in parts {
            cleaned += "/"
            cleaned += part
        }
        return cleaned.isEmpty ? "/" : cleaned
    }
}
