import FlaglintSupport

/// The rules of one `.gitignore` (or `.git/info/exclude`), relative to its directory.
struct IgnoreFile: Sendable {
    struct Rule: Sendable {
        var glob: Glob
        var negated: Bool
    }

    /// Absolute directory the patterns are relative to.
    package let base: String
    package let rules: [Rule]

    /// Git's syntax: `#` comments, `!` negation, `\` escapes, trailing spaces ignored unless
    /// escaped. A pattern git would reject is skipped, as git does.
    package init(text: String, base: String) {
        self.base = base
        var rules: [Rule] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = Substring(rawLine)
            if line.last == "\r" { line.removeLast() }
            while line.last == " " || line.last == "\t" {
                let beforeSpace = line.index(before: line.endIndex)
                if beforeSpace > line.startIndex, line[line.index(before: beforeSpace)] == "\\" { break }
                line.removeLast()
            }
            if line.isEmpty || line.first == "#" { continue }
            var negated = false
            if line.first == "!" {
                negated = true
                line.removeFirst()
            }
            guard let glob = try? Glob(String(line)) else { continue }
            rules.append(Rule(glob: glob, negated: negated))
        }
        self.rules = rules
    }

    /// `true` ignored, `false` re-included by a `!` rule, `nil` when no rule speaks (the last
    /// matching rule wins, as in git).
    func decision(for path: String, isDirectory: Bool) -> Bool? {
        decision(for: GlobPath(path), isDirectory: isDirectory)
    }

    /// The same on a path split once for every ignore file of the stack.
    func decision(for path: GlobPath, isDirectory: Bool) -> Bool? {
        guard !rules.isEmpty, let names = path.names(below: base), !names.isEmpty else { return nil }
        for rule in rules.reversed() where rule.glob.matches(path, names: names, isDirectory: isDirectory) {
            return !rule.negated
        }
        return nil
    }
}

/// The ignore files in force in one directory, lowest precedence first (`.git/info/exclude`,
/// then `.gitignore` from the repository root down); deeper files override shallower ones.
struct IgnoreStack: Sendable {
    package var files: [IgnoreFile] = []

    func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        isIgnored(GlobPath(path), isDirectory: isDirectory)
    }

    func isIgnored(_ path: GlobPath, isDirectory: Bool) -> Bool {
        for file in files.reversed() {
            if let decision = file.decision(for: path, isDirectory: isDirectory) { return decision }
        }
        return false
    }

    /// The stack for a subdirectory, given its listing: a nested repository (`.git`) starts
    /// afresh, as git does for submodules.
    func entering(_ directory: String, names: Set<String>) -> IgnoreStack {
        var stack = names.contains(".git") ? IgnoreStack() : self
        if names.contains(".git"), let exclude = Self.load(PathName.join(directory, ".git/info/exclude"), base: directory) {
            stack.files.append(exclude)
        }
        if names.contains(".gitignore"), let file = Self.load(PathName.join(directory, ".gitignore"), base: directory) {
            stack.files.append(file)
        }
        return stack
    }

    package static func load(_ path: String, base: String) -> IgnoreFile? {
        guard case let .success(bytes) = FileSystem.readFile(path, limit: 8 << 20) else { return nil }
        return IgnoreFile(text: String(decoding: bytes, as: UTF8.self), base: base)
    }
}
