/// A gitignore-style path pattern: `*`, `?`, `[abc]`/`[!a-z]`, `**` for any number of
/// directories, `\` to escape. A pattern without an inner or leading `/` matches a name at any
/// depth; a trailing `/` matches directories only. Matching is iterative (no recursion, no
/// exponential backtracking), so hostile patterns and deep paths stay cheap.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public struct SyntaxError: Error, Sendable, Equatable {
        public var message: String
        /// 1-based, in unicode scalars of the pattern text.
        public var column: Int
    }

    /// The pattern as written.
    public let pattern: String
    public let directoryOnly: Bool
    package let segments: [Segment]

    package enum Segment: Sendable, Hashable {
        /// `**`: zero or more path segments.
        case anyDirectories
        case name([Atom])
    }

    package enum Atom: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case anyScalar
        case anyRun
        case set(ranges: [ClosedRange<Unicode.Scalar>], negated: Bool)
    }

    public var description: String { pattern }

    public init(_ pattern: String) throws(SyntaxError) {
        self.pattern = pattern
        var scalars = Array(pattern.unicodeScalars)
        var directoryOnly = false
        if scalars.last == "/" {
            directoryOnly = true
            while scalars.last == "/" { scalars.removeLast() }
        }
        var anchored = false
        if scalars.first == "/" {
            anchored = true
            while scalars.first == "/" { scalars.removeFirst() }
        }
        if scalars.isEmpty { throw SyntaxError(message: "empty pattern", column: 1) }
        if scalars.contains("/") { anchored = true }

        var segments: [Segment] = anchored ? [] : [.anyDirectories]
        var atoms: [Atom] = []
        var segmentStart = 0
        var i = 0
        func closeSegment(end: Int) {
            let text = scalars[segmentStart..<end]
            if text.elementsEqual("**".unicodeScalars) {
                if segments.last != .anyDirectories { segments.append(.anyDirectories) }
            } else if !text.isEmpty {
                segments.append(.name(atoms))
            }
            atoms = []
        }
        let leadingSlashes = pattern.unicodeScalars.prefix { $0 == "/" }.count
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "/":
                closeSegment(end: i)
                segmentStart = i + 1
                i += 1
            case "\\":
                guard i + 1 < scalars.count else {
                    throw SyntaxError(message: "trailing `\\` escapes nothing", column: leadingSlashes + i + 1)
                }
                atoms.append(.literal(scalars[i + 1]))
                i += 2
            case "*":
                // `**` inside a name (`a**b`) is an ordinary `*`.
                if atoms.last != .anyRun { atoms.append(.anyRun) }
                i += 1
            case "?":
                atoms.append(.anyScalar)
                i += 1
            case "[":
                let start = i
                i += 1
                var negated = false
                if i < scalars.count, scalars[i] == "!" || scalars[i] == "^" {
                    negated = true
                    i += 1
                }
                var ranges: [ClosedRange<Unicode.Scalar>] = []
                var first = true
                while true {
                    guard i < scalars.count, scalars[i] != "/" else {
                        throw SyntaxError(message: "unterminated `[`", column: leadingSlashes + start + 1)
                    }
                    var low = scalars[i]
                    if low == "]" && !first { i += 1; break }
                    if low == "\\" && i + 1 < scalars.count { i += 1; low = scalars[i] }
                    i += 1
                    first = false
                    var high = low
                    if i + 1 < scalars.count, scalars[i] == "-", scalars[i + 1] != "]" {
                        high = scalars[i + 1]
                        if high == "\\" && i + 2 < scalars.count { i += 1; high = scalars[i + 1] }
                        i += 2
                        if high < low {
                            throw SyntaxError(message: "range `\(low)-\(high)` is reversed", column: leadingSlashes + start + 1)
                        }
                    }
                    ranges.append(low...high)
                }
                atoms.append(.set(ranges: ranges, negated: negated))
            default:
                atoms.append(.literal(c))
                i += 1
            }
        }
        closeSegment(end: scalars.count)
        self.segments = segments
        self.directoryOnly = directoryOnly
    }

    /// Whether `relativePath` (`/`-separated, relative to the pattern's base directory)
    /// matches. Only the path itself is tested; callers prune excluded directories.
    public func matches(_ relativePath: String, isDirectory: Bool) -> Bool {
        let path = GlobPath(relativePath)
        return matches(path, names: path.names[...], isDirectory: isDirectory)
    }

    /// The same, on names of a path already split (callers testing one path against many
    /// patterns split it once): `names` are byte ranges of `path`, relative to the base.
    func matches(_ path: GlobPath, names: ArraySlice<Range<Int>>, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        return matches(path, names: names)
    }

    /// Whether the path or one of its parent directories (below the base) matches.
    public func matchesSelfOrAncestor(_ relativePath: String, isDirectory: Bool) -> Bool {
        let path = GlobPath(relativePath)
        return matchesSelfOrAncestor(path, names: path.names[...], isDirectory: isDirectory)
    }

    func matchesSelfOrAncestor(_ path: GlobPath, names: ArraySlice<Range<Int>>, isDirectory: Bool) -> Bool {
        if !(directoryOnly && !isDirectory) && matches(path, names: names) { return true }
        var end = names.endIndex - 1
        while end > names.startIndex {
            if matches(path, names: names[..<end]) { return true }
            end -= 1
        }
        return false
    }

    /// `**` behaves like `*` over segments.
    func matches(_ path: GlobPath, names: ArraySlice<Range<Int>>) -> Bool {
        // A pattern ending in a name matches only paths whose last name it matches: most
        // paths fail here, before the search over directories.
        if case let .name(atoms)? = segments.last {
            guard let last = names.last, Glob.matchName(atoms, path, last) else { return false }
        }
        return Glob.wildcard(segments, names, isRun: { $0 == .anyDirectories }) { segment, name in
            if case let .name(atoms) = segment { return Glob.matchName(atoms, path, name) }
            return false
        }
    }

    /// One name, on bytes: an ASCII name (nearly all of them) byte by byte; a name with other
    /// characters as Unicode scalars, which `?` and `[...]` count.
    static func matchName(_ atoms: [Atom], _ path: GlobPath, _ name: Range<Int>) -> Bool {
        if path.isASCII {
            return wildcard(atoms, path.bytes[name], isRun: { $0 == .anyRun }, matches: matchByte)
        }
        return matchName(atoms, Array(String(decoding: path.bytes[name], as: UTF8.self).unicodeScalars))
    }

    static func matchByte(_ atom: Atom, _ b: UInt8) -> Bool {
        switch atom {
        case let .literal(l): return l.value == UInt32(b)
        case .anyScalar, .anyRun: return true
        case let .set(ranges, negated): return ranges.contains { $0.contains(Unicode.Scalar(b)) } != negated
        }
    }

    static func matchName(_ atoms: [Atom], _ name: [Unicode.Scalar]) -> Bool {
        wildcard(atoms, name, isRun: { $0 == .anyRun }, matches: matchAtom)
    }

    /// The classic single-backtrack-point wildcard match, for names (`*` over scalars) and
    /// paths (`**` over names): a run item matches any number of subject items. Linear in
    /// practice, never exponential, no recursion.
    static func wildcard<Item, Subject: RandomAccessCollection>(
        _ pattern: [Item], _ subject: Subject, isRun: (Item) -> Bool, matches: (Item, Subject.Element) -> Bool
    ) -> Bool where Subject.Index == Int {
        let base = subject.startIndex
        var p = 0, n = 0
        var starItem = -1, starSubject = 0
        while n < subject.count {
            if p < pattern.count, isRun(pattern[p]) {
                starItem = p
                starSubject = n
                p += 1
                continue
            }
            if p < pattern.count, matches(pattern[p], subject[base + n]) {
                p += 1
                n += 1
                continue
            }
            if starItem >= 0 {
                p = starItem + 1
                starSubject += 1
                n = starSubject
                continue
            }
            return false
        }
        while p < pattern.count, isRun(pattern[p]) { p += 1 }
        return p == pattern.count
    }

    static func matchAtom(_ atom: Atom, _ c: Unicode.Scalar) -> Bool {
        switch atom {
        case let .literal(l): return l == c
        case .anyScalar: return true
        case .anyRun: return true
        case let .set(ranges, negated): return ranges.contains { $0.contains(c) } != negated
        }
    }
}

/// A `/`-separated path as globs match it: its UTF-8 bytes and the byte ranges of its names,
/// split once for every pattern and ignore file that tests it (no String or Unicode-scalar
/// conversion unless a name is not ASCII).
struct GlobPath: Sendable {
    let bytes: [UInt8]
    /// Every name, in order (empty names from `//` or a leading `/` left out).
    let names: [Range<Int>]
    let isASCII: Bool

    init(_ path: String) {
        bytes = Array(path.utf8)
        var names: [Range<Int>] = []
        var start = 0
        var ascii = true
        for (i, b) in bytes.enumerated() {
            if b >= 0x80 { ascii = false }
            if b == UInt8(ascii: "/") {
                if i > start { names.append(start..<i) }
                start = i + 1
            }
        }
        if bytes.count > start { names.append(start..<bytes.count) }
        self.names = names
        isASCII = ascii
    }

    /// The names below `base` (an absolute, normalised directory), when the path is inside it.
    func names(below base: String) -> ArraySlice<Range<Int>>? {
        if base == "/" { return names[...] }
        let count = base.utf8.count
        guard bytes.count >= count, bytes.count == count || bytes[count] == UInt8(ascii: "/"), bytes.starts(with: base.utf8) else {
            return nil
        }
        if bytes.count == count { return names[names.endIndex...] }
        // Names start after a `/`: those that start beyond the base.
        guard let first = names.firstIndex(where: { $0.lowerBound > count }) else { return nil }
        return names[first...]
    }

    /// The last name alone (a path outside the configuration's directory).
    var lastName: ArraySlice<Range<Int>> { names.isEmpty ? [] : names[(names.count - 1)...] }
}
