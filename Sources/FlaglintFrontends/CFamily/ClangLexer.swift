import CLibclang
import Foundation
import FlaglintSyntax

/// One token exactly as libclang reports it: its kind and byte extent in the file.
struct ClangToken: Sendable, Equatable {
    package enum Kind: UInt8, Sendable { case punctuation, keyword, identifier, literal, comment }
    package var kind: Kind
    package var start: Int
    package var end: Int
}

/// What libclang tells flaglint about one file: every token (comments included, live or not)
/// and the byte ranges the preprocessor skipped.
struct ClangLexResult: Sendable {
    package var tokens: [ClangToken] = []
    package var skipped: [Range<Int>] = []
    package var diagnostics: [FrontendDiagnostic] = []
    /// String macros of the headers the file includes (compilation-database runs only).
    var headerMacros: [HeaderMacro] = []
    /// Why the file could not be read at all (libclang's deadline passed, nesting too deep):
    /// the file is a failure of the run, not a file without findings.
    package var failure: String?
}

/// `#define NAME "literal"` in an included header.
struct HeaderMacro: Sendable, Equatable {
    package var name: String
    /// The literal's spelling, quotes included.
    package var literal: String
    package var path: String
    package var line: Int
}

/// How libclang is asked to read one file.
struct ClangInvocation: Sendable {
    package var path: String
    package var arguments: [String]
    /// False when a compilation database applies: includes are then followed so the real
    /// configuration decides which branches are live.
    var singleFile: Bool

    package static func arguments(for language: Language) -> [String] {
        switch language {
        case .c: return ["-x", "c", "-std=gnu17"]
        case .objc: return ["-x", "objective-c", "-fblocks"]
        case .objcpp: return ["-x", "objective-c++", "-std=gnu++2a", "-fblocks"]
        default: return ["-x", "c++", "-std=gnu++2a"]
        }
    }

    /// Flags that keep libclang fast and quiet: flaglint reads tokens, not diagnostics, and
    /// typo correction is the slowest part of parsing code whose headers are missing.
    package static let quiet = ["-w", "-ferror-limit=0", "-fno-spell-checking"]
}

enum ClangLexer {

    /// Seconds one file may take before it is reported and skipped (`FLAGLINT_LIBCLANG_TIMEOUT`).
    static let timeout: Double = {
        if let s = ProcessInfo.processInfo.environment["FLAGLINT_LIBCLANG_TIMEOUT"], let v = Double(s), v > 0 { return v }
        return 30
    }()

    /// Lexes and preprocesses `bytes` on a worker thread with a deadline.
    ///
    /// libclang recovers from its own crashes (it runs the parse under a crash-recovery
    /// context and returns `CXError_Crashed`), but nothing stops a parse that never ends.
    /// The worker thread bounds that: past the deadline the file is reported and skipped,
    /// and the worker is abandoned (it owns copies of everything it touches).
    static func lex(_ bytes: [UInt8], invocation: ClangInvocation, clang: Libclang, timeout: Double = ClangLexer.timeout) -> ClangLexResult {
        final class Box: @unchecked Sendable {
            var result: ClangLexResult?
            let done = DispatchSemaphore(value: 0)
        }
        let box = Box()
        let worker = LexWorker.take()
        worker.run {
            box.result = lexNow(bytes, invocation: invocation, clang: clang)
            box.done.signal()
        }
        if box.done.wait(timeout: .now() + timeout) == .timedOut {
            // The worker stays stuck with the file; it is not handed out again.
            var r = ClangLexResult()
            r.failure = "libclang did not finish within \(Int(timeout)) s; file skipped (FLAGLINT_LIBCLANG_TIMEOUT raises the limit)"
            return r
        }
        LexWorker.give(worker)
        return box.result ?? ClangLexResult()
    }

    /// A long-lived thread that runs one libclang job at a time. Reused from file to file:
    /// a new thread per file cost a 64 MB stack mapping (too big for glibc's stack cache),
    /// its page faults and a clone, per file.
    final class LexWorker: @unchecked Sendable {
        private let condition = NSCondition()
        private var job: (@Sendable () -> Void)?
        private static let poolLock = NSLock()
        nonisolated(unsafe) private static var idle: [LexWorker] = []

        private init() {
            let thread = Thread { [self] in loop() }
            // Deep nesting makes clang's recursive-descent parser use a lot of stack.
            thread.stackSize = 64 << 20
            thread.start()
        }

        /// An idle worker, or a new one.
        package static func take() -> LexWorker {
            poolLock.lock()
            defer { poolLock.unlock() }
            return idle.popLast() ?? LexWorker()
        }

        /// Returns a worker whose job has finished to the pool.
        package static func give(_ worker: LexWorker) {
            poolLock.lock()
            idle.append(worker)
            poolLock.unlock()
        }

        package func run(_ body: @escaping @Sendable () -> Void) {
            condition.lock()
            job = body
            condition.signal()
            condition.unlock()
        }

        private func loop() {
            while true {
                condition.lock()
                while job == nil { condition.wait() }
                let body = job!
                job = nil
                condition.unlock()
                body()
            }
        }
    }

    /// The libclang work itself, on the calling thread. One index per call: nothing is shared
    /// between parallel parses.
    static func lexNow(_ bytes: [UInt8], invocation: ClangInvocation, clang: Libclang) -> ClangLexResult {
        var result = ClangLexResult()
        let api = clang.api
        guard let index = api.createIndex(0, 0) else {
            result.diagnostics.append(FrontendDiagnostic(.error, "libclang could not create an index", at: 0))
            return result
        }
        defer { api.disposeIndex(index) }
        var options = UInt32(FLCXTranslationUnit_KeepGoing | FLCXTranslationUnit_DetailedPreprocessingRecord | FLCXTranslationUnit_SkipFunctionBodies)
        if invocation.singleFile { options |= UInt32(FLCXTranslationUnit_SingleFileParse) }

        var tu: FLCXTranslationUnit?
        let rc: Int32 = invocation.path.withCString { cPath in
            withCStrings(invocation.arguments) { argv in
                bytes.withUnsafeBufferPointer { buf in
                    // A NUL-free pointer even for an empty file: libclang reads `Length` bytes only.
                    let contents = buf.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) } ?? UnsafePointer(cPath)
                    var unsaved = FLCXUnsavedFile(Filename: cPath, Contents: contents, Length: UInt(buf.count))
                    return api.parseTranslationUnit2(index, cPath, argv, Int32(invocation.arguments.count), &unsaved, 1, options, &tu)
                }
            }
        }
        guard rc == 0, let tu else {
            let why = rc == 2 ? "libclang crashed on this file" : "libclang could not parse this file (error \(rc))"
            result.diagnostics.append(FrontendDiagnostic(.error, why + "; file skipped", at: 0))
            return result
        }
        defer { api.disposeTranslationUnit(tu) }
        guard let file = invocation.path.withCString({ api.getFile(tu, $0) }) else {
            result.diagnostics.append(FrontendDiagnostic(.error, "libclang lost the file it parsed; file skipped", at: 0))
            return result
        }
        func offset(_ loc: FLCXSourceLocation) -> Int {
            var off: UInt32 = 0
            api.getFileLocation(loc, nil, nil, nil, &off)
            return Int(off)
        }

        if !bytes.isEmpty {
            let range = api.getRange(api.getLocationForOffset(tu, file, 0), api.getLocationForOffset(tu, file, UInt32(bytes.count)))
            var raw: UnsafeMutablePointer<FLCXToken>?
            var count: UInt32 = 0
            api.tokenize(tu, range, &raw, &count)
            if let raw {
                result.tokens.reserveCapacity(Int(count))
                // A CXToken holds its kind, its location's raw encoding and its length
                // (`int_data[0...2]`, clang's CIndex.cpp). All tokens lie in this one file, whose
                // locations are consecutive: one extent asked of libclang gives the file's base,
                // and every other extent is arithmetic instead of three calls per token. The last
                // token's extent checks the arithmetic; should it disagree, libclang is asked for all.
                let n = Int(count)
                func extent(_ t: FLCXToken) -> (Int, Int) {
                    let e = api.getTokenExtent(tu, t)
                    return (offset(api.getRangeStart(e)), offset(api.getRangeEnd(e)))
                }
                var base: Int?
                if n > 0 {
                    let b = Int(raw[0].int_data.1) - extent(raw[0]).0
                    let last = raw[n - 1]
                    let (ls, le) = extent(last)
                    if Int(last.int_data.1) - b == ls && ls + Int(last.int_data.2) == le { base = b }
                }
                for i in 0..<n {
                    let t = raw[i]
                    let start: Int, end: Int
                    if let base {
                        start = Int(t.int_data.1) - base
                        end = start + Int(t.int_data.2)
                    } else {
                        (start, end) = extent(t)
                    }
                    guard start >= 0, start <= end, end <= bytes.count else { continue }
                    let kind = ClangToken.Kind(rawValue: UInt8(truncatingIfNeeded: t.int_data.0)) ?? .punctuation
                    result.tokens.append(ClangToken(kind: kind, start: start, end: end))
                }
                api.disposeTokens(tu, raw, count)
            }
        }

        if !invocation.singleFile { result.headerMacros = headerMacros(tu, main: file, api: api) }

        if let list = api.getSkippedRanges(tu, file) {
            for i in 0..<Int(list.pointee.count) {
                let r = list.pointee.ranges[i]
                let s = offset(api.getRangeStart(r)), e = offset(api.getRangeEnd(r))
                if s < e { result.skipped.append(s..<e) }
            }
            api.disposeSourceRangeList(list)
        }
        return result
    }

    /// The string macros of the included headers: with the build's include paths, a key
    /// `#define`d in a header resolves where the file uses it (docs/semantics.md).
    private static func headerMacros(_ tu: FLCXTranslationUnit, main: FLCXFile, api: FLClangAPI) -> [HeaderMacro] {
        var raw: UnsafeMutablePointer<FLHeaderMacro>?
        let count = withUnsafePointer(to: api) { flaglint_clang_header_macros($0, tu, main, &raw) }
        guard let raw else { return [] }
        defer { flaglint_clang_free_header_macros(raw, count) }
        var out: [HeaderMacro] = []
        for m in UnsafeBufferPointer(start: raw, count: Int(count)) {
            guard let name = m.name, let literal = m.literal, let file = m.file else { continue }
            out.append(HeaderMacro(name: String(cString: name), literal: String(cString: literal), path: String(cString: file), line: Int(m.line)))
        }
        return out
    }

    /// Calls `body` with a C `argv` for `strings`, valid only during the call.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let owned = strings.map { strdup($0) }
        defer { owned.forEach { free($0) } }
        // NULL-terminated like any argv, which also keeps the buffer non-empty.
        let argv: [UnsafePointer<CChar>?] = owned.map { $0.map { UnsafePointer($0) } } + [nil]
        return argv.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
