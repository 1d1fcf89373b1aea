extension Runner {
    public func lint(_ options: Options) -> Int32 { fail("flaglint: lint is being wired") }
    public func flags(_ options: Options) -> Int32 { fail("flaglint: flags is being wired") }
    public func sdks(_ id: String?) -> Int32 {
        for p in BuiltinCatalogue.problems { stderr.write("flaglint: warning: built-in catalogue: \(p)\n") }
        guard let id else {
            for c in BuiltinCatalogue.all {
                let languages = c.languages.sorted().map(\.rawValue).joined(separator: ", ")
                stdout.write("\(c.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(c.name) (\(c.evaluators.count) evaluators: \(languages))\n")
            }
            return 0
        }
        guard let c = BuiltinCatalogue.catalogue(id: id) else {
            return fail("flaglint: unknown SDK `\(id)`; built-in: \(BuiltinCatalogue.ids.joined(separator: ", "))")
        }
        stdout.write("# \(c.name) (`\(c.id)`)\n\(c.docs)\n\n")
        for e in c.evaluators {
            let langs = e.languages.sorted().map(\.rawValue).joined(separator: ",")
            var traits = ["type: \(e.info.type.rawValue)", "fallback: \(e.info.fallback.rawValue)"]
            if e.info.polarity == .negative { traits.append("polarity: negative") }
            stdout.write("  [\(langs)] \(e.pattern.text)\n      \(traits.joined(separator: ", "))\n")
            if let note = e.info.note { stdout.write("      note: \(note)\n") }
        }
        return 0
    }
    public func initConfiguration(force: Bool) -> Int32 { fail("flaglint: init is being wired") }
}
