/// docs/benchmark.md prefilter: a file is only lexed when its bytes contain a name some evaluator
/// needs. One pass over the bytes with an Aho-Corasick automaton over all the names.
public struct Prefilter: Sendable {
    /// Dense transition table: `next[state * 256 + byte]`.
    private let next: [Int32]
    private let accepting: [Bool]
    public let isEmpty: Bool

    public init(names: some Sequence<String>) {
        let words = Set(names.filter { !$0.isEmpty }).sorted()
        isEmpty = words.isEmpty
        // Build the trie.
        var goto: [[UInt8: Int32]] = [[:]]
        var out: [Bool] = [false]
        for w in words {
            var s = 0
            for b in w.utf8 {
                if let t = goto[s][b] { s = Int(t) } else {
                    goto.append([:]); out.append(false)
                    goto[s][b] = Int32(goto.count - 1)
                    s = goto.count - 1
                }
            }
            out[s] = true
        }
        // Breadth-first failure links, folded into a dense DFA.
        let n = goto.count
        var table = [Int32](repeating: 0, count: n * 256)
        var fail = [Int32](repeating: 0, count: n)
        var queue: [Int] = []
        for b in 0..<256 {
            if let t = goto[0][UInt8(b)] {
                table[b] = t
                queue.append(Int(t))
            }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            let f = Int(fail[s])
            out[s] = out[s] || out[f]
            // The failure state's row (complete: it is shallower), then this state's own edges.
            table.withUnsafeMutableBufferPointer { t in
                for b in 0..<256 { t[s &* 256 &+ b] = t[f &* 256 &+ b] }
            }
            for (b, t) in goto[s].sorted(by: { $0.key < $1.key }) {
                fail[Int(t)] = table[f * 256 + Int(b)]
                table[s * 256 + Int(b)] = t
                queue.append(Int(t))
            }
        }
        next = table
        accepting = out
    }

    /// True when `bytes` contain at least one of the names.
    public func matches(_ bytes: [UInt8]) -> Bool {
        if isEmpty { return false }
        return next.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { buf in
                var s = 0
                for b in buf {
                    s = Int(table[s &* 256 &+ Int(b)])
                    if accepting[s] { return true }
                }
                return false
            }
        }
    }
}
