import FlaglintSyntax
import FlaglintAnalysis

/// What happens to a run's findings between the rules and the reporters, in this order:
/// in-source suppressions (and `unused-suppression` reports) per file, then the baseline, then
/// `--diff`. Suppression comes first so that unused-suppression sees every finding; the diff
/// comes last so a baseline entry for an unchanged line is still consumed.
public struct FindingFilters: Sendable {
    /// Per displayed path: the file's suppression comments (from `InSourceSuppressions(comments:source:)`).
    public var suppressions: [String: InSourceSuppressions]
    public var context: InSourceSuppressions.Context
    public var baseline: Baseline?
    /// Maps a finding's path to the baseline's directory (`BaselineFile.pathMapper`).
    public var baselinePath: @Sendable (String) -> String
    public var changedLines: ChangedLines?
    /// Absolute directory relative finding paths start from.
    public var rootDirectory: String

    public init(suppressions: [String: InSourceSuppressions], context: InSourceSuppressions.Context,
                baseline: Baseline? = nil, baselinePath: @escaping @Sendable (String) -> String = { $0 },
                changedLines: ChangedLines? = nil, rootDirectory: String) {
        self.suppressions = suppressions
        self.context = context
        self.baseline = baseline
        self.baselinePath = baselinePath
        self.changedLines = changedLines
        self.rootDirectory = rootDirectory
    }

    /// `findings` of the whole run (file and project rules); the result is in `Finding.ordered` order.
    public func apply(to findings: [Finding]) -> [Finding] {
        var byPath: [String: [Finding]] = [:]
        for f in findings { byPath[f.path, default: []].append(f) }
        // Files with directives but no findings still get their unused directives reported.
        for path in suppressions.keys where byPath[path] == nil { byPath[path] = [] }
        var out: [Finding] = []
        for (path, fileFindings) in byPath {
            let sorted = fileFindings.sorted(by: Finding.ordered)
            if let s = suppressions[path], !s.isEmpty {
                out += s.apply(to: sorted, path: path, context: context)
            } else {
                out += sorted
            }
        }
        out.sort(by: Finding.ordered)
        if let baseline { out = baseline.apply(to: out, relativePath: baselinePath) }
        if let changedLines { out = changedLines.filter(out, rootDirectory: rootDirectory) }
        return out
    }
}
