import FlaglintSyntax

/// The lines a change touched, per file (`--diff REF`): findings elsewhere are dropped, while
/// analysis still reads whole files (a nested check's controlling flag may be unchanged).
public struct ChangedLines: Sendable, Equatable {
    public enum Lines: Sendable, Equatable {
        /// A new or untracked file: every line counts as changed.
        case all
        case some(Set<Int>)
    }

    /// Keyed by absolute, lexically normalised path.
    public var files: [String: Lines]

    public init(files: [String: Lines] = [:]) {
        self.files = files
    }

    public func contains(path absolutePath: String, line: Int) -> Bool {
        switch files[absolutePath] {
        case .all?: return true
        case .some(let lines)?: return lines.contains(line)
        case nil: return false
        }
    }

    /// Keeps findings that start on a changed line; `rootDirectory` resolves their relative paths.
    public func filter(_ findings: [Finding], rootDirectory: String) -> [Finding] {
        findings.filter { contains(path: PathArithmetic.absolute($0.path, from: rootDirectory), line: $0.line) }
    }
}

/// Reads `git diff --unified=0` output into added/modified line numbers per new-side path.
public enum UnifiedDiffParser {
    /// `repositoryRoot` is prepended to the repository-relative paths git prints.
    public static func parse(_ diff: String, repositoryRoot: String) -> ChangedLines {
        var files: [String: ChangedLines.Lines] = [:]
        var current: String?
        for rawLine in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("+++ ") {
                current = newSidePath(String(line.dropFirst(4))).map { PathArithmetic.absolute($0, from: repositoryRoot) }
                if let current, files[current] == nil { files[current] = .some([]) }
            } else if line.hasPrefix("@@ "), let current, let range = addedRange(String(line)) {
                if case .some(var lines)? = files[current] {
                    lines.formUnion(range)
                    files[current] = .some(lines)
                }
            } else if line.hasPrefix("diff --git ") {
                current = nil
            }
        }
        return ChangedLines(files: files)
    }

    /// `b/path` (git quotes names with special characters as C strings, and appends a tab to
    /// names containing spaces); `nil` for `/dev/null` (a deleted file).
    static func newSidePath(_ field: String) -> String? {
        var name = field
        if name.hasSuffix("\t") { name.removeLast() }
        if name.hasPrefix("\"") { name = unquoteC(name) }
        if name == "/dev/null" { return nil }
        if name.hasPrefix("b/") { name.removeFirst(2) }
        return name
    }

    /// `@@ -a,b +c,d @@`: lines c ..< c+d of the new side (d defaults to 1; 0 is a pure deletion).
    static func addedRange(_ header: String) -> Range<Int>? {
        guard let plus = header.split(separator: " ").dropFirst(2).first, plus.hasPrefix("+") else { return nil }
        let parts = plus.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
        guard let start = Int(parts[0]) else { return nil }
        let count = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
        return count > 0 ? start..<(start + count) : nil
    }

    /// Git's C-style quoting: `\t`, `\n`, `\"`, `\\` and octal bytes (`\303\251` for `é`).
    static func unquoteC(_ quoted: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(quoted.utf8.dropFirst().dropLast(quoted.hasSuffix("\"") ? 1 : 0))
        var i = 0
        while i < input.count {
            let b = input[i]
            guard b == UInt8(ascii: "\\"), i + 1 < input.count else {
                bytes.append(b)
                i += 1
                continue
            }
            let next = input[i + 1]
            switch next {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = 0, j = i + 1
                while j < input.count && j < i + 4, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(input[j]) {
                    value = value * 8 + Int(input[j] - UInt8(ascii: "0"))
                    j += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
                i = j
                continue
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            default: bytes.append(next)
            }
            i += 2
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
