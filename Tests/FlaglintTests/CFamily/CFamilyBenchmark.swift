import Foundation
import Testing
@testable import FlaglintSyntax
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintRules

/// Not a timed test: prints flaglint's per-file cost next to libclang's own single-file
/// parse + tokenize on a generated C++ tree. Run with FLAGLINT_BENCH=1 (files with
/// FLAGLINT_BENCH_FILES, default 200 of ~1,000 lines).
@Test(.enabled(if: ProcessInfo.processInfo.environment["FLAGLINT_BENCH"] != nil && TestLibclang.available, "set FLAGLINT_BENCH=1"))
func cFamilyBenchmark() throws {
    let files = Int(ProcessInfo.processInfo.environment["FLAGLINT_BENCH_FILES"] ?? "") ?? 200
    let sources = (0..<files).map { SourceFile(path: "/tmp/bench/f\($0).cpp", language: .cpp, text: generatedCpp(seed: $0)) }
    let lines = sources.reduce(0) { $0 + $1.lineStarts.count }
    let evaluators = CFamilyCatalogue.loaded.evaluators
    for clang in TestLibclang.all {
        let (invocation, _) = CFamilyFrontend.invocation(for: "/tmp/bench/x.cpp", language: .cpp, context: FrontendContext())
        let t0 = Date()
        for s in sources {
            _ = ClangLexer.lexNow(s.bytes, invocation: ClangInvocation(path: s.path, arguments: invocation.arguments, singleFile: true), clang: clang)
        }
        let clangOnly = Date().timeIntervalSince(t0)
        let frontend = CFamilyFrontend(libclang: clang)
        var evaluations = 0
        let t1 = Date()
        for s in sources {
            let model = try frontend.parse(s, context: FrontendContext())
            var matcher = PatternMatcher(model: model, resolver: ValueResolver())
            evaluations += matcher.evaluations(of: evaluators).count
        }
        let full = Date().timeIntervalSince(t1)
        print(String(format: "cfamily-bench %@: %d files, %d lines, %d evaluations | libclang parse+tokenize %.2f ms/file | flaglint frontend+match %.2f ms/file | ratio %.2f",
                     clang.version, files, lines, evaluations, clangOnly * 1000 / Double(files), full * 1000 / Double(files), full / clangOnly))
    }
}

/// About 1,000 lines of C++ in the shape flag-heavy product code has.
func generatedCpp(seed: Int) -> String {
    var out = "// Generated file \(seed).\n#include \"browser/page_\(seed).h\"\n#include <string>\n\nnamespace app::page\(seed) {\n"
    out += "constexpr char kFlag\(seed)[] = \"flag-\(seed)\";\n\n"
    for f in 0..<40 {
        out += """
        // Renders part \(f); see crbug.com/\(seed * 100 + f).
        void Page\(seed)::Render\(f)(Client& client, Context const& ctx, std::vector<Item>& items) {
            if (client.BoolVariation(ctx, kFlag\(seed), false)) {
                for (auto& item : items) {
                    if (item.visible() && client.BoolVariation(ctx, "item-\(f)", false)) {
                        item.Render([&](Canvas* c) { c->Draw(item.bounds(), "label \(f)"); });
                    } else {
                        item.Hide();
                    }
                }
            }
            int total = 0;
            for (int i = 0; i < static_cast<int>(items.size()); ++i) {
                total += items[i].weight() * (i % 3 == 0 ? 2 : 1);
            }
            switch (total % 4) {
            case 0: Log("zero"); break;
            case 1: Log("one"); break;
            default: Log(R"(other)");
            }
            if (!ready_) return;
            bool on = client.BoolVariation(ctx, "late-\(f)", false);
            if (on) { Finish(total); }
        }


        """
    }
    return out + "}  // namespace app::page\(seed)\n"
}
