/// Lexical operations on absolute, `/`-separated path strings. Lexical on purpose: symlinks
/// are resolved only where loops matter (directory traversal), and display paths must keep
/// the names the user sees.
public enum PathName {
    /// Collapses `//`, `.` and `..` (never above `/`).
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path` made absolute against `base` (itself absolute) and normalised.
    public static func absolute(_ path: String, relativeTo base: String) -> String {
        path.hasPrefix("/") ? normalize(path) : normalize(base + "/" + path)
    }

    public static func join(_ directory: String, _ name: String) -> String {
        directory == "/" ? "/" + name : directory + "/" + name
    }

    /// The containing directory; `/` for `/`.
    // These work on UTF-8 bytes: `/` and `.` are ASCII, and Character iteration costs
    // more than the rest of discovery together on a large tree.
    public static func parent(_ path: String) -> String {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == bytes.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func lastComponent(_ path: String) -> String {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[bytes.index(after: slash)...])
    }

    /// The extension without the dot (`h` for `a.h`), empty when there is none. A leading dot
    /// alone (`.gitignore`) is a hidden name, not an extension.
    public static func fileExtension(_ path: String) -> String {
        let name = lastComponent(path)
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != bytes.startIndex else { return "" }
        return String(name[bytes.index(after: dot)...])
    }

    /// `path` relative to `base` when it is `base` or inside it (`""` for `base` itself).
    public static func relative(_ path: String, to base: String) -> String? {
        if path == base { return "" }
        // Bytes, not Characters: canonically equivalent spellings are different files.
        let bytes = path.utf8
        if base == "/" { return bytes.first == UInt8(ascii: "/") ? String(path.dropFirst()) : nil }
        guard bytes.starts(with: base.utf8), bytes.dropFirst(base.utf8.count).first == UInt8(ascii: "/") else { return nil }
        let start = bytes.index(bytes.startIndex, offsetBy: base.utf8.count + 1)
        return String(path[start...])
    }

    /// How a path is shown: relative to the current directory when inside it, else absolute.
    public static func display(_ path: String, currentDirectory: String) -> String {
        guard let rel = relative(path, to: currentDirectory) else { return path }
        return rel.isEmpty ? "." : rel
    }

    /// `path` and every ancestor, deepest first.
    public static func selfAndAncestors(_ path: String) -> [String] {
        var result = [path]
        var current = path
        while current != "/" && current != "." {
            current = parent(current)
            result.append(current)
        }
        return result
    }
}
