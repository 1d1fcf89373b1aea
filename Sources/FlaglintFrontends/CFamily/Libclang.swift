import CLibclang
import Foundation

/// libclang, opened at run time so that building flaglint needs only a Swift toolchain and
/// Swift/Python linting works where libclang is absent.
public final class Libclang: @unchecked Sendable {
    // Immutable after `init`; the C function pointers are safe to call from any thread.
    package let api: FLClangAPI
    /// The file that was opened.
    public let path: String
    /// `clang_getClangVersion()`, e.g. "Debian clang version 14.0.6".
    public let version: String

    private init(api: FLClangAPI, path: String) {
        self.api = api
        self.path = path
        let s = api.getClangVersion()
        self.version = api.getCString(s).map { String(cString: $0) } ?? "unknown"
        api.disposeString(s)
    }

    /// The one message every C-family file fails with when libclang cannot be found.
    public static let unavailableMessage =
        "C/C++/Objective-C files need libclang, which was not found: install it (Debian/Ubuntu: apt-get install libclang-dev; macOS: brew install llvm or Xcode) or set FLAGLINT_LIBCLANG=/path/to/libclang.so"

    /// The process-wide instance: searched and opened once (Swift runs this initialiser
    /// exactly once, thread-safely).
    public static let shared: Result<Libclang, FrontendUnavailable> = load(environment: ProcessInfo.processInfo.environment)

    /// Opens the first candidate of `candidates(environment:)` that loads. An explicit
    /// `FLAGLINT_LIBCLANG` that fails to load is an error of its own, not a silent fallback:
    /// the user asked for that file.
    public static func load(environment: [String: String]) -> Result<Libclang, FrontendUnavailable> {
        if let explicit = environment["FLAGLINT_LIBCLANG"], !explicit.isEmpty {
            switch open(explicit) {
            case let .success(lib): return .success(lib)
            case let .failure(why):
                return .failure(FrontendUnavailable("FLAGLINT_LIBCLANG=\(explicit) could not be loaded (\(why)). " + unavailableMessage))
            }
        }
        for path in candidates(environment: environment) {
            if case let .success(lib) = open(path) { return .success(lib) }
        }
        return .failure(FrontendUnavailable(unavailableMessage))
    }

    static func open(_ path: String) -> Result<Libclang, LoadError> {
        // libclang parses on a thread of its own with a fixed 8 MB stack, which deep nesting
        // overflows (a SIGSEGV that takes the whole run down). Without threads it parses on
        // the caller's thread: `ClangLexer.LexWorker`, whose stack flaglint sizes.
        setenv("LIBCLANG_NOTHREADS", "1", 1)
        var api = FLClangAPI()
        var buffer = [CChar](repeating: 0, count: 512)
        let rc = flaglint_clang_open(path, &api, &buffer, buffer.count)
        guard rc == 0 else {
            let end = buffer.firstIndex(of: 0) ?? buffer.count
            return .failure(LoadError(message: String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)))
        }
        return .success(Libclang(api: api, path: path))
    }

    struct LoadError: Error, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    /// Where libclang is looked for, in order (the first that loads wins).
    package static func candidates(environment: [String: String]) -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        #if os(macOS)
        let names = ["libclang.dylib"]
        #else
        let names = ["libclang.so", "libclang.so.1"]
        #endif
        if let libdir = run("llvm-config", ["--libdir"], environment: environment) {
            out += names.map { libdir + "/" + $0 }
        }
        #if !os(macOS)
        // Newest LLVM first: /usr/lib/llvm-21 before /usr/lib/llvm-14.
        let llvmDirs = ((try? fm.contentsOfDirectory(atPath: "/usr/lib")) ?? [])
            .filter { $0.hasPrefix("llvm-") }
            .sorted { newer($0, $1) }
        for dir in llvmDirs {
            let lib = "/usr/lib/\(dir)/lib"
            let files = ((try? fm.contentsOfDirectory(atPath: lib)) ?? []).filter(isLibclang)
            out += files.sorted { $0.count < $1.count }.map { lib + "/" + $0 }
        }
        for multiarch in ((try? fm.contentsOfDirectory(atPath: "/usr/lib")) ?? []).sorted() where multiarch.hasSuffix("-linux-gnu") {
            let dir = "/usr/lib/" + multiarch
            let files = ((try? fm.contentsOfDirectory(atPath: dir)) ?? [])
                .filter(isLibclang)
                .sorted { newer($0, $1) }
            out += files.map { dir + "/" + $0 }
        }
        #endif
        // The Swift toolchain ships its own libclang next to the compiler.
        let pathDirs = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for dir in pathDirs where fm.isExecutableFile(atPath: dir + "/swift") {
            let bin = URL(fileURLWithPath: dir + "/swift").resolvingSymlinksInPath().deletingLastPathComponent()
            let lib = bin.deletingLastPathComponent().appendingPathComponent("lib").path
            out += names.map { lib + "/" + $0 }
            break
        }
        #if os(macOS)
        out += ["/opt/homebrew/opt/llvm/lib/libclang.dylib", "/usr/local/opt/llvm/lib/libclang.dylib"]
        if let dev = run("xcode-select", ["-p"], environment: environment) {
            out.append(dev + "/Toolchains/XcodeDefault.xctoolchain/usr/lib/libclang.dylib")
        }
        out.append("/Library/Developer/CommandLineTools/usr/lib/libclang.dylib")
        #endif
        var seen = Set<String>()
        return out.filter { fm.fileExists(atPath: $0) && seen.insert($0).inserted }
    }

    /// `libclang.so`, `libclang.so.1`, `libclang-14.so.1`; not `libclang-cpp` (the C++ API) nor static archives.
    private static func isLibclang(_ name: String) -> Bool {
        guard name.hasPrefix("libclang.so") || name.hasPrefix("libclang-") else { return false }
        return !name.hasPrefix("libclang-cpp") && name.contains(".so")
    }

    /// "Newest first" ordering by the numeric parts of a name (`llvm-21` before `llvm-14`).
    private static func newer(_ a: String, _ b: String) -> Bool {
        let x = a.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let y = b.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return x.lexicographicallyPrecedes(y) == false && x != y
    }

    /// Runs a helper found on PATH and returns its trimmed first line; nil if it is absent or fails.
    private static func run(_ tool: String, _ args: [String], environment: [String: String]) -> String? {
        let dirs = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let exe = dirs.map({ $0 + "/" + tool }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? nil : line
    }
}
