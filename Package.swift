// swift-tools-version:6.0
import PackageDescription

// The pipeline, one module per stage; a target may import only the stages below it, so an
// import that goes the wrong way fails to compile (README, "Architecture"):
//
//   FlaglintSupport    files, paths, dates, text escaping, atomic output
//   FlaglintSyntax     tokens, source files, control trees, evaluations, findings, LanguageSyntax
//   FlaglintFrontends  Swift, Python, C family (libclang through CLibclang, opened at run time)
//   FlaglintAnalysis   patterns, the SDK catalogue, control analysis, in-source suppressions → FileFacts
//   FlaglintRules      file and project rules, registry formats, baseline, filters
//   FlaglintReporters  text, JSON, SARIF, GitHub, Checkstyle, JUnit, flag inventories
//   FlaglintEngine     configuration, discovery, diff, the project index, Session
//   FlaglintFix        `flaglint fix`: a flag's evaluations become its value, dead code and declarations go
//   FlaglintServer     `flaglint server`: the language server, one long-lived session and open buffers
//   FlaglintKit        the command driver: plan, run, render, exit code
//   flaglint           argument parsing
let package = Package(
    name: "flaglint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flaglint", targets: ["flaglint"]),
        .library(name: "FlaglintKit", targets: [
            "FlaglintKit", "FlaglintServer", "FlaglintFix", "FlaglintEngine", "FlaglintReporters", "FlaglintRules", "FlaglintAnalysis",
            "FlaglintFrontends", "FlaglintSyntax", "FlaglintSupport",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "flaglint",
            dependencies: [
                "FlaglintKit", "FlaglintServer", "FlaglintReporters", "FlaglintSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // libclang's C API, declared by us and opened at run time: no libclang needed to build.
        .target(name: "CLibclang", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "FlaglintSupport"),
        .target(name: "FlaglintSyntax", dependencies: ["FlaglintSupport"]),
        .target(name: "FlaglintFrontends", dependencies: ["FlaglintSyntax", "FlaglintSupport", "CLibclang"]),
        .target(name: "FlaglintAnalysis", dependencies: [
            "FlaglintFrontends", "FlaglintSyntax", "FlaglintSupport", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "FlaglintRules", dependencies: [
            "FlaglintAnalysis", "FlaglintFrontends", "FlaglintSyntax", "FlaglintSupport", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "FlaglintReporters", dependencies: ["FlaglintRules", "FlaglintAnalysis", "FlaglintSyntax", "FlaglintSupport"]),
        .target(name: "FlaglintEngine", dependencies: [
            "FlaglintReporters", "FlaglintRules", "FlaglintAnalysis", "FlaglintFrontends", "FlaglintSyntax", "FlaglintSupport",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "FlaglintFix", dependencies: [
            "FlaglintEngine", "FlaglintRules", "FlaglintAnalysis", "FlaglintFrontends", "FlaglintSyntax", "FlaglintSupport",
        ]),
        .target(name: "FlaglintServer", dependencies: [
            "FlaglintFix", "FlaglintEngine", "FlaglintReporters", "FlaglintRules", "FlaglintAnalysis", "FlaglintFrontends", "FlaglintSyntax",
            "FlaglintSupport",
        ]),
        .target(name: "FlaglintKit", dependencies: [
            "FlaglintFix", "FlaglintEngine", "FlaglintReporters", "FlaglintRules", "FlaglintAnalysis", "FlaglintFrontends", "FlaglintSyntax",
            "FlaglintSupport",
        ]),
        .testTarget(name: "FlaglintTests", dependencies: [
            "FlaglintKit", "FlaglintServer", "FlaglintFix", "FlaglintEngine", "FlaglintReporters", "FlaglintRules", "FlaglintAnalysis",
            "FlaglintFrontends", "FlaglintSyntax", "FlaglintSupport",
        ]),
    ]
)
