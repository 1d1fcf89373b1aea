/// `lint --shard K/N` and `flaglint merge PART ...` (README, Sharded runs).
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintReporters
import FlaglintEngine

extension Runner {
    /// Lints this shard's share and writes its part (`-o FILE` or stdout). Options that shape
    /// the report (format, baseline, `--diff`, fail level) belong to the merge.
    func lintShard(_ options: Options, shard text: String) -> Int32 {
        let common = options.common
        let shard: Shard
        switch Shard.parse(text) {
        case let .success(s): shard = s
        case let .failure(e): return fail("flaglint: \(e)")
        }
        if let format = common.format, format != "json" {
            return fail("flaglint: --shard writes a part for `flaglint merge` (JSON facts); pass --format \(format) to the merge")
        }
        let atMerge = [("--today", common.today != nil), ("--select", common.select != nil), ("--ignore", !common.ignore.isEmpty),
                       ("--baseline", options.baseline != nil), ("--write-baseline", options.writeBaseline != nil),
                       ("--diff", options.diff != nil), ("--fail-on/--exit-zero", options.failOn != nil), ("--statistics", options.statistics)]
        if let (name, _) = atMerge.first(where: { $0.1 }) {
            return fail("flaglint: \(name) applies to the merged report: pass it to `flaglint merge`, not to `lint --shard`")
        }
        if common.stdinFilename != nil || common.paths.contains("-") {
            return fail("flaglint: --shard splits a tree between jobs; stdin is linted on its own")
        }
        let session: Session, plan: Session.Plan
        switch prepare(common) {
        case let .success((s, p)): (session, plan) = (s, p)
        case let .failure(status): return status.code
        }
        if let refused = refuseOverwritingInputs([common.output], plan) { return refused }
        let facts = session.shardFacts(plan, shard: shard)
        let run = ShardPart.Run(paths: common.paths, config: common.config, forceExclude: common.forceExclude,
                                noCache: common.noCache, cacheDir: common.cacheDir)
        let bytes: [UInt8]
        do { bytes = try ShardPart(shard: shard, run: run, files: facts).encoded() } catch {
            return fail("flaglint: cannot encode the part: \(error)")
        }
        guard emit(String(decoding: bytes, as: UTF8.self), to: common.output) else { return 2 }
        if !common.quiet {
            let evaluations = facts.reduce(0) { $0 + $1.evaluations.count }
            stderr.write("Shard \(shard): \(facts.count) of \(plan.fileCount) files, \(evaluations) flag evaluations; `flaglint merge` the \(shard.count) parts for the report.\n")
        }
        return 0
    }

    /// Combines every part of one matrix and reports as `lint` over the whole tree would, run
    /// from the same directory of the same checkout: configuration, registry and the constants
    /// of files no shard parsed are read here. `options.common` carries the merge's own
    /// options (format, output, date, rule selection, colour, jobs, quiet); what to lint comes
    /// from the parts.
    public func merge(_ paths: [String], options: Options) -> Int32 {
        var parts: [(path: String, part: ShardPart)] = []
        for path in paths {
            switch ShardPart.read(path) {
            case let .success(p): parts.append((path, p))
            case let .failure(e): return fail(e.description)
            }
        }
        let combined: (run: ShardPart.Run, facts: [String: FileFacts])
        switch ShardPart.combine(parts) {
        case let .success(c): combined = c
        case let .failure(e): return fail(e.description)
        }
        for output in [options.common.output, options.writeBaseline].compactMap({ $0 }) {
            if let clash = OutputGuard.clash(output: output, inputs: paths.map { ("the part", $0) }) {
                return fail("flaglint: refusing to write \(output): it is \(clash), which this merge reads")
            }
        }
        var o = options
        let run = combined.run
        o.common.paths = run.paths
        o.common.config = run.config
        o.common.forceExclude = run.forceExclude
        o.common.noCache = run.noCache
        o.common.cacheDir = run.cacheDir
        o.merged = combined.facts
        return lint(o)
    }
}
