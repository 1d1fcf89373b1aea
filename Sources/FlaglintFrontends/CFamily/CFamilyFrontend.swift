import Foundation
import FlaglintSyntax

/// A C-family file flaglint could not read (it is reported, and the run exits 2).
struct CFamilyFailure: Error, CustomStringConvertible {
    package var description: String
}

/// C, C++, Objective-C and Objective-C++ through libclang (docs/semantics.md, C family): libclang lexes and
/// preprocesses each file on its own; flaglint's own structure parser builds the control
/// tree from the tokens, because without the project's headers clang's AST drops code.
public struct CFamilyFrontend: Frontend {
    public let languages: Set<Language> = [.c, .cpp, .objc, .objcpp]
    /// A given libclang instead of the session's (tests run both libclang 14 and the toolchain's).
    private let libclang: Libclang?

    public init() { self.libclang = nil }

    package init(libclang: Libclang) { self.libclang = libclang }

    public func parse(_ source: SourceFile, context: FrontendContext) throws -> FileModel {
        let clang = try libclang ?? context.caches.libclang().get()
        if let line = CFamilyFrontend.lineBeyondNestingLimit(source.bytes) {
            throw CFamilyFailure(description: "brackets nested deeper than \(CFamilyFrontend.nestingLimit) levels at line \(line); file skipped")
        }
        // `.h` files arrive with the language discovery chose (content or `languages:`).
        let (invocation, databaseProblem) = CFamilyFrontend.invocation(for: source.path, language: source.language, context: context)
        var lexed = ClangLexer.lex(source.bytes, invocation: invocation, clang: clang)
        if let failure = lexed.failure { throw CFamilyFailure(description: failure) }
        if let databaseProblem { lexed.diagnostics.insert(FrontendDiagnostic(.warning, databaseProblem, at: 0), at: 0) }
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
    /// A configured database was checked when the run started (`Runner.settings`); a
    /// discovered one that cannot be used is a warning (the second value) and is ignored.
    static func invocation(for path: String, language: Language, context: FrontendContext) -> (ClangInvocation, String?) {
        let clangPath = path.isEmpty ? "stdin" + fallbackExtension(language) : path
        let cache = context.caches.compilationDatabases
        let cwd = context.currentDirectory
        var problem: String?
        if let dbPath = context.compileCommands ?? cache.find(for: clangPath, currentDirectory: cwd) {
            switch cache.database(at: dbPath) {
            case let .success(db):
                if let args = db.arguments(for: clangPath, currentDirectory: cwd) {
                    return (ClangInvocation(path: clangPath, arguments: args + ClangInvocation.quiet, singleFile: false), nil)
                }
            case let .failure(why): problem = "compilation database ignored: \(why)"
            }
        }
        let defines = context.defines.map { "-D" + $0 }
        return (ClangInvocation(path: clangPath, arguments: ClangInvocation.arguments(for: language) + defines + ClangInvocation.quiet, singleFile: true), problem)
    }

    /// Checks a configured `compile_commands:` file: nil when usable, else why not.
    public static func problem(withDatabase path: String) -> String? {
        if case let .failure(why) = CompilationDatabaseCache().database(at: path) { return why.description }
        return nil
    }

    /// Bracket depth refused before libclang sees the file: clang's parser recurses once per
    /// level, and no real code comes near this (clang's own `-fbracket-depth` is 256).
    static let nestingLimit = 40_000

    /// The line where `(`, `[` and `{` first nest deeper than `nestingLimit`, skipping
    /// comments and string and character literals; nil for every real file.
    static func lineBeyondNestingLimit(_ bytes: [UInt8]) -> Int? {
        var depth = 0, line = 1, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > nestingLimit { return line }
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "/"):
                while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i < n && !(bytes[i] == UInt8(ascii: "*") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "/")) {
                    if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    i += 1
                }
                i += 2
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // A literal ends at its quote or, unterminated, at the line end.
                i += 1
                while i < n && bytes[i] != b && bytes[i] != UInt8(ascii: "\n") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                if i < n && bytes[i] == b { i += 1 }
                continue
            default: break
            }
            i += 1
        }
        return nil
    }

    /// A header path as the user would write it: relative to the working directory when
    /// inside it (libclang names headers by the absolute include paths of the database).
    package static func displayPath(_ path: String, currentDirectory cwd: String) -> String {
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
