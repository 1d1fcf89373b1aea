import Foundation
import FlaglintSupport

/// Why a baseline could not be used; the CLI reports it and exits 2.
public struct BaselineError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): error: invalid baseline: \(reason)" }
}

/// The baseline's JSON form and its file I/O.
///
/// ```json
/// {
///   "tool": "flaglint",
///   "version": 1,
///   "findings": [
///     {"path": "Sources/App/Checkout.swift", "rule": "nested-flag", "flag": "gift-wrap",
///      "source": "if ld.boolVariation(forKey: \"gift-wrap\", defaultValue: false) {", "count": 1}
///   ]
/// }
/// ```
public enum BaselineFile {
    public static func encode(_ baseline: Baseline) -> String {
        JSONValue.object([
            ("tool", .string("flaglint")),
            ("version", .int(Baseline.formatVersion)),
            ("findings", .array(baseline.entries.map { e in
                var members: [(String, JSONValue)] = [("path", .string(e.path)), ("rule", .string(e.rule))]
                if let flag = e.flag { members.append(("flag", .string(flag))) }
                members += [("source", .string(e.source)), ("count", .int(e.count))]
                return .object(members)
            })),
        ]).rendered() + "\n"
    }

    private struct Document: Decodable {
        var version: Int
        var findings: [Item]
        struct Item: Decodable {
            var path: String
            var rule: String
            var flag: String?
            var source: String
            // Read as a number and checked below: a fractional count must get a clear message.
            var count: Double
        }
    }

    public static func decode(_ data: Data, path: String) throws(BaselineError) -> Baseline {
        func fail(_ reason: String) -> BaselineError { BaselineError(path: path, reason: reason) }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else { throw fail("not JSON") }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw fail("missing \"\(key.stringValue)\"" + where_(context.codingPath))
        } catch let DecodingError.typeMismatch(type, context) {
            throw fail("\(where_(context.codingPath, bare: true)) must be \(describe(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw fail("\(where_(context.codingPath, bare: true)) must be \(describe(type))")
        } catch let DecodingError.dataCorrupted(context) {
            throw fail("\(where_(context.codingPath, bare: true)) is invalid: \(context.debugDescription)")
        } catch {
            throw fail("\(error)")
        }
        guard document.version == Baseline.formatVersion else {
            throw fail("unsupported version \(document.version) (this flaglint reads version \(Baseline.formatVersion))")
        }
        var entries: [Baseline.Entry] = []
        for (i, e) in document.findings.enumerated() {
            guard !e.path.isEmpty else { throw fail("findings[\(i)].path must be a non-empty string") }
            guard !e.rule.isEmpty else { throw fail("findings[\(i)].rule must be a non-empty string") }
            guard e.count >= 1, e.count <= Double(Int32.max), let count = Int(exactly: e.count) else {
                throw fail("findings[\(i)].count must be a positive integer")
            }
            entries.append(Baseline.Entry(path: e.path, rule: e.rule, flag: e.flag, source: e.source, count: count))
        }
        return Baseline(entries: entries)
    }

    /// `findings[0].count` from a decoding path.
    private static func where_(_ path: [any CodingKey], bare: Bool = false) -> String {
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .replacingOccurrences(of: ".[", with: "[")
        let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
        if bare { return trimmed.isEmpty ? "the document" : trimmed }
        return trimmed.isEmpty ? "" : " in \(trimmed)"
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Double.Type: return "a number"
        case is String.Type: return "a string"
        case is [Any].Type: return "an array"
        default: return "a JSON object"
        }
    }

    public static func read(_ path: String) throws(BaselineError) -> Baseline {
        switch FileSystem.readFile(path, limit: 256 << 20) {
        case let .success(bytes): return try decode(Data(bytes), path: path)
        case let .failure(why): throw BaselineError(path: path, reason: why.code == ENOENT ? "no such file" : "cannot be read: \(why)")
        }
    }

    public static func write(_ baseline: Baseline, to path: String) throws(BaselineError) {
        do {
            try AtomicWriter.write(encode(baseline), to: path)
        } catch {
            throw BaselineError(path: path, reason: "cannot be written (\(error))")
        }
    }

    /// Maps finding paths (relative to `workingDirectory`, or absolute) to paths relative to the
    /// directory holding the baseline file, so one baseline works from any directory.
    public static func pathMapper(workingDirectory: String, baselinePath: String) -> @Sendable (String) -> String {
        let base = PathArithmetic.directory(of: PathArithmetic.absolute(baselinePath, from: workingDirectory))
        return { path in PathArithmetic.relative(PathArithmetic.absolute(path, from: workingDirectory), to: base) }
    }
}

/// Lexical path arithmetic (no file system access, no symlink resolution).
public enum PathArithmetic {
    public static func components(_ path: String) -> [String] {
        var out: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = out.last, last != ".." { out.removeLast() } else if !path.hasPrefix("/") { out.append("..") }
                continue
            }
            out.append(String(part))
        }
        return out
    }

    public static func absolute(_ path: String, from directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        return "/" + components(joined).joined(separator: "/")
    }

    public static func directory(of absolutePath: String) -> String {
        "/" + components(absolutePath).dropLast().joined(separator: "/")
    }

    /// `absolutePath` relative to `directory`, with `..` where it lies outside.
    public static func relative(_ absolutePath: String, to directory: String) -> String {
        let target = components(absolutePath), base = components(directory)
        var common = 0
        while common < target.count && common < base.count && target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = ups + target[common...]
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }
}
