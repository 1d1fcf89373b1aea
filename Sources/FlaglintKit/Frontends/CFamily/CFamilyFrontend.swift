import Foundation

/// C, C++, Objective-C and Objective-C++ through libclang (SPEC §6.3): libclang lexes and
/// preprocesses each file on its own; flaglint's own structure parser builds the control
/// tree from the tokens, because without the project's headers clang's AST drops code.
public struct CFamilyFrontend: Frontend {
    public let languages: Set<Language> = [.c, .cpp, .objc, .objcpp]
    /// A given libclang instead of the session's (tests run both libclang 14 and the toolchain's).
    private let libclang: Libclang?

    public init() { self.libclang = nil }

    init(libclang: Libclang) { self.libclang = libclang }

    public func parse(_ source: SourceFile, context: FrontendContext) throws -> FileModel {
        let clang = try libclang ?? context.caches.libclang().get()
        // `.h` files arrive with the language discovery chose (content or `languages:`).
        let invocation = CFamilyFrontend.invocation(for: source.path, language: source.language, context: context)
        let lexed = ClangLexer.lex(source.bytes, invocation: invocation, clang: clang)
        let stream = CTokenStream(bytes: source.bytes, raw: lexed.tokens, skipped: lexed.skipped)
        let structure = CStructureParser(tokens: stream.tokens).parse()
        var model = FileModel(source: source, tokens: stream.tokens, comments: stream.comments, control: structure.control,
                              constants: stream.macroConstants + structure.constants, diagnostics: lexed.diagnostics)
        model.partners = structure.partners
        model.followsIncludes = !invocation.singleFile
        model.includedConstants = lexed.headerMacros.compactMap { m in
            guard let value = CTokenStream.decodeString(m.literal) else { return nil }
            return IncludedConstant(definition: ConstantDefinition(name: m.name, value: .string(value), offset: 0),
                                    path: CFamilyFrontend.displayPath(m.path, currentDirectory: context.currentDirectory), line: m.line)
        }
        return model
    }

    /// The flags libclang reads the file with: the file's own from a compilation database
    /// (configured or found above the file), else its language and the configured `defines:`.
    static func invocation(for path: String, language: Language, context: FrontendContext) -> ClangInvocation {
        let clangPath = path.isEmpty ? "stdin" + fallbackExtension(language) : path
        let cache = context.caches.compilationDatabases
        let cwd = context.currentDirectory
        if let dbPath = context.compileCommands ?? cache.find(for: clangPath, currentDirectory: cwd),
           let db = cache.database(at: dbPath), let args = db.arguments(for: clangPath, currentDirectory: cwd) {
            return ClangInvocation(path: clangPath, arguments: args + ClangInvocation.quiet, singleFile: false)
        }
        let defines = context.defines.map { "-D" + $0 }
        return ClangInvocation(path: clangPath, arguments: ClangInvocation.arguments(for: language) + defines + ClangInvocation.quiet, singleFile: true)
    }

    /// A header path as the user would write it: relative to the working directory when
    /// inside it (libclang names headers by the absolute include paths of the database).
    static func displayPath(_ path: String, currentDirectory cwd: String) -> String {
        let abs = CompilationDatabase.absolute(path, in: cwd)
        return abs.hasPrefix(cwd + "/") ? String(abs.dropFirst(cwd.count + 1)) : abs
    }

    private static func fallbackExtension(_ language: Language) -> String {
        switch language {
        case .c: return ".c"
        case .objc: return ".m"
        case .objcpp: return ".mm"
        default: return ".cpp"
        }
    }
}
