/// A JSON document with object keys kept in the order written, so machine output reads like
/// the spec's examples and golden files stay stable.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    /// Pretty-printed with two-space indentation, or compact.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        // Iterative rendering: nesting depth of the document costs no stack.
        enum Step { case value(JSONValue, Int), text(String) }
        var work: [Step] = [.value(self, 0)]
        while let step = work.popLast() {
            switch step {
            case let .text(t): out += t
            case let .value(v, depth):
                let pad = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
                let closePad = pretty ? "\n" + String(repeating: "  ", count: depth) : ""
                switch v {
                case let .string(s): out += Self.quote(s)
                case let .int(i): out += String(i)
                case let .bool(b): out += b ? "true" : "false"
                case .null: out += "null"
                case let .array(items):
                    if items.isEmpty { out += "[]"; continue }
                    out += "["
                    var steps: [Step] = []
                    for (n, item) in items.enumerated() {
                        steps.append(.text((n > 0 ? "," : "") + pad))
                        steps.append(.value(item, depth + 1))
                    }
                    steps.append(.text(closePad + "]"))
                    work.append(contentsOf: steps.reversed())
                case let .object(members):
                    if members.isEmpty { out += "{}"; continue }
                    out += "{"
                    var steps: [Step] = []
                    for (n, (k, item)) in members.enumerated() {
                        steps.append(.text((n > 0 ? "," : "") + pad + Self.quote(k) + (pretty ? ": " : ":")))
                        steps.append(.value(item, depth + 1))
                    }
                    steps.append(.text(closePad + "}"))
                    work.append(contentsOf: steps.reversed())
                }
            }
        }
        return out
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
