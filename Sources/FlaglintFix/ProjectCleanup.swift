import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// What goes once no evaluation of a flag is left in the project: the constant or enum case
/// its key was written with (when nothing else in the project names it) and its entry in the
/// native `flags.yml` registry. Only for runs that see the whole project: a run over some files
/// cannot know that no other file still checks the flag.
struct ProjectCleanup {
    package var fix: ProjectFix
    package let report: Report
    package let plan: Session.Plan
    package let session: Session

    /// A declaration to consider: its name, the file it is in, and its language family.
    package struct Candidate: Hashable {
        package var name: String
        package var path: String
        package var language: Language
        package var flag: String
    }

    package mutating func run(keepRegistry: Bool) {
        guard !fix.decisions.isEmpty else { return }
        for (g, group) in plan.groups.enumerated() where group.coversProject {
            let own = Set(group.inputs.map(\.displayPath))
            let files = report.files.filter { own.contains($0.path) }
            var done = Set<String>()
            var candidates = Set<Candidate>()
            for f in files {
                for e in f.evaluations {
                    guard let v = e.key.value else { continue }
                    let flag = group.registry?.lookup(codeKey: v)?.key ?? v
                    guard fix.decisions[flag] != nil || fix.decisions[v] != nil else { continue }
                    done.insert(flag)
                    switch e.key.resolution {
                    case let .constant(name, path, _):
                        // `Flags.newCheckout`: the declared name is the last component.
                        let last = name.split(separator: ".").last.map(String.init) ?? name
                        candidates.insert(Candidate(name: last, path: path, language: f.language, flag: flag))
                    case .literal where isIdentifier(e.key.expression):
                        // `FeatureFlag.newCheckout.enabled`: the key is an enum case of the project.
                        for c in files where c.language.fixFamily == f.language.fixFamily {
                            for k in c.constants where k.definition.isEnumCase && k.definition.name == e.key.expression {
                                candidates.insert(Candidate(name: k.definition.name, path: c.path, language: c.language, flag: flag))
                            }
                        }
                    default: break
                    }
                }
            }
            // A flag with an evaluation left (anywhere, for any reason) keeps everything.
            let left = Set(fix.notFixed.map(\.flag))
            let finished = done.subtracting(left)
            let inputs = session.projectInputs(group)
            for c in candidates.sorted(by: { ($0.path, $0.name) < ($1.path, $1.name) }) where finished.contains(c.flag) {
                removeDeclaration(c, inputs: inputs, settings: group.settings)
            }
            if !keepRegistry {
                for entry in group.configuration.registry where entry.format == .native {
                    for flag in finished.sorted() { removeRegistryEntry(flag, path: entry.path) }
                }
            }
        }
    }

    func isIdentifier(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || f.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// The current content of a file: as this fix leaves it, else as on disk.
    package func current(display: String, read: String) -> [UInt8]? {
        if let c = fix.changes.first(where: { $0.readPath == read || $0.path == display }) { return c.after }
        return FileReader.read(read)
    }

    mutating func setContent(display: String, read: String, _ bytes: [UInt8], cleanup: String) {
        if let i = fix.changes.firstIndex(where: { $0.readPath == read || $0.path == display }) {
            fix.changes[i].after = bytes
            fix.changes[i].cleanups.append(cleanup)
        } else if let before = FileReader.read(read) {
            fix.changes.append(.init(path: display, readPath: read, before: before, after: bytes, removed: 0, cleanups: [cleanup]))
        }
    }

    package func parse(_ bytes: [UInt8], path: String, language: Language, settings: LintSettings) -> FileModel? {
        guard let frontend = FrontendRegistry.frontend(for: language) else { return nil }
        return try? frontend.parse(SourceFile(path: path, language: language, bytes: bytes), context: settings.frontendContext)
    }

    mutating func removeDeclaration(_ c: Candidate, inputs: [LintInput], settings: LintSettings) {
        let needle = Array(c.name.utf8)
        var uses = 0
        var words = 0
        var home: (LintInput, [UInt8], FileModel)?
        for input in inputs where input.language.fixFamily == c.language.fixFamily {
            guard let read = input.readPath, let bytes = current(display: input.displayPath, read: read), contains(bytes, needle),
                  let model = parse(bytes, path: input.displayPath, language: input.language, settings: settings) else { continue }
            uses += model.tokens.filter { $0.kind == .identifier && $0.text == c.name }.count
            words += wordCount(bytes, needle)
            if input.displayPath == c.path { home = (input, bytes, model) }
        }
        guard uses <= 1, let (input, bytes, model) = home, let read = input.readPath,
              let definition = model.constants.first(where: { $0.name == c.name && $0.scope == nil }) else { return }
        let lines = SourceLines(bytes)
        // Preprocessor lines are not all tokens: a macro goes only when its name appears
        // nowhere else, not even in another macro's body.
        if definition.isMacro, words == 1 {
            // `#define NAME value` on one line: the preprocessor line goes.
            let start = lines.lineStart(definition.offset), end = lines.lineEnd(definition.offset)
            let text = lines.text(start..<end)
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == "\n" })
            guard words.count >= 2, words[0] == "#define" || (words[0] == "#" && words.count >= 3 && words[1] == "define"),
                  words.contains(where: { $0 == c.name }), !text.hasSuffix("\\\n"), !text.hasSuffix("\\") else { return }
            var out = Array(bytes[..<start])
            out += bytes[end...]
            setContent(display: c.path, read: read, out, cleanup: "removed the declaration of `\(c.name)`")
            return
        }
        guard uses == 1, let token = model.tokens.firstIndex(where: { $0.start == definition.offset }) else { return }
        let start = lines.lineStart(definition.offset)
        let end = lines.lineEnd(definition.offset)
        let onLine = model.tokens.indices.filter { model.tokens[$0].start >= start && model.tokens[$0].start < end && model.tokens[$0].kind != .layout }
        let location = SourceFile(path: c.path, language: input.language, bytes: bytes).location(at: definition.offset)
        func keep(_ why: String) {
            fix.notes.append(.init(kind: .kept, path: c.path, line: location.line, column: location.column, flag: c.flag,
                                   reason: "the declaration of `\(c.name)`: \(why)"))
        }
        guard let first = onLine.first, let last = onLine.last, lines.onlyBlankBefore(model.tokens[first].start),
              lines.onlyBlankAfter(model.tokens[last].end) || model.comments.contains(where: { $0.start >= model.tokens[last].end && $0.start < end }),
              !onLine.contains(where: { model.tokens[$0].is(",") }), !lines.text(start..<end).hasSuffix("\\\n") else {
            return keep("it shares its line with other code")
        }
        // A statement continued on the next line is not one line.
        if last + 1 < model.tokens.count, !model.tokens[last + 1].flags.contains(.lineStart), model.tokens[last + 1].kind != .layout {
            return keep("it continues on the next line")
        }
        if definition.isEnumCase && c.language == .swift {
            // An enum with a raw type needs a case: the last one stays.
            var open = token - 1
            var depth = 0
            while open >= 0 {
                if model.tokens[open].is("}") { depth += 1 } else if model.tokens[open].is("{") { if depth == 0 { break }; depth -= 1 }
                open -= 1
            }
            let close = open >= 0 ? Int(model.partners[open]) : -1
            guard open >= 0, close > token else { return keep("its enum was not found") }
            var others = 0
            var k = open + 1
            while k < close {
                if model.tokens[k].is("case") && !onLine.contains(k) && model.tokens[k].flags.contains(.lineStart) { others += 1 }
                k = model.tokens[k].isOpenBracket && model.partners[k] > k ? Int(model.partners[k]) + 1 : k + 1
            }
            guard others > 0 else { return keep("it is the last case of its enum") }
        }
        // Doc comments directly above go with it.
        var from = start
        while from > 0 {
            let prev = lines.lineStart(from - 1)
            let text = lines.text(prev..<from).trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.hasPrefix("///") || (c.language == .python && text.hasPrefix("#:")) else { break }
            from = prev
        }
        var out = Array(bytes[..<from])
        out += bytes[end...]
        setContent(display: c.path, read: read, out, cleanup: "removed the declaration of `\(c.name)`")
    }

    /// Occurrences of `needle` as a whole word (not inside a longer identifier).
    func wordCount(_ bytes: [UInt8], _ needle: [UInt8]) -> Int {
        func word(_ b: UInt8) -> Bool { b == UInt8(ascii: "_") || (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) || b >= 0x80 }
        guard let f = needle.first, needle.count <= bytes.count else { return 0 }
        var n = 0
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == f && bytes[i..<i + needle.count].elementsEqual(needle)
                && (i == 0 || !word(bytes[i - 1])) && (i + needle.count == bytes.count || !word(bytes[i + needle.count])) {
                n += 1
                i += needle.count
                continue
            }
            i += 1
        }
        return n
    }

    package func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let f = needle.first, needle.count <= bytes.count else { return false }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == f && bytes[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Deletes `flag`'s entry from a native registry file: its key line under `flags:` and the
    /// more-indented lines after it.
    mutating func removeRegistryEntry(_ flag: String, path: String) {
        let display = PathName.display(path, currentDirectory: session.settings.currentDirectory)
        guard let bytes = current(display: display, read: path) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func indent(_ l: String) -> Int { l.prefix { $0 == " " }.count }
        func isBlankOrComment(_ l: String) -> Bool {
            let t = l.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t.hasPrefix("#")
        }
        guard let flags = lines.firstIndex(where: { $0.hasPrefix("flags:") }) else { return }
        let spellings = [flag + ":", "\"\(flag)\":", "'\(flag)':"]
        var at: Int?
        for i in flags + 1..<lines.count {
            let l = lines[i]
            if !isBlankOrComment(l) && indent(l) == 0 { break }
            let t = l.trimmingCharacters(in: .whitespaces)
            if indent(l) > 0, spellings.contains(where: { t.hasPrefix($0) }) { at = i; break }
        }
        guard let start = at else { return }
        let level = indent(lines[start])
        var end = start + 1
        while end < lines.count && (lines[end].trimmingCharacters(in: .whitespaces).isEmpty || indent(lines[end]) > level) { end += 1 }
        // Blank lines before the next entry stay with it.
        while end > start + 1 && lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        lines.removeSubrange(start..<end)
        setContent(display: display, read: path, Array(lines.joined(separator: "\n").utf8), cleanup: "removed `\(flag)` from the registry")
    }
}

extension Language {
    /// Names are shared within a family: Swift, Python, and the C family.
    var fixFamily: Int { self == .swift ? 0 : self == .python ? 1 : 2 }
}
