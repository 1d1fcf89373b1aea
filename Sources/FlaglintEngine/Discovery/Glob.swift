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
        matches(Glob.names(relativePath), isDirectory: isDirectory)
    }

    /// The same, on a path already split by `names(_:)`: callers testing one path against
    /// many patterns split it once.
    package func matches(_ names: [[Unicode.Scalar]], isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        return matches(names: names[...])
    }

    /// A relative path's names, as the matcher reads them.
    package static func names(_ relativePath: String) -> [[Unicode.Scalar]] {
        relativePath.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    }

    /// Whether the path or one of its parent directories (below the base) matches.
    public func matchesSelfOrAncestor(_ relativePath: String, isDirectory: Bool) -> Bool {
        let names = Glob.names(relativePath)
        if !(directoryOnly && !isDirectory) && matches(names: names[...]) { return true }
        var count = names.count - 1
        while count > 0 {
            if matches(names: names[..<count]) { return true }
            count -= 1
        }
        return false
    }

    package func matches(names: [[Unicode.Scalar]]) -> Bool { matches(names: names[...]) }

    /// `**` behaves like `*` over segments.
    package func matches(names: ArraySlice<[Unicode.Scalar]>) -> Bool {
        // A pattern ending in a name matches only paths whose last name it matches: most
        // paths fail here, before the search over directories.
        if case let .name(atoms)? = segments.last {
            guard let last = names.last, Glob.matchName(atoms, last) else { return false }
        }
        return Glob.wildcard(segments, names, isRun: { $0 == .anyDirectories }) { segment, name in
            if case let .name(atoms) = segment { return Glob.matchName(atoms, name) }
            return false
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
