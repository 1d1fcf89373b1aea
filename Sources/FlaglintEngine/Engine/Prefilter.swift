#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// docs/benchmark.md prefilter: a file is only lexed when its bytes could hold a match. Each
/// requirement is a set of names that must all occur (an evaluator's pattern: every name it
/// spells, `FeatureFlag` and `enabled`, not either); a file passes when one requirement is met.
///
/// The scan looks for each requirement's rarest name first (by a byte-frequency table of real
/// source code), with `memchr` on that name's rarest byte and a comparison at each hit: one
/// vectorised pass per distinct anchor byte instead of a byte-at-a-time automaton. Only when a
/// rarest name occurs are the requirement's other names looked for.
public struct Prefilter: Sendable {
    struct Literal: Sendable {
        var bytes: [UInt8]
        /// The literal's rarest byte and its offset in the literal: what `memchr` looks for.
        var anchor: UInt8
        var offset: Int
    }

    /// Distinct names of all requirements.
    private let literals: [Literal]
    /// Per requirement: its literal indices, rarest first.
    private let requirements: [[Int]]
    /// The rarest literals of the requirements, grouped by anchor byte, rarest byte first;
    /// per literal, the requirements it is the rarest name of.
    private let groups: [(byte: UInt8, members: [(literal: Int, requirements: [Int])])]
    public let isEmpty: Bool

    /// Passes a file that contains any one of `names`.
    public init(names: some Sequence<String>) {
        self.init(requirements: names.map { [$0] })
    }

    /// Passes a file that contains every name of at least one requirement. Empty names are
    /// ignored; a requirement with no name left cannot be checked on bytes and is dropped.
    public init(requirements: [[String]]) {
        var index: [[UInt8]: Int] = [:]
        var literals: [Literal] = []
        var reqs: [[Int]] = []
        for names in requirements {
            var ids: [Int] = []
            for name in Set(names) where !name.isEmpty {
                let bytes = Array(name.utf8)
                if let i = index[bytes] { ids.append(i); continue }
                let offset = bytes.indices.min { (Self.rank[Int(bytes[$0])], $0) < (Self.rank[Int(bytes[$1])], $1) }!
                index[bytes] = literals.count
                ids.append(literals.count)
                literals.append(Literal(bytes: bytes, anchor: bytes[offset], offset: offset))
            }
            guard !ids.isEmpty else { continue }
            reqs.append(ids.sorted { Self.rarity(literals[$0]) < Self.rarity(literals[$1]) })
        }
        // Drop duplicate requirements (same literal set), which many catalogue entries share.
        var seen = Set<[Int]>()
        reqs = reqs.filter { seen.insert($0.sorted()).inserted }
        var byAnchorLiteral: [Int: [Int]] = [:]
        for (r, ids) in reqs.enumerated() { byAnchorLiteral[ids[0], default: []].append(r) }
        var byByte: [UInt8: [(literal: Int, requirements: [Int])]] = [:]
        for (literal, rs) in byAnchorLiteral.sorted(by: { $0.key < $1.key }) {
            byByte[literals[literal].anchor, default: []].append((literal, rs))
        }
        self.literals = literals
        self.requirements = reqs
        self.groups = byByte.sorted { (Self.rank[Int($0.key)], $0.key) < (Self.rank[Int($1.key)], $1.key) }.map { ($0.key, $0.value) }
        self.isEmpty = reqs.isEmpty
    }

    /// How rare a literal is: its rarest byte's rank, then (longer is rarer) its length.
    static func rarity(_ l: Literal) -> (Int, Int) { (Int(rank[Int(l.anchor)]), -l.bytes.count) }

    /// True when `bytes` meet one of the requirements.
    public func matches(_ bytes: [UInt8]) -> Bool {
        if isEmpty { return false }
        return bytes.withUnsafeBytes { matches($0) }
    }

    public func matches(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard !isEmpty, let base = buffer.baseAddress, buffer.count > 0 else { return false }
        let count = buffer.count
        // Which rarest names were seen (only the first occurrence matters): a bit per literal
        // up to 64, which covers every catalogue language, else a flag array.
        var seenBits: UInt64 = 0
        var seenMore = literals.count > 64 ? [Bool](repeating: false, count: literals.count) : []
        for group in groups {
            var remaining = group.members.count
            var position = 0
            while remaining > 0, position < count,
                  let hit = memchr(base + position, Int32(group.byte), count - position) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                for member in group.members {
                    let l = member.literal
                    if l < 64 ? seenBits & (1 << UInt64(l)) != 0 : seenMore[l] { continue }
                    guard occurs(l, anchorAt: at, in: base, count) else { continue }
                    if l < 64 { seenBits |= 1 << UInt64(l) } else { seenMore[l] = true }
                    remaining -= 1
                    for r in member.requirements where requirements[r].dropFirst().allSatisfy({ contains($0, base, count) }) {
                        return true
                    }
                }
                position = at + 1
            }
        }
        return false
    }

    /// Whether literal `l` occurs with its anchor byte at `at`: its first and last bytes
    /// first, then the whole.
    @inline(__always)
    private func occurs(_ l: Int, anchorAt at: Int, in base: UnsafeRawPointer, _ count: Int) -> Bool {
        literals.withUnsafeBufferPointer { all in
            let literal = all[l]
            let start = at - literal.offset
            let length = literal.bytes.count
            guard start >= 0, start + length <= count else { return false }
            return literal.bytes.withUnsafeBufferPointer { b in
                base.load(fromByteOffset: start, as: UInt8.self) == b[0]
                    && base.load(fromByteOffset: start + length - 1, as: UInt8.self) == b[length - 1]
                    && memcmp(base + start, b.baseAddress!, length) == 0
            }
        }
    }

    /// Whether literal `l` occurs anywhere: `memchr` on its anchor byte, compared at each hit.
    private func contains(_ l: Int, _ base: UnsafeRawPointer, _ count: Int) -> Bool {
        let anchor = Int32(literals[l].anchor)
        var position = literals[l].offset
        while position < count, let hit = memchr(base + position, anchor, count - position) {
            let at = base.distance(to: UnsafeRawPointer(hit))
            if occurs(l, anchorAt: at, in: base, count) { return true }
            position = at + 1
        }
        return false
    }

    /// How common each byte is in source code, 0 the rarest: measured on 67 MB of Python's
    /// standard library, the system C headers and the Swift toolchain's interfaces.
    static let rank: [UInt8] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 190, 244, 9, 152, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
        255, 164, 192, 216, 160, 163, 172, 197, 236, 237, 228, 166, 229, 199, 214, 208, 219, 212, 196, 187, 180, 201, 181, 178,
        184, 198, 200, 204, 185, 194, 189, 165, 173, 224, 203, 227, 211, 240, 207, 205, 191, 230, 170, 195, 231, 213, 232, 233,
        222, 171, 225, 245, 235, 202, 193, 177, 210, 188, 168, 175, 186, 174, 161, 253, 162, 246, 215, 243, 242, 254, 239, 218,
        226, 249, 169, 223, 241, 221, 250, 247, 238, 176, 248, 251, 252, 234, 209, 206, 217, 220, 179, 183, 167, 182, 159, 29,
        158, 135, 143, 119, 116, 131, 132, 103, 120, 104, 105, 106, 82, 83, 84, 85, 121, 107, 86, 142, 149, 108, 109, 110, 147,
        156, 95, 111, 154, 155, 96, 122, 87, 112, 97, 126, 117, 88, 145, 98, 89, 127, 90, 91, 123, 113, 92, 93, 128, 139, 148,
        99, 124, 133, 100, 30, 114, 129, 125, 94, 141, 118, 140, 134, 31, 32, 150, 153, 101, 115, 33, 34, 35, 36, 37, 38, 136,
        39, 144, 151, 137, 138, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 146, 157, 55, 56, 57, 58, 59, 60, 61,
        102, 62, 63, 64, 65, 130, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
    ]
}
