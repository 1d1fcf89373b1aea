import Testing
@testable import FlaglintKit
@Test func version() { #expect(Flaglint.version == "0.1.0") }
