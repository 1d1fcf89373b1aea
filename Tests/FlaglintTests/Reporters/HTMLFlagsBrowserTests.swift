import Foundation
import Testing
@testable import FlaglintFrontends
@testable import FlaglintAnalysis
@testable import FlaglintEngine

/// `flaglint flags --format html` in a real browser: headless Chromium renders the demo's
/// page, takes a screenshot, and the rendered DOM must hold the expected rows with no console
/// message (the page has no script; any message is a load or parse error).
@Suite(.enabled(if: CLI.binary != nil, CLI.skipReason))
struct HTMLFlagsBrowserTests {
    static func page() throws -> (Project, String) {
        let demo = try Project.copy(of: "testdata/demo")
        let r = try demo.run(["flags", "--format", "html", "--today", "2026-11-25", "-o", "flags.html"])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r)")
        return (demo, try demo.read("flags.html"))
    }

    /// Self-contained: nothing the page could fetch, so it renders the same offline.
    @Test func pageIsSelfContained() throws {
        let (demo, html) = try Self.page()
        defer { demo.remove() }
        for reference in ["src=", "href=", "url(", "@import", "<script", "<link", "http://", "https://"] {
            #expect(!html.contains(reference), "the page refers to something outside itself: \(reference)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n") && html.hasSuffix("</html>\n"))
    }

    @Test(.enabled(if: Tools.chromium != nil || Tools.requireAll, "chromium not found (Debian: apt-get install chromium)"))
    func rendersInChromium() throws {
        let chromium = try #require(Tools.chromium, "chromium is required in CI (.ci/run installs it)")
        let (demo, _) = try Self.page()
        defer { demo.remove() }
        let url = URL(fileURLWithPath: demo.path("flags.html")).absoluteString
        func browse(_ arguments: [String]) throws -> Subprocess.Result {
            // A fresh profile per run; --no-sandbox because CI runs as root.
            let base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + demo.path("profile-\(UUID().uuidString)"),
                        "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND"]
            return try Subprocess.run((Tools.timeout ? ["timeout", "120"] : []) + base + arguments + [url])
        }
        let dom = try browse(["--dump-dom"])
        #expect(dom.status == 0, "\(dom.stderr)")
        let console = dom.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "console messages: \(console)")
        for row in [#"<tr data-flag="new-checkout" data-state="stale">"#, #"<tr data-flag="legacy-search" data-state="removed">"#,
                    #"<tr data-flag="loyalty-points" data-state="active">"#, #"<tr data-owner="payments">"#, #"<tr data-sdk="launchdarkly">"#,
                    #"<tr data-file="Sources/Shop/CheckoutController.swift">"#,
                    #"<tr data-location="Sources/Shop/CheckoutController.swift:17:27">"#] {
            #expect(dom.stdout.contains(row), "rendered page lacks \(row)")
        }
        #expect(dom.stdout.components(separatedBy: "<tr data-flag=").count - 1 == 10, "one row per flag")

        let shot = demo.path("flags.png")
        let screenshot = try browse(["--screenshot=" + shot, "--window-size=1280,1600"])
        #expect(screenshot.status == 0, "\(screenshot.stderr)")
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "a real screenshot (\(png.count) bytes)")
    }
}
