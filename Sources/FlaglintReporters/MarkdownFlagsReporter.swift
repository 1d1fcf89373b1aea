import FlaglintSupport
import FlaglintRules

/// Renders the `flags` inventory as Markdown to paste into a cleanup ticket: a summary, one
/// table row per flag (most urgent first), then a checklist of every reference to remove.
public struct MarkdownFlagsReporter: Sendable {
    public init() {}

    public func render(_ inventory: FlagInventory) -> String {
        var out: [String] = []
        let flags = inventory.flags.sorted(by: MarkdownFlagsReporter.urgency)
        out.append("# Feature flags")
        out.append("")
        var counts: [String] = ["\(flags.count) \(flags.count == 1 ? "flag" : "flags")"]
        for state in [FlagInventory.State.stale, .removed, .unknown, .rolledOut, .active, .permanent] {
            let n = flags.filter { $0.state == state }.count
            if n > 0 { counts.append("\(n) \(state.rawValue)") }
        }
        let unused = flags.filter { $0.references.isEmpty && $0.state != .removed }.count
        if unused > 0 { counts.append("\(unused) unused") }
        out.append(counts.joined(separator: " · ") + " — as of \(inventory.today), stale after \(inventory.staleDays) days"
                   + (inventory.hasRegistry ? "" : " (no registry configured: lifecycle unknown)"))
        out.append("")
        guard !flags.isEmpty else {
            out.append("No flag evaluations found.")
            return out.joined(separator: "\n") + "\n"
        }
        out.append("| Flag | State | Rolled out | Days since | Owner | References |")
        out.append("|---|---|---|--:|---|--:|")
        for flag in flags {
            let state = [.stale, .removed].contains(flag.state) ? "**\(flag.state.rawValue)**" : flag.state.rawValue
            let unusedMark = flag.references.isEmpty && flag.state != .removed ? " (unused)" : ""
            out.append("| \(code(flag.displayName)) | \(state)\(unusedMark) | \(flag.rolledOut?.description ?? "") | "
                       + "\(flag.daysSinceRollout.map(String.init) ?? "") | \(cell(flag.owner ?? "")) | \(flag.references.count) |")
        }
        let withReferences = flags.filter { !$0.references.isEmpty }
        if !withReferences.isEmpty {
            out.append("")
            out.append("## References")
            for flag in withReferences {
                out.append("")
                var heading = "### \(code(flag.displayName)) — "
                if flag.state == .removed, let date = flag.removed {
                    heading += "removed on \(date)"
                } else {
                    heading += flag.state.rawValue
                }
                if let date = flag.rolledOut, let days = flag.daysSinceRollout { heading += ", rolled out \(date) (\(days) days ago)" }
                if let date = flag.expires {
                    heading += date < inventory.today ? ", expired \(date)" : ", expires \(date)"
                }
                if let owner = flag.owner { heading += ", owner \(owner)" }
                out.append(heading)
                out.append("")
                let box = [.stale, .removed].contains(flag.state) ? "- [ ] " : "- "
                for r in flag.references {
                    var line = "\(box)\(code("\(r.path):\(r.line):\(r.column)")) \(r.language.rawValue), \(r.sdk), default \(code(r.default))"
                    if let key = flag.key, r.expression != key, r.expression != "\"\(key)\"" { line += ", as \(code(r.expression))" }
                    out.append(line)
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func urgency(_ a: FlagInventory.Flag, _ b: FlagInventory.Flag) -> Bool {
        func rank(_ s: FlagInventory.State) -> Int {
            switch s {
            case .removed: return 0
            case .stale: return 1
            case .unknown: return 2
            case .rolledOut: return 3
            case .active: return 4
            case .permanent: return 5
            }
        }
        if rank(a.state) != rank(b.state) { return rank(a.state) < rank(b.state) }
        if (a.key == nil) != (b.key == nil) { return a.key != nil }
        return a.displayName < b.displayName
    }

    /// Inline code that survives backticks and pipes inside the text.
    func code(_ text: String) -> String {
        let escaped = TerminalText.escape(text.replacingAll("|", with: "\\|").replacingAll("\n", with: " "))
        let fence = escaped.contains("`") ? "``" : "`"
        let pad = escaped.hasPrefix("`") || escaped.hasSuffix("`") ? " " : ""
        return fence + pad + escaped + pad + fence
    }

    func cell(_ text: String) -> String { TerminalText.escape(text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")) }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
