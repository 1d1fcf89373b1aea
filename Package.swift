// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "flaglint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flaglint", targets: ["flaglint"]),
        .library(name: "FlaglintKit", targets: ["FlaglintKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "flaglint",
            dependencies: [
                "FlaglintKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // libclang's C API, declared by us and opened at run time: no libclang needed to build.
        .target(name: "CLibclang", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "FlaglintKit", dependencies: ["CLibclang", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "FlaglintTests", dependencies: ["FlaglintKit"]),
    ]
)
