import Foundation
import Testing
@testable import FlaglintFix
@testable import FlaglintSupport
@testable import FlaglintSyntax
@testable import FlaglintEngine
@testable import FlaglintKit

/// `testdata/fix/<lang>/<case>.in.<ext>`: the input, whose first line says which flags to fix
/// (`// fix: new-checkout=true legacy-search=false`); `<case>.out.<ext>`: the expected result;
/// `<case>.notes` (optional): the evaluations expected to be left alone, `line:col: not fixed: reason`.
struct FixFixture: CustomTestStringConvertible, Sendable {
    var language: String
    var name: String
    var ext: String
    var input: String
    var expected: String
    var notes: [String]
    var values: [String: Bool]

    var testDescription: String { "\(language)/\(name)" }
    var isCFamily: Bool { !["swift", "python"].contains(language) }

    static let root = PackagePaths.path("testdata/fix")

    static let all: [FixFixture] = {
        var out: [FixFixture] = []
        let fm = FileManager.default
        for language in ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted() {
            let dir = root + "/" + language
            for file in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() {
                guard let r = file.range(of: ".in.") else { continue }
                let name = String(file[..<r.lowerBound]), ext = String(file[r.upperBound...])
                guard let input = try? String(contentsOfFile: dir + "/" + file, encoding: .utf8),
                      let expected = try? String(contentsOfFile: "\(dir)/\(name).out.\(ext)", encoding: .utf8) else { continue }
                let notes = ((try? String(contentsOfFile: "\(dir)/\(name).notes", encoding: .utf8)) ?? "")
                    .split(separator: "\n").map(String.init)
                var values: [String: Bool] = [:]
                let header = input.prefix { $0 != "\n" }
                if let f = header.range(of: "fix:") {
                    for pair in header[f.upperBound...].split(separator: " ") {
                        let kv = pair.split(separator: "=")
                        if kv.count == 2 { values[String(kv[0])] = kv[1].hasPrefix("true") }
                    }
                }
                out.append(FixFixture(language: language, name: name, ext: ext, input: input, expected: expected, notes: notes, values: values))
            }
        }
        return out
    }()
}

/// Runs `flaglint fix` as the library does for the CLI, in a scratch project.
enum FixHarness {
    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flaglint-fix-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A project of its own: the configuration search stops here.
        try "version: 1\n".write(toFile: dir + "/.lint.yml", atomically: true, encoding: .utf8)
        return dir
    }

    static func fix(in dir: String, _ options: ProjectFix.Options) throws -> ProjectFix {
        let session = try Session(SessionSettings(currentDirectory: dir, environment: ProcessInfo.processInfo.environment, jobs: 1,
                                                  today: CalendarDate(daysSinceEpoch: 20_782), useCache: false))
        let plan = try session.plan(.init(paths: [dir]))
        let report = session.run(plan, filters: Session.Filters())
        return ProjectFix.make(report, plan: plan, session: session, options: options)
    }

    static func report(in dir: String) throws -> Report {
        let session = try Session(SessionSettings(currentDirectory: dir, environment: ProcessInfo.processInfo.environment, jobs: 1,
                                                  today: CalendarDate(daysSinceEpoch: 20_782), useCache: false))
        return session.run(try session.plan(.init(paths: [dir])), filters: nil)
    }

    /// The fixture fixed in a scratch directory: the result, its notes, and the directory.
    static func run(_ f: FixFixture) throws -> (output: String, fix: ProjectFix, dir: String, file: String) {
        let dir = try scratch()
        let file = "\(f.name).\(f.ext)"
        try f.input.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        let result = try fix(in: dir, .init(values: f.values))
        let output = result.changes.first { $0.path == file }.map { String(decoding: $0.after, as: UTF8.self) } ?? f.input
        return (output, result, dir, file)
    }
}

@Suite("fix fixtures")
struct FixFixtureTests {
    static let cFamily = TestLinter.libclangAvailable || Tools.requireAll

    @Test("every fixture has flags to fix", arguments: FixFixture.all)
    func fixtureHasHeader(_ f: FixFixture) {
        #expect(!f.values.isEmpty, "first line must say `fix: KEY=true|false ...`")
    }

    @Test("the fixtures cover every language") func coverage() {
        #expect(Set(FixFixture.all.map(\.language)).isSuperset(of: ["swift", "python", "c", "cpp", "objc"]))
    }

    @Test("fixture: expected output, notes, idempotent, no evaluation of a fixed flag left",
          arguments: FixFixture.all.filter { !$0.isCFamily || FixFixtureTests.cFamily })
    func fixture(_ f: FixFixture) throws {
        let (output, result, dir, file) = try FixHarness.run(f)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(output == f.expected, "\(f.testDescription): got\n\(output)")
        let notes = result.notFixed.map { "\($0.line):\($0.column): \($0.kind.rawValue): \($0.reason)" }
        #expect(notes == f.notes, "\(f.testDescription)")
        // Twice changes nothing.
        try output.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
        let again = try FixHarness.fix(in: dir, .init(values: f.values))
        #expect(again.changes.isEmpty, "\(f.testDescription): a second run changed \(again.changes.map(\.path))")
        // `flaglint flags` on the result: only the evaluations left alone remain.
        let report = try FixHarness.report(in: dir)
        let left = report.references.filter { r in r.key.value.map { f.values[$0] != nil } ?? false }
        #expect(left.count == f.notes.count, "\(f.testDescription): evaluations left \(left.map { "\($0.line):\($0.column)" })")
    }
}

/// The property the issue asks for: every fixture's result still parses with the language's
/// own tools. A fixture whose input is not self-contained (Objective-C without Foundation's
/// headers) is held to "no more errors than the input had".
enum FixParse {
    static let swiftc = Subprocess.succeeds(["swiftc", "--version"])
    static let python = Tools.python
    static let clang = Subprocess.succeeds(["clang", "--version"])

    static func command(_ f: FixFixture, file: String) -> [String] {
        switch f.language {
        case "swift": return ["swiftc", "-parse", file]
        case "python": return ["python3", "-m", "py_compile", file]
        case "c": return ["clang", "-fsyntax-only", "-x", "c", file]
        case "cpp": return ["clang", "-fsyntax-only", "-x", "c++", "-std=c++17", file]
        default: return ["clang", "-fsyntax-only", "-x", "objective-c", file]
        }
    }

    /// Error lines the tool prints for `text`, or nil when it accepts it.
    static func errors(_ f: FixFixture, _ text: String, in dir: String) throws -> Int? {
        let file = dir + "/parse-\(UUID().uuidString).\(f.ext)"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Subprocess.run(command(f, file: file))
        guard r.status != 0 else { return nil }
        return max(1, (r.stdout + r.stderr).components(separatedBy: "error").count - 1)
    }

    static func check(_ f: FixFixture) throws {
        let (output, _, dir, _) = try FixHarness.run(f)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try errors(f, f.input, in: dir)
        let after = try errors(f, output, in: dir)
        if before == nil {
            #expect(after == nil, "\(f.testDescription): the input parses, the result does not")
        } else {
            #expect((after ?? 0) <= before!, "\(f.testDescription): the result has more errors than the input")
        }
    }
}

@Suite("fix output parses")
struct FixParseTests {
    @Test("Swift results pass `swiftc -parse`", .enabled(if: FixParse.swiftc || Tools.requireAll, "swiftc is not on PATH"),
          arguments: FixFixture.all.filter { $0.language == "swift" })
    func swift(_ f: FixFixture) throws { try FixParse.check(f) }

    @Test("Python results pass `python3 -m py_compile`", .enabled(if: FixParse.python || Tools.requireAll, "python3 is not on PATH"),
          arguments: FixFixture.all.filter { $0.language == "python" })
    func python(_ f: FixFixture) throws { try FixParse.check(f) }

    @Test("C-family results pass `clang -fsyntax-only`",
          .enabled(if: (FixParse.clang && FixFixtureTests.cFamily) || Tools.requireAll, "clang or libclang is not available"),
          arguments: FixFixture.all.filter(\.isCFamily))
    func cFamily(_ f: FixFixture) throws { try FixParse.check(f) }
}
