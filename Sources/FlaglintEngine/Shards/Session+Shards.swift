/// Sharded runs as library calls: one shard's facts, and a plan that takes every part's facts
/// instead of analysing the files again.
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintReporters

extension Session {
    /// The facts of `shard`'s share of `plan`'s files (every group's), sorted by path, before
    /// cross-file resolution and rules: what a part carries. The share is computed over the whole
    /// plan, so every shard of a matrix partitions the same files the same way.
    public func shardFacts(_ plan: Plan, shard: Shard) -> [FileFacts] {
        let all = plan.groups.flatMap(\.inputs)
        let sizes = ParallelMap.map(all, jobs: settings.jobs) { input -> Int64 in
            input.readPath.flatMap { FileStatus.of($0)?.size } ?? Int64(input.contents?.count ?? 0)
        }
        let share = shard.share(of: all.indices.map { (all[$0].displayPath, sizes[$0]) })
        let mine = Set(share.map { all[$0].displayPath })
        var facts: [FileFacts] = []
        settings.progress?.start(phase: "linting shard \(shard)", total: mine.count)
        for group in plan.groups {
            let inputs = group.inputs.filter { mine.contains($0.displayPath) }
            guard !inputs.isEmpty else { continue }
            let index = openIndex(for: group)
            let analyzer = FileAnalyzer(settings: group.settings)
            facts += ParallelMap.map(inputs, jobs: settings.jobs) { input in
                defer { settings.progress?.advance() }
                return cachedFacts(of: input, analyzer, index)
            }
            index.save()
        }
        settings.progress?.finish()
        return facts.sorted { $0.path < $1.path }
    }

    /// `plan` with the parts' facts in place of analysis. The parts must hold exactly the plan's
    /// files: a file discovered here but in no part, or in a part but not discovered here, means
    /// the merge does not see the tree the shards saw.
    public func merging(_ facts: [String: FileFacts], into plan: Plan) throws(SessionError) -> Plan {
        var plan = plan
        var used = 0
        for g in plan.groups.indices {
            for input in plan.groups[g].inputs {
                guard let f = facts[input.displayPath] else {
                    throw SessionError("flaglint: \(input.displayPath) is in no part: merge in a checkout of the commit the shards linted, from the directory they ran in")
                }
                plan.groups[g].facts[input.displayPath] = f
                used += 1
            }
        }
        if used != facts.count {
            let planned = Set(plan.groups.flatMap { $0.inputs.map(\.displayPath) })
            let extra = facts.keys.filter { !planned.contains($0) }.sorted()
            throw SessionError("flaglint: \(extra.first ?? "a file") is in a part but not in this tree: merge in a checkout of the commit the shards linted, from the directory they ran in")
        }
        return plan
    }
}
