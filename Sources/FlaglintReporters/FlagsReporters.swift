import FlaglintSupport
import FlaglintRules

/// README, Output formats JSON for `flags`: the inventory as one document.
public struct FlagsJSONReporter: Sendable {
    public init() {}

    public func render(_ inventory: FlagInventory) -> String {
        let flags: [JSONValue] = inventory.flags.map { f in
            var members: [(String, JSONValue)] = [("key", f.key.map(JSONValue.string) ?? .null)]
            if f.key == nil, let e = f.expression { members.append(("expression", .string(e))) }
            members.append(("state", .string(f.state.rawValue)))
            members.append(("rolledOut", f.rolledOut.map { .string($0.description) } ?? .null))
            if let d = f.daysSinceRollout { members.append(("ageDays", .int(d))) }
            if let o = f.owner { members.append(("owner", .string(o))) }
            if let e = f.expires { members.append(("expires", .string(e.description))) }
            if let r = f.removed { members.append(("removed", .string(r.description))) }
            if f.permanent { members.append(("permanent", .bool(true))) }
            members.append(("references", .array(f.references.map { r in
                var ref: [(String, JSONValue)] = [
                    ("path", .string(r.path)), ("line", .int(r.line)), ("column", .int(r.column)),
                    ("language", .string(r.language.rawValue)), ("sdk", .string(r.sdk)),
                    ("default", .string(r.default)), ("expression", .string(r.expression))]
                if let c = r.constant {
                    ref.append(("constant", .object([("name", .string(c.name)), ("path", .string(c.path)), ("line", .int(c.line))])))
                }
                if let k = r.fromIdentifier {
                    ref.append(("keyFromIdentifier", .object([("identifier", .string(k.identifier)), ("template", .string(k.template))])))
                }
                return .object(ref)
            })))
            return .object(members)
        }
        return JSONValue.object([("schema", .int(1)), ("today", .string(inventory.today.description)), ("flags", .array(flags))]).rendered() + "\n"
    }
}

/// `flaglint flags` for people: one block per flag, its state and every reference.
public struct FlagsTextReporter: Sendable {
    public init() {}

    public func render(_ inventory: FlagInventory) -> String {
        var out = ""
        for f in inventory.flags {
            var head = "\(f.displayName)  [\(f.state.rawValue)]"
            if let r = f.rolledOut { head += "  rolled out \(r)" + (f.daysSinceRollout.map { " (\($0) days ago)" } ?? "") }
            if let e = f.expires { head += "  expires \(e)" }
            if let r = f.removed { head += "  removed \(r)" }
            if let o = f.owner { head += "  owner: \(o)" }
            if f.references.isEmpty { head += "  (no references in code)" }
            out += TerminalText.escape(head) + "\n"
            for r in f.references {
                let line = "    \(r.path):\(r.line):\(r.column)  \(r.sdk)  default: \(r.default)"
                    + (r.expression != f.displayName ? "  as `\(r.expression)`" : "")
                    + (r.constant.map { "  (constant \($0.name) at \($0.path):\($0.line))" } ?? "")
                    + (r.fromIdentifier.map { "  (named after `\($0.identifier)` by key_from_identifier \($0.template): declaration not found)" } ?? "")
                out += TerminalText.escape(line) + "\n"
            }
        }
        return out
    }
}
