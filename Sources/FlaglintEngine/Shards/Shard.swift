/// `lint --shard K/N`: which share of a run's files one CI job lints (README, Shards). The
/// shares are balanced by file size and depend only on the files and their sizes: every job of
/// a matrix that discovers the same tree computes the same partition, whatever its `--jobs`.
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintReporters

public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    /// More shards than this is a mistake, not a plan (and keeps the assignment linear enough).
    public static let maximumCount = 4096

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maximumCount, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N` with 1 ≤ K ≤ N, or why not.
    public static func parse(_ text: String) -> Result<Shard, ShardError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            return .failure(ShardError("--shard takes K/N (this job's share K of N, e.g. 2/7), not `\(text)`"))
        }
        guard let shard = Shard(index: k, count: n) else {
            return .failure(ShardError("--shard \(text): K must be between 1 and N, and N between 1 and \(maximumCount)"))
        }
        return .success(shard)
    }

    public var description: String { "\(index)/\(count)" }

    /// The positions in `files` (each a unique key and a size in bytes) this shard lints.
    /// Largest file first to the least-loaded share (ties: the lower share), files of equal size
    /// in key order: a deterministic longest-processing-time partition, within the largest
    /// file's size of the ideal balance.
    public func share(of files: [(key: String, size: Int64)]) -> [Int] {
        let owner = Self.assignment(of: files, count: count)
        return owner.indices.filter { owner[$0] == index - 1 }
    }

    /// For every file, the 0-based share it belongs to.
    public static func assignment(of files: [(key: String, size: Int64)], count: Int) -> [Int] {
        let order = files.indices.sorted { a, b in
            files[a].size != files[b].size ? files[a].size > files[b].size : files[a].key < files[b].key
        }
        var owner = [Int](repeating: 0, count: files.count)
        // A binary min-heap of (load, share): the least-loaded share, the lowest on ties.
        var heap: [(load: Int64, share: Int)] = (0..<count).map { (0, $0) }
        func less(_ a: (load: Int64, share: Int), _ b: (load: Int64, share: Int)) -> Bool {
            a.load != b.load ? a.load < b.load : a.share < b.share
        }
        for i in order {
            owner[i] = heap[0].share
            // Empty files weigh one byte: they are spread too, not piled on the first share.
            heap[0].load += max(1, files[i].size)
            var p = 0
            while true {
                let l = 2 * p + 1, r = l + 1
                var m = p
                if l < heap.count, less(heap[l], heap[m]) { m = l }
                if r < heap.count, less(heap[r], heap[m]) { m = r }
                if m == p { break }
                heap.swapAt(p, m)
                p = m
            }
        }
        return owner
    }
}

/// A bad `--shard` or a set of parts `merge` cannot combine: printed as is, exit 2.
public struct ShardError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
