import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintReporters

/// What `lint --shard K/N` writes and `flaglint merge` reads: the shard's per-file facts before
/// cross-file resolution (evaluations with their controllers, constants, suppressions,
/// problems), not rendered findings, so that the merge redoes the project phase (cross-file
/// keys, file rules on resolved facts, project rules, suppressions, baseline, `--diff`) exactly
/// as one run over the whole tree does. A document of its own, not the `--format json` report:
/// a report holds findings after that phase, which cannot be combined into another run's.
/// Tied to flaglint's version and the facts schema: a merge refuses parts of another.
public struct ShardPart: Codable, Sendable, Equatable {
    public static let documentKind = "flaglint-shard"
    public static let currentSchema = 1

    /// What every shard of a matrix must share: what decides the files and their facts. The
    /// merge plans the same run from it. (`--today`, `--select`, `--ignore` do not change
    /// facts: they are the merge's options.)
    public struct Run: Codable, Sendable, Equatable {
        public var paths: [String]
        public var config: String?
        public var forceExclude: Bool
        public var noCache: Bool
        public var cacheDir: String?

        public init(paths: [String], config: String?, forceExclude: Bool, noCache: Bool, cacheDir: String?) {
            self.paths = paths
            self.config = config
            self.forceExclude = forceExclude
            self.noCache = noCache
            self.cacheDir = cacheDir
        }
    }

    public var kind: String
    public var schema: Int
    public var version: String
    public var factsSchema: Int
    public var shard: Int
    public var shards: Int
    public var run: Run
    /// Every file of the share, by path; facts as analysis left them.
    public var files: [FileFacts]

    public init(shard: Shard, run: Run, files: [FileFacts]) {
        kind = Self.documentKind
        schema = Self.currentSchema
        version = Flaglint.version
        factsSchema = FileFacts.currentSchema
        self.shard = shard.index
        shards = shard.count
        self.run = run
        self.files = files
    }

    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    /// Reads a part written by this version of flaglint, or says why it cannot be used.
    public static func read(_ path: String) -> Result<ShardPart, ShardError> {
        let bytes: [UInt8]
        switch FileReader.load(path) {
        case let .success(b): bytes = b
        case let .failure(why): return .failure(ShardError("flaglint: cannot read the part \(path): \(why)"))
        }
        // The header first: a part of another version may not decode as this one's facts.
        struct Header: Decodable { var kind: String?; var schema: Int?; var version: String?; var factsSchema: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(bytes)), header.kind == documentKind else {
            return .failure(ShardError("flaglint: \(path) is not a part written by `flaglint lint --shard K/N`"))
        }
        guard header.schema == currentSchema, header.version == Flaglint.version, header.factsSchema == FileFacts.currentSchema else {
            return .failure(ShardError("flaglint: \(path) was written by flaglint \(header.version ?? "?") (part schema \(header.schema ?? 0)); this is \(Flaglint.version): lint every shard and merge with the same flaglint"))
        }
        do {
            return .success(try JSONDecoder().decode(ShardPart.self, from: Data(bytes)))
        } catch {
            return .failure(ShardError("flaglint: \(path): malformed part: \(error)"))
        }
    }

    /// The facts of a complete set of parts, by display path: every part of one `K/N` matrix,
    /// each once, all of the same run. Nothing is merged from an incomplete or mixed set.
    public static func combine(_ parts: [(path: String, part: ShardPart)]) -> Result<(run: Run, facts: [String: FileFacts]), ShardError> {
        guard let first = parts.first else { return .failure(ShardError("flaglint: merge needs the parts to merge (PART ...)")) }
        let count = first.part.shards
        var seen: [Int: String] = [:]
        for (path, p) in parts {
            guard p.shards == count else {
                return .failure(ShardError("flaglint: \(path) is shard \(p.shard)/\(p.shards) but \(first.path) is of \(count) shards: merge the parts of one matrix"))
            }
            guard p.run == first.part.run else {
                return .failure(ShardError("flaglint: \(path) and \(first.path) come from different runs (paths, --config, --force-exclude or the cache options differ)"))
            }
            if let other = seen[p.shard] {
                return .failure(ShardError("flaglint: \(other) and \(path) are both shard \(p.shard)/\(count)"))
            }
            seen[p.shard] = path
        }
        let missing = (1...count).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            return .failure(ShardError("flaglint: missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")): merge needs every part"))
        }
        var facts: [String: FileFacts] = [:]
        for (path, p) in parts {
            for f in p.files {
                if facts.updateValue(f, forKey: f.path) != nil {
                    return .failure(ShardError("flaglint: \(f.path) is in two parts (\(path) and another): the shards discovered different trees"))
                }
            }
        }
        return .success((first.part.run, facts))
    }
}
