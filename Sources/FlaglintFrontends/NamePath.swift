import FlaglintSyntax

/// A value written as a plain (dotted) name: `NEW_CHECKOUT`, `switches.NEW_CHECKOUT`,
/// `Names.someCase`, Swift's `.someCase`. Frontends record `let e = Names.someCase` and
/// `on = NEW_CHECKOUT` as aliases of that name, so a key through them resolves like the name.
enum NamePath {
    /// The name `range` holds, or nil for anything else (calls, operators, literals).
    /// `implicitMember`: a leading `.` is allowed (Swift); `.rawValue` at the end is dropped.
    package static func reference(_ tokens: [Token], _ range: Range<Int>, swift: Bool) -> NameReference? {
        guard !range.isEmpty, range.upperBound <= tokens.count else { return nil }
        var i = range.lowerBound
        var implicit = false
        if swift, tokens[i].kind == .punctuation, tokens[i].text == "." {
            implicit = true
            i += 1
        }
        var names: [String] = []
        var expectName = true
        while i < range.upperBound {
            let t = tokens[i]
            if expectName {
                guard t.kind == .identifier else { return nil }
                names.append(t.text)
            } else {
                guard t.kind == .punctuation, t.text == "." else { return nil }
            }
            expectName.toggle()
            i += 1
        }
        guard !expectName, !names.isEmpty else { return nil }
        if swift, names.count > 1, names.last == "rawValue" { names.removeLast() }
        return NameReference(names: names, implicitMember: implicit)
    }
}
