/// A language frontend: turns one file's bytes into a `FileModel`.
///
/// Frontends are the only code that knows a language. They must be error tolerant
/// (half-written code is normal input), never crash, never hang, never recurse with
/// the input's nesting, and report problems as `FrontendDiagnostic`s.
public protocol Frontend: Sendable {
    /// The languages this frontend reads.
    var languages: Set<Language> { get }
    /// Parses `source`. Throws `FrontendUnavailable` only when the frontend cannot run at
    /// all (no libclang); problems in the file itself are diagnostics, not errors.
    func parse(_ source: SourceFile, context: FrontendContext) throws -> FileModel
}

/// Per-run settings a frontend may need.
public struct FrontendContext: Sendable {
    /// C family: macros to define when no compilation database applies (`.lint.yml` `defines:`).
    public var defines: [String]
    /// C family: the configured `compile_commands.json`, if any (absolute path).
    public var compileCommands: String?

    public init(defines: [String] = [], compileCommands: String? = nil) {
        self.defines = defines
        self.compileCommands = compileCommands
    }
}

/// The frontend cannot run on this machine (for example libclang is missing).
public struct FrontendUnavailable: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
