import FlaglintSupport
import FlaglintSyntax
import FlaglintRules

/// `flaglint flags --format html`: the flag debt as one self-contained page (inline CSS, no
/// script, no network): every flag with its state, owner and age since rollout drawn as a bar
/// against the stale limit, totals per owner and SDK, references per file, nesting hot spots.
public struct HTMLFlagsReporter: Sendable {
    /// Days after rollout a flag becomes stale (`stale-flag` `days`): the bar's marker.
    public var staleDays: Int

    public init(staleDays: Int = Lifecycle.defaultStaleDays) { self.staleDays = staleDays }

    /// `findings`: the run's findings; nested-flag ones become the hot spots.
    public func render(_ inventory: FlagInventory, findings: [Finding] = []) -> String {
        let flags = inventory.flags.sorted(by: MarkdownFlagsReporter.urgency)
        let references = flags.reduce(0) { $0 + $1.references.count }
        var h = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Feature flags — flaglint</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>Feature flags</h1>

            """
        var counts = ["\(flags.count) \(flags.count == 1 ? "flag" : "flags")", "\(references) \(references == 1 ? "reference" : "references")"]
        for state in [FlagInventory.State.stale, .removed, .unknown, .rolledOut, .active, .permanent] {
            let n = flags.filter { $0.state == state }.count
            if n > 0 { counts.append("\(n) \(state.rawValue)") }
        }
        h += "<p class=\"summary\">\(esc(counts.joined(separator: " · "))) — as of \(inventory.today), stale after \(staleDays) days"
            + (inventory.hasRegistry ? "" : " (no registry configured: lifecycle unknown)") + "</p>\n"
        guard !flags.isEmpty else { return h + "<p>No flag evaluations found.</p>\n</body>\n</html>\n" }
        h += flagTable(flags, today: inventory.today)
        h += totals(flags)
        h += files(flags)
        h += hotSpots(findings.filter { $0.rule == NestedFlagRule.description.id })
        h += referenceDetails(flags)
        return h + "</body>\n</html>\n"
    }

    // MARK: Sections

    private func flagTable(_ flags: [FlagInventory.Flag], today: CalendarDate) -> String {
        var h = "<h2>Flags</h2>\n<table id=\"flags\">\n<thead><tr><th>Flag</th><th>State</th><th>Owner</th><th>Rolled out</th>"
            + "<th>Age since rollout (limit \(staleDays) days)</th><th class=\"n\">References</th></tr></thead>\n<tbody>\n"
        for f in flags {
            h += "<tr data-flag=\"\(esc(f.displayName))\" data-state=\"\(f.state.rawValue)\">"
            h += "<td><code>\(esc(f.displayName))</code></td>"
            h += "<td><span class=\"state \(f.state.rawValue)\">\(f.state.rawValue)</span>" + (f.references.isEmpty && f.state != .removed ? " <span class=\"muted\">unused</span>" : "") + "</td>"
            h += "<td>\(esc(f.owner ?? ""))</td>"
            var when = f.rolledOut?.description ?? ""
            if let r = f.removed { when = "removed \(r)" } else if f.rolledOut == nil, let e = f.expires { when = (e < today ? "expired " : "expires ") + e.description }
            h += "<td>\(when)</td>"
            h += "<td>\(ageBar(f))</td>"
            h += "<td class=\"n\">\(f.references.count)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// The bar spans twice the limit; the marker sits at the limit; past it the bar turns red.
    private func ageBar(_ f: FlagInventory.Flag) -> String {
        guard let days = f.daysSinceRollout else { return f.permanent ? "<span class=\"muted\">permanent</span>" : "" }
        let limit = max(1, staleDays)
        let width = min(100, max(0, days * 50 / limit))
        let over = days > limit && !f.permanent
        return "<div class=\"bar\" title=\"\(days) days since rollout; stale after \(limit)\"><div class=\"fill\(over ? " over" : "")\" style=\"width:\(width)%\"></div>"
            + "<div class=\"limit\"></div></div> <span class=\"days\">\(days) d</span>"
    }

    private func totals(_ flags: [FlagInventory.Flag]) -> String {
        var byOwner: [String: (flags: Int, references: Int, stale: Int)] = [:]
        var bySDK: [String: (flags: Set<String>, references: Int)] = [:]
        for f in flags {
            let owner = f.owner ?? "(no owner)"
            var o = byOwner[owner] ?? (0, 0, 0)
            o.flags += 1
            o.references += f.references.count
            if f.state == .stale || f.state == .removed { o.stale += 1 }
            byOwner[owner] = o
            for r in f.references {
                var s = bySDK[r.sdk] ?? ([], 0)
                s.flags.insert(f.displayName)
                s.references += 1
                bySDK[r.sdk] = s
            }
        }
        var h = "<h2>Totals</h2>\n<div class=\"totals\">\n<table id=\"owners\">\n<thead><tr><th>Owner</th><th class=\"n\">Flags</th><th class=\"n\">Stale or removed</th><th class=\"n\">References</th></tr></thead>\n<tbody>\n"
        for (owner, t) in byOwner.sorted(by: { ($1.value.stale, $1.value.flags, $0.key) < ($0.value.stale, $0.value.flags, $1.key) }) {
            h += "<tr data-owner=\"\(esc(owner))\"><td>\(esc(owner))</td><td class=\"n\">\(t.flags)</td><td class=\"n\">\(t.stale)</td><td class=\"n\">\(t.references)</td></tr>\n"
        }
        h += "</tbody>\n</table>\n<table id=\"sdks\">\n<thead><tr><th>SDK</th><th class=\"n\">Flags</th><th class=\"n\">References</th></tr></thead>\n<tbody>\n"
        for (sdk, t) in bySDK.sorted(by: { ($1.value.references, $0.key) < ($0.value.references, $1.key) }) {
            h += "<tr data-sdk=\"\(esc(sdk))\"><td>\(esc(sdk))</td><td class=\"n\">\(t.flags.count)</td><td class=\"n\">\(t.references)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</div>\n"
    }

    private func files(_ flags: [FlagInventory.Flag]) -> String {
        var byFile: [String: (references: Int, flags: Set<String>)] = [:]
        for f in flags {
            for r in f.references {
                var e = byFile[r.path] ?? (0, [])
                e.references += 1
                e.flags.insert(f.displayName)
                byFile[r.path] = e
            }
        }
        guard !byFile.isEmpty else { return "" }
        let most = byFile.values.map(\.references).max() ?? 1
        var h = "<h2>References per file</h2>\n<table id=\"files\">\n<thead><tr><th>File</th><th class=\"n\">References</th><th></th><th>Flags</th></tr></thead>\n<tbody>\n"
        for (path, e) in byFile.sorted(by: { ($1.value.references, $0.key) < ($0.value.references, $1.key) }) {
            h += "<tr data-file=\"\(esc(path))\"><td><code>\(esc(path))</code></td><td class=\"n\">\(e.references)</td>"
                + "<td><div class=\"bar\"><div class=\"fill\" style=\"width:\(e.references * 100 / max(1, most))%\"></div></div></td>"
                + "<td>\(e.flags.sorted().map { "<code>\(esc($0))</code>" }.joined(separator: " "))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    private func hotSpots(_ nested: [Finding]) -> String {
        var h = "<h2>Nesting hot spots</h2>\n"
        guard !nested.isEmpty else { return h + "<p class=\"muted\">No flag check sits deeper than the nesting limit.</p>\n" }
        h += "<table id=\"nesting\">\n<thead><tr><th>Location</th><th>Flag</th><th class=\"n\">Depth</th><th>Controlled by</th></tr></thead>\n<tbody>\n"
        let ordered = nested.sorted { ($1.related.count, $0.path, $0.line, $0.column) < ($0.related.count, $1.path, $1.line, $1.column) }
        for f in ordered {
            let chain = f.related.map { r in "<code>\(esc(r.flag ?? "?"))</code> <span class=\"muted\">(\(r.line):\(r.column))</span>" }
            h += "<tr data-location=\"\(esc("\(f.path):\(f.line):\(f.column)"))\"><td><code>\(esc("\(f.path):\(f.line):\(f.column)"))</code></td>"
                + "<td><code>\(esc(f.flag ?? ""))</code></td><td class=\"n\">\(f.related.count)</td><td>\(chain.joined(separator: " → "))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    private func referenceDetails(_ flags: [FlagInventory.Flag]) -> String {
        var h = "<h2>References</h2>\n"
        for f in flags where !f.references.isEmpty {
            h += "<details><summary><code>\(esc(f.displayName))</code> — \(f.references.count) \(f.references.count == 1 ? "reference" : "references")</summary>\n<ul>\n"
            for r in f.references {
                var item = "<code>\(esc("\(r.path):\(r.line):\(r.column)"))</code> \(esc(r.sdk)), default <code>\(esc(r.default))</code>"
                if r.expression != f.displayName { item += ", as <code>\(esc(r.expression))</code>" }
                if let c = r.constant { item += " (constant <code>\(esc(c.name))</code> at \(esc("\(c.path):\(c.line)")))" }
                h += "<li>\(item)</li>\n"
            }
            h += "</ul>\n</details>\n"
        }
        return h
    }

    // MARK: Markup

    /// XML escaping is HTML escaping too (`&apos;` is HTML5; control characters become U+FFFD).
    private func esc(_ s: String) -> String { CheckstyleXML.escape(s) }

    private static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1b1f24;background:#fff}\
        h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.2em;margin:1.8em 0 .5em}\
        table{border-collapse:collapse;margin:.5em 0}th,td{padding:.3em .7em;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:middle}\
        th{font-weight:600;background:#f5f7f9}.n{text-align:right}code{font:12.5px ui-monospace,Menlo,Consolas,monospace}\
        .summary{color:#444}.muted{color:#777}.totals{display:flex;gap:2em;flex-wrap:wrap;align-items:flex-start}\
        .state{display:inline-block;padding:0 .5em;border-radius:.8em;font-size:12px;background:#e8eaed}\
        .state.stale,.state.removed{background:#fde2e1;color:#a4161a}.state.active{background:#e1f3e5;color:#1a6b2f}\
        .state.rolled-out{background:#fff3cd;color:#7a5b00}.state.permanent{background:#e3ecfb;color:#1d4f91}\
        .bar{display:inline-block;position:relative;width:12em;height:.7em;background:#eef0f2;border-radius:.35em;vertical-align:middle}\
        .fill{position:absolute;left:0;top:0;bottom:0;background:#4c9a5f;border-radius:.35em}.fill.over{background:#d64545}\
        .limit{position:absolute;left:50%;top:-.2em;bottom:-.2em;border-left:2px solid #333}.days{font-size:12px;color:#444}\
        details{margin:.3em 0}summary{cursor:pointer}ul{margin:.3em 0 .6em 1.2em;padding:0}
        """
}
