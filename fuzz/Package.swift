// swift-tools-version:6.0
// libFuzzer targets for flaglint (issue 16). A package of its own so the normal build never
// compiles them: run them with scripts/fuzz.sh, which builds with
// `-Xswiftc -sanitize=fuzzer,address` and picks a target with FLAGLINT_FUZZ_TARGET.
import PackageDescription

let package = Package(
    name: "flaglint-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "flaglint", path: "..")],
    targets: [
        .executableTarget(
            name: "FlaglintFuzz",
            dependencies: [.product(name: "FlaglintKit", package: "flaglint")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
