import Foundation
import FlaglintSupport

/// `compile_commands.json`: the real compiler flags of each file, so that the file's own
/// defines and include paths decide which preprocessor branches are live.
struct CompilationDatabase: Sendable {
    /// Absolute, standardised source path → the flags libclang needs (compiler, output and
    /// dependency-file arguments and the source itself removed).
    package var arguments: [String: [String]] = [:]

    package init(arguments: [String: [String]]) { self.arguments = arguments }

    /// Why a database cannot be used: it is missing, not a regular file, not JSON, not an array.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    /// Reads a database (a regular file of at most 1 GB holding a JSON array of commands).
    package static func load(path: String) -> Result<CompilationDatabase, Failure> {
        let bytes: [UInt8]
        switch FileSystem.readFile(path, limit: 1 << 30) {
        case let .success(b): bytes = b
        case let .failure(why): return .failure(Failure(description: "cannot read \(path): \(why)"))
        }
        guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) else {
            return .failure(Failure(description: "\(path) is not valid JSON"))
        }
        guard let list = json as? [Any] else {
            return .failure(Failure(description: "\(path) is not a JSON array of compile commands"))
        }
        return .success(CompilationDatabase(entries: list.compactMap { $0 as? [String: Any] }, path: path))
    }

    private init(entries list: [[String: Any]], path: String) {
        for entry in list {
            guard let file = entry["file"] as? String else { continue }
            let dir = entry["directory"] as? String ?? (path as NSString).deletingLastPathComponent
            var argv: [String]
            if let a = entry["arguments"] as? [String] { argv = a }
            else if let c = entry["command"] as? String { argv = CompilationDatabase.splitCommand(c) }
            else { continue }
            let abs = CompilationDatabase.absolute(file, in: dir)
            arguments[abs] = CompilationDatabase.clean(argv, source: file, directory: dir)
        }
    }

    package func arguments(for path: String, currentDirectory: String) -> [String]? {
        arguments[CompilationDatabase.absolute(path, in: currentDirectory)]
    }

    package static func absolute(_ path: String, in dir: String) -> String {
        let p = path.hasPrefix("/") ? path : dir + "/" + path
        return URL(fileURLWithPath: p).standardizedFileURL.path
    }

    /// Keeps what changes how the file preprocesses and parses; relative include paths are
    /// made absolute because libclang runs in flaglint's directory, not the build's.
    static func clean(_ argv: [String], source: String, directory: String) -> [String] {
        var out: [String] = []
        var i = 1   // argv[0] is the compiler
        let dropWithValue: Set<String> = ["-o", "-MF", "-MT", "-MQ", "-c", "--serialize-diagnostics", "-Xclang"]
        let pathFlags = ["-I", "-isystem", "-iquote", "-include", "-F", "-idirafter"]
        while i < argv.count {
            let a = argv[i]
            i += 1
            if a == "-c" || a == "-MD" || a == "-MMD" || a == "-M" || a == "-MM" || a == "-MG" || a == "-MP" { continue }
            if dropWithValue.contains(a) { i += 1; continue }
            if a == source || absolute(a, in: directory) == absolute(source, in: directory) { continue }
            if pathFlags.contains(a), i < argv.count {
                out += [a, absolute(argv[i], in: directory)]
                i += 1
                continue
            }
            if let f = pathFlags.first(where: { a.hasPrefix($0) && a.count > $0.count && !a.hasPrefix("-include-") }) {
                out.append(f + absolute(String(a.dropFirst(f.count)), in: directory))
                continue
            }
            out.append(a)
        }
        return out
    }

    /// Shell-like splitting of a `command` string (quotes and backslashes).
    static func splitCommand(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var inToken = false
        var quote: Character?
        var escape = false
        for c in s {
            if escape { cur.append(c); escape = false; inToken = true; continue }
            if c == "\\" && quote != "'" { escape = true; continue }
            if let q = quote {
                if c == q { quote = nil } else { cur.append(c) }
                continue
            }
            if c == "\"" || c == "'" { quote = c; inToken = true; continue }
            if c == " " || c == "\t" || c == "\n" {
                if inToken { out.append(cur); cur = ""; inToken = false }
                continue
            }
            cur.append(c)
            inToken = true
        }
        if inToken { out.append(cur) }
        return out
    }
}

/// Databases are large and shared by every file of a project: each is read once per session.
final class CompilationDatabaseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var databases: [String: Result<CompilationDatabase, CompilationDatabase.Failure>] = [:]
    /// Directory → the database found walking up from it (nil: none).
    private var lookups: [String: String?] = [:]

    func database(at path: String) -> Result<CompilationDatabase, CompilationDatabase.Failure> {
        lock.lock()
        if let cached = databases[path] { lock.unlock(); return cached }
        lock.unlock()
        let db = CompilationDatabase.load(path: path)
        lock.lock()
        databases[path] = db
        lock.unlock()
        return db
    }

    /// The nearest `compile_commands.json` in the file's directory or above it.
    package func find(for file: String, currentDirectory: String) -> String? {
        var dir = (CompilationDatabase.absolute(file, in: currentDirectory) as NSString).deletingLastPathComponent
        var visited: [String] = []
        var found: String?
        while true {
            lock.lock()
            let cached = lookups[dir]
            lock.unlock()
            if let cached { found = cached; break }
            visited.append(dir)
            let candidate = dir + "/compile_commands.json"
            if FileManager.default.fileExists(atPath: candidate) { found = candidate; break }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        lock.lock()
        for v in visited { lookups[v] = .some(found) }
        lock.unlock()
        return found
    }
}
