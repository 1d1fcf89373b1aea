import Foundation
import FlaglintSupport
import FlaglintSyntax

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
    /// The run's working directory: relative paths in compilation databases and header
    /// display paths are taken from it.
    public var currentDirectory: String
    /// The run's environment (`FLAGLINT_LIBCLANG`, `FLAGLINT_LIBCLANG_TIMEOUT`, `PATH`).
    public var environment: [String: String]
    /// What a session loads once and shares between files: libclang, compilation databases.
    public var caches: FrontendCaches
    /// C family: `include_dirs:`, searched after the including file's directory.
    public var includeDirectories: [String] = []

    public init(defines: [String] = [], compileCommands: String? = nil, currentDirectory: String = FileSystem.currentDirectory(),
                environment: [String: String] = ProcessInfo.processInfo.environment, caches: FrontendCaches? = nil) {
        self.defines = defines
        self.compileCommands = compileCommands
        self.currentDirectory = currentDirectory
        self.environment = environment
        self.caches = caches ?? FrontendCaches(environment: environment)
    }
}

/// Loaded once per session, shared by its files and threads: libclang (found through the
/// session's environment) and the compilation databases read so far.
public final class FrontendCaches: @unchecked Sendable {
    private let environment: [String: String]
    private let lock = NSLock()
    private var loadedLibclang: Result<Libclang, FrontendUnavailable>?
    let compilationDatabases = CompilationDatabaseCache()

    public init(environment: [String: String]) { self.environment = environment }

    /// libclang, searched and opened on first use.
    public func libclang() -> Result<Libclang, FrontendUnavailable> {
        lock.lock()
        defer { lock.unlock() }
        if let loadedLibclang { return loadedLibclang }
        let r = Libclang.load(environment: environment)
        loadedLibclang = r
        return r
    }
}

/// The frontend cannot run on this machine (for example libclang is missing).
public struct FrontendUnavailable: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
