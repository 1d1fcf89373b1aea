import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// The fixes `lint` attaches to `stale-flag` and `removed-flag` findings (SARIF `fixes`): for
/// each finding, the rewrite of its file as if its flag always had its rolled-out value (or, for
/// a removed flag, the fallback), as one replacement of the bytes that change.
public enum FlagFixes {
    /// `contents`: a file's bytes by display path, where they are not the file on disk (an
    /// editor's unsaved buffer).
    public static func attach(_ findings: [Finding], report: Report, contents: [String: [UInt8]] = [:]) -> [Finding] {
        var cache: [String: Fix?] = [:]
        let files = Dictionary(report.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        return findings.map { f in
            guard f.fix == nil, let flag = f.flag, f.rule == StaleFlagRule.id || f.rule == RemovedFlagRule.id,
                  let facts = files[f.path] else { return f }
            let id = f.path + "\u{0}" + flag
            if cache[id] == nil {
                cache[id] = .some(fix(flag: flag, decision: f.rule == StaleFlagRule.id ? .value(true) : .fallback, facts: facts, report: report,
                                     contents: contents[f.path]))
            }
            var out = f
            out.fix = cache[id] ?? nil
            return out
        }
    }

    package static func fix(flag: String, decision: FlagDecision, facts: FileFacts, report: Report, contents: [UInt8]? = nil) -> Fix? {
        // The group whose registry names the flag (a run has one per configuration file).
        guard let group = report.groups.first(where: { g in facts.evaluations.contains { e in
            e.key.value.map { g.registry?.lookup(codeKey: $0)?.key == flag } ?? false
        } }) else { return nil }
        var targets: [FixSpec: FixValue] = [:]
        for e in facts.evaluations {
            guard let v = e.key.value, (group.registry?.lookup(codeKey: v)?.key ?? v) == flag,
                  case let .success(value) = FixTargets.value(of: e.evaluation, under: decision) else { continue }
            targets[FixSpec(e.evaluation)] = FixValue(flag: flag, value: value)
        }
        let path = PathName.absolute(facts.path, relativeTo: report.rootDirectory)
        guard !targets.isEmpty, let bytes = contents ?? FileReader.read(path) else { return nil }
        let fixer = FileFixer(language: facts.language, evaluators: group.settings.evaluators, context: group.settings.frontendContext, targets: targets)
        let outcome = fixer.fix(bytes, path: facts.path)
        guard outcome.changed, let edit = minimalEdit(from: bytes, to: outcome.bytes) else { return nil }
        let what: String
        switch decision {
        case .value(true): what = "as if it were always on"
        case .value(false): what = "as if it were always off"
        case .fallback: what = "as the flag service now answers: with each check's fallback"
        }
        return Fix(message: "Remove flag `\(flag)` from this file, \(what)", applicability: .safe, edits: [edit])
    }

    /// One replacement turning `a` into `b`: the bytes between their common prefix and suffix,
    /// widened to whole UTF-8 characters.
    static func minimalEdit(from a: [UInt8], to b: [UInt8]) -> Edit? {
        guard a != b else { return nil }
        var p = 0
        while p < a.count && p < b.count && a[p] == b[p] { p += 1 }
        var s = 0
        while s < a.count - p && s < b.count - p && a[a.count - 1 - s] == b[b.count - 1 - s] { s += 1 }
        // Never split a multi-byte character.
        func continuation(_ x: [UInt8], _ i: Int) -> Bool { i < x.count && (x[i] & 0xC0) == 0x80 }
        while p > 0 && (continuation(a, p) || continuation(b, p)) { p -= 1 }
        while s > 0 && (continuation(a, a.count - s) || continuation(b, b.count - s)) { s -= 1 }
        return Edit(range: p..<a.count - s, replacement: String(decoding: b[p..<b.count - s], as: UTF8.self))
    }
}
