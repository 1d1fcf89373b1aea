import Foundation

/// C, C++, Objective-C and Objective-C++ through libclang (SPEC §6.3): libclang lexes and
/// preprocesses each file on its own; flaglint's own structure parser builds the control
/// tree from the tokens, because without the project's headers clang's AST drops code.
public struct CFamilyFrontend: Frontend {
    public let languages: Set<Language> = [.c, .cpp, .objc, .objcpp]
    private let libclang: @Sendable () -> Result<Libclang, FrontendUnavailable>

    public init() { self.libclang = { Libclang.shared } }

    /// A frontend on a given libclang (tests run both libclang 14 and the toolchain's).
    init(libclang: Libclang) { self.libclang = { .success(libclang) } }

    public func parse(_ source: SourceFile, context: FrontendContext) throws -> FileModel {
        let clang = try libclang().get()
        // A `.h` file the driver could not place is lexed as what it shows itself to be, so
        // that `::`, `class` and `@interface` lex right; its reported language stays as given.
        var language = source.language
        if language == .c && CFamilyFrontend.isHeader(source.path) {
            language = CFamilyFrontend.headerLanguage(source.bytes)
        }
        let invocation = CFamilyFrontend.invocation(for: source.path, language: language, context: context)
        let lexed = ClangLexer.lex(source.bytes, invocation: invocation, clang: clang)
        let stream = CTokenStream(bytes: source.bytes, raw: lexed.tokens, skipped: lexed.skipped)
        let structure = CStructureParser(tokens: stream.tokens).parse()
        var model = FileModel(source: source, tokens: stream.tokens, comments: stream.comments, control: structure.control,
                              constants: stream.macroConstants + structure.constants, diagnostics: lexed.diagnostics)
        model.partners = structure.partners
        return model
    }

    static func isHeader(_ path: String) -> Bool { path.lowercased().hasSuffix(".h") }

    /// The flags libclang reads the file with: the file's own from a compilation database
    /// (configured or found above the file), else its language and the configured `defines:`.
    static func invocation(for path: String, language: Language, context: FrontendContext) -> ClangInvocation {
        let clangPath = path.isEmpty ? "stdin" + fallbackExtension(language) : path
        let cache = CompilationDatabaseCache.shared
        if let dbPath = context.compileCommands ?? cache.find(for: clangPath),
           let db = cache.database(at: dbPath), let args = db.arguments(for: clangPath) {
            return ClangInvocation(path: clangPath, arguments: args + ClangInvocation.quiet, singleFile: false)
        }
        let defines = context.defines.map { "-D" + $0 }
        return ClangInvocation(path: clangPath, arguments: ClangInvocation.arguments(for: language) + defines + ClangInvocation.quiet, singleFile: true)
    }

    private static func fallbackExtension(_ language: Language) -> String {
        switch language {
        case .c: return ".c"
        case .objc: return ".m"
        case .objcpp: return ".mm"
        default: return ".cpp"
        }
    }

    /// SPEC §6.3: a header is C unless it shows C++ (`class`, `namespace`, `template`, `::`,
    /// access specifiers) or Objective-C (`@interface`, `@protocol`, `#import`, ...) syntax.
    /// A cheap scan of words outside comments and literals; no libclang needed.
    public static func headerLanguage(_ bytes: [UInt8]) -> Language {
        var cpp = false, objc = false
        var i = 0
        let n = bytes.count
        var word: [UInt8] = []
        var atWord = false   // the word follows `@`
        var hashWord = false // the word follows `#`
        func flush() {
            if !word.isEmpty {
                let w = String(decoding: word, as: UTF8.self)
                if atWord {
                    if ["interface", "protocol", "implementation", "class", "property", "end", "import"].contains(w) { objc = true }
                } else if hashWord {
                    if w == "import" { objc = true }
                } else if ["class", "namespace", "template", "public", "private", "protected", "virtual", "constexpr", "nullptr", "typename", "operator"].contains(w) {
                    cpp = true
                }
            }
            word.removeAll(keepingCapacity: true)
            atWord = false
            hashWord = false
        }
        var pendingAt = false, pendingHash = false
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "/") {
                flush()
                while i < n && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if b == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "*") {
                flush()
                i += 2
                while i + 1 < n && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
                continue
            }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                flush()
                i += 1
                while i < n && bytes[i] != b && bytes[i] != 0x0A {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                i += 1
                pendingAt = false
                continue
            }
            let isWordByte = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            if isWordByte {
                if word.isEmpty { atWord = pendingAt; hashWord = pendingHash }
                word.append(b)
            } else {
                flush()
                if b == UInt8(ascii: ":") && i + 1 < n && bytes[i + 1] == UInt8(ascii: ":") { cpp = true }
                pendingAt = b == UInt8(ascii: "@")
                if b == UInt8(ascii: "#") { pendingHash = true } else if b != 0x20 && b != 0x09 { pendingHash = false }
            }
            if cpp && objc { break }
            i += 1
        }
        flush()
        return cpp && objc ? .objcpp : objc ? .objc : cpp ? .cpp : .c
    }
}
