import Foundation
import Testing
@testable import FlaglintFrontends

/// `--help` names each option's allowed values and default, and each subcommand lists only the
/// options it uses.
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct CLIHelpTests {
    static func help(_ arguments: [String]) throws -> String {
        let p = try Project()
        defer { p.remove() }
        let r = try p.run(arguments + ["--help"])
        #expect(r.status == 0, "\(r)")
        // Undo the help text's line wrapping so that phrases can be searched.
        return r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test func lintListsValuesAndDefaults() throws {
        let text = try Self.help(["lint"])
        for phrase in ["text, json, sarif, github, checkstyle or junit. (default: text)", "error, warning or never. (default: error)",
                       "always or never. (default: auto)", "--statistics", "--select", "--progress"] {
            #expect(text.contains(phrase), "lint --help lacks \(phrase): \(text)")
        }
    }

    @Test func flagsAndPruneListOnlyWhatTheyUse() throws {
        let flags = try Self.help(["flags"])
        #expect(flags.contains("text, json, markdown or html"), "\(flags)")
        let prune = try Self.help(["baseline", "prune"])
        for unused in ["--select", "--ignore", "--color", "--fail-on", "--statistics"] {
            #expect(!flags.contains(unused), "flags --help offers \(unused)")
            #expect(!prune.contains(unused), "baseline prune --help offers \(unused)")
        }
        #expect(!prune.contains("--format") && !prune.contains("--output"))
    }
}
