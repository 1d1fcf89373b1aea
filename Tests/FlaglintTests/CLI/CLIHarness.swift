import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintEngine
@testable import FlaglintKit

/// Runs the built `flaglint` executable the way a user, a hook or an editor does.
enum CLI {
    /// The executable built beside the test bundle (`swift test` builds every product), or
    /// `FLAGLINT_BINARY` when set. Nil when neither exists: the CLI suites are then skipped.
    static let binary: String? = {
        if let explicit = ProcessInfo.processInfo.environment["FLAGLINT_BINARY"] {
            return FileManager.default.isExecutableFile(atPath: explicit) ? explicit : nil
        }
        var candidates: [URL] = []
        // Linux: the bundle is `.build/<triple>/debug/flaglintPackageTests.xctest` (an executable);
        // macOS: `.../debug/flaglintPackageTests.xctest/Contents/MacOS/...`. Both sit beside the binary.
        for url in [Bundle.main.bundleURL, Bundle.main.executableURL].compactMap({ $0 }) {
            var dir = url
            for _ in 0..<4 {
                dir.deleteLastPathComponent()
                candidates.append(dir.appendingPathComponent("flaglint"))
            }
        }
        for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") {
            candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("flaglint"))
        }
        candidates.append(URL(fileURLWithPath: PackagePaths.root + "/.build/debug/flaglint"))
        return candidates.map(\.path).first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
    }()

    static let skipReason: Testing.Comment = "the flaglint executable was not found beside the test bundle (run `swift build` first, or set FLAGLINT_BINARY)"

    struct Result: CustomStringConvertible {
        var status: Int32
        /// Killed by a signal (a crash): never acceptable, whatever the input.
        var signal: Int32?
        var timedOut: Bool
        var stdoutData: Data
        var stderrData: Data
        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        var stderr: String { String(decoding: stderrData, as: UTF8.self) }
        var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

        /// A normal exit with one of the documented codes.
        var exitedCleanly: Bool { signal == nil && !timedOut && [0, 1, 2].contains(status) }

        var description: String {
            let how = timedOut ? "timed out" : signal.map { "killed by signal \($0)" } ?? "exit \(status)"
            return "\(how)\n--- stdout\n\(stdout.prefix(4000))\n--- stderr\n\(stderr.prefix(4000))"
        }
    }

    /// Runs flaglint with `arguments` in `directory`. `NO_COLOR` is removed from the inherited
    /// environment so that colour tests decide it; `environment` adds or overrides variables.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    stdin: Data? = nil, timeout: TimeInterval = 300) throws -> Result {
        guard let binary else { throw Failure("no flaglint binary") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        // The project index goes to a scratch directory, not into testdata/.
        if env["FLAGLINT_CACHE_DIR"] == nil { env["FLAGLINT_CACHE_DIR"] = NSTemporaryDirectory() + "/flaglint-test-cache-\(getpid())" }
        env["NO_COLOR"] = nil
        env["FLAGLINT_UPDATE_GOLDEN"] = nil
        process.environment = env.merging(environment) { $1 }
        // Files, not pipes, outside the tree under test: a chatty run cannot block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-cli-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let stdin {
            let inFile = scratch.appendingPathComponent("in")
            try stdin.write(to: inFile)
            process.standardInput = try FileHandle(forReadingFrom: inFile)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            done.wait()
        }
        try outHandle.close()
        try errHandle.close()
        let signaled = process.terminationReason == .uncaughtSignal
        return Result(status: process.terminationStatus, signal: signaled ? process.terminationStatus : nil, timedOut: timedOut,
                      stdoutData: (try? Data(contentsOf: out)) ?? Data(), stderrData: (try? Data(contentsOf: err)) ?? Data())
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A scratch project directory for one test: files written as text or bytes, symlinks, and a
/// snapshot of everything in it to prove a run changed nothing.
struct Project {
    let root: String

    init(_ files: [String: String] = [:]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.resolvingSymlinksInPath().path
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try write(path, text) }
    }

    /// A copy of a directory of the checkout (`testdata/demo`), so runs never touch the checkout.
    static func copy(of relative: String) throws -> Project {
        let project = try Project()
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.path(relative)) {
            try FileManager.default.copyItem(atPath: PackagePaths.path(relative) + "/" + name, toPath: project.root + "/" + name)
        }
        return project
    }

    func path(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    func write(_ relative: String, _ text: String) throws { try write(relative, bytes: Array(text.utf8)) }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: PathName.parent(full), withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    func exists(_ relative: String) -> Bool { FileSystem.exists(path(relative)) }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createDirectory(atPath: PathName.parent(path(relative)), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func run(_ arguments: [String], in directory: String = "", environment: [String: String] = [:],
             stdin: String? = nil, stdinBytes: Data? = nil) throws -> CLI.Result {
        try CLI.run(arguments, in: path(directory), environment: environment, stdin: stdinBytes ?? stdin.map { Data($0.utf8) })
    }

    /// Every entry under the root, not following symlinks: kind, size, modification time and
    /// a content hash for files, the target for links.
    func snapshot() throws -> [String: String] {
        var out: [String: String] = [:]
        var stack = [""]
        while let dir = stack.popLast() {
            for name in try FileManager.default.contentsOfDirectory(atPath: path(dir)) {
                let relative = dir.isEmpty ? name : dir + "/" + name
                var info = stat()
                guard lstat(path(relative), &info) == 0 else { out[relative] = "unstatable"; continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    out[relative] = "dir"
                    stack.append(relative)
                case S_IFLNK:
                    out[relative] = "link -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path(relative))) ?? "?")
                case S_IFREG:
                    let data = try Data(contentsOf: URL(fileURLWithPath: path(relative)))
                    #if canImport(Darwin)
                    let mtime = info.st_mtimespec
                    #else
                    let mtime = info.st_mtim
                    #endif
                    out[relative] = "file \(data.count) \(Self.fnv1a(data)) mtime \(mtime.tv_sec).\(mtime.tv_nsec)"
                default:
                    out[relative] = "other"
                }
            }
        }
        return out
    }

    static func fnv1a(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}
