import Foundation

/// Runs external tools for integration tests (python3, vim, git, pre-commit).
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                    input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-sub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Files, not pipes: a chatty tool cannot block on a full pipe buffer.
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let input {
            let inFile = scratch.appendingPathComponent("in")
            try input.write(to: inFile, atomically: true, encoding: .utf8)
            process.standardInput = try FileHandle(forReadingFrom: inFile)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Whether `command` succeeds (a cheap probe such as `python3 -c "import jsonschema"`).
    static func succeeds(_ arguments: [String]) -> Bool {
        (try? run(arguments).status) == 0
    }
}

enum Tools {
    /// CI sets this so that a missing tool fails its tests instead of skipping them.
    static let requireAll = ProcessInfo.processInfo.environment["FLAGLINT_REQUIRE_ALL_TOOLS"] == "1"
    static let python = Subprocess.succeeds(["python3", "-c", "pass"])
    static let jsonschema = Subprocess.succeeds(["python3", "-c", "import jsonschema"])
    static let vim = Subprocess.succeeds(["vim", "--version"])
    static let git = Subprocess.succeeds(["git", "--version"])
    static let preCommit = Subprocess.succeeds(["pre-commit", "--version"])
    static let sarifSchema = FileManager.default.fileExists(atPath: PackagePaths.sarifSchema)
    /// A headless-capable Chromium (Debian's `chromium` package), for the HTML report.
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].first { Subprocess.succeeds([$0, "--version"]) }
    /// `timeout` (coreutils) bounds browser runs where it exists.
    static let timeout = Subprocess.succeeds(["timeout", "--version"])
}
