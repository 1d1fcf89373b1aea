import Foundation
import Testing
@testable import FlaglintSupport

/// README's architecture table is the module list of `Package.swift`, in pipeline order, and
/// every target depends only on modules earlier in that order: the layering the README shows is
/// the one the build enforces.
@Suite struct ArchitectureTests {
    static let manifest = (try? String(contentsOfFile: PackagePaths.path("Package.swift"), encoding: .utf8)) ?? ""

    /// The pipeline modules named in README's architecture table, in order.
    static func readmeModules() -> [String] {
        guard let section = Readme.text.components(separatedBy: "## Architecture\n").dropFirst().first else { return [] }
        let body = section.components(separatedBy: "\n## ")[0]
        return body.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
    }

    /// `Package.swift`'s targets (but the test target and the C shim), each with the names it
    /// depends on, in declaration order.
    static func manifestTargets() -> [(name: String, dependencies: [String])] {
        var targets: [(String, [String])] = []
        for chunk in manifest.components(separatedBy: ".target(").dropFirst() + manifest.components(separatedBy: ".executableTarget(").dropFirst() {
            guard let nameRange = chunk.range(of: #"name: "([A-Za-z]+)""#, options: .regularExpression) else { continue }
            let name = chunk[nameRange].dropFirst(7).dropLast()
            guard name != "CLibclang" else { continue }
            let end = chunk.range(of: "\n        .")?.lowerBound ?? chunk.endIndex
            let deps = chunk[nameRange.upperBound..<end].matches(of: /"(Flaglint[A-Za-z]*)"/).map { String($0.1) }
            targets.append((String(name), deps))
        }
        return targets
    }

    @Test func readmeTableListsThePackageModules() {
        let readme = Self.readmeModules()
        let targets = Set(Self.manifestTargets().map(\.name))
        #expect(!readme.isEmpty, "README.md has no architecture table")
        #expect(Set(readme) == targets, "README architecture table \(readme) vs Package.swift targets \(targets.sorted())")
    }

    @Test func everyTargetDependsOnlyOnEarlierStages() {
        let order = Self.readmeModules()
        for target in Self.manifestTargets() {
            guard let own = order.firstIndex(of: target.name) else { continue }
            for dependency in target.dependencies {
                let index = order.firstIndex(of: dependency)
                #expect(index.map { $0 < own } == true, "\(target.name) depends on \(dependency), which is not an earlier stage in README")
            }
        }
    }

    /// A source file imports only its own stage's dependencies: the compiler enforces the
    /// targets, this catches a `Package.swift` dependency added against the layering.
    @Test func sourcesImportOnlyEarlierStages() throws {
        let order = Self.readmeModules()
        let sources = PackagePaths.path("Sources")
        for (rank, module) in order.enumerated() {
            let directory = sources + "/" + module
            guard let walker = FileManager.default.enumerator(atPath: directory) else { continue }
            for case let file as String in walker where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
                for match in text.matches(of: /(?m)^(?:@testable )?import (Flaglint[A-Za-z]*)$/) {
                    let imported = String(match.1)
                    #expect((order.firstIndex(of: imported) ?? Int.max) < rank, "\(module)/\(file) imports \(imported)")
                }
            }
        }
    }
}
