import Foundation

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

    public static func decode(_ data: Data, path: String) throws(BaselineError) -> Baseline {
        func fail(_ reason: String) -> BaselineError { BaselineError(path: path, reason: reason) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw fail("not JSON (\(error.localizedDescription))")
        }
        guard let root = object as? [String: Any] else { throw fail("expected a JSON object at the top level") }
        guard let version = root["version"] as? Int else { throw fail("missing \"version\"") }
        guard version == Baseline.formatVersion else {
            throw fail("unsupported version \(version) (this flaglint reads version \(Baseline.formatVersion))")
        }
        guard let items = root["findings"] as? [Any] else { throw fail("missing \"findings\" array") }
        var entries: [Baseline.Entry] = []
        for (i, item) in items.enumerated() {
            guard let e = item as? [String: Any] else { throw fail("findings[\(i)] is not an object") }
            guard let p = e["path"] as? String, !p.isEmpty else { throw fail("findings[\(i)].path must be a non-empty string") }
            guard let rule = e["rule"] as? String, !rule.isEmpty else { throw fail("findings[\(i)].rule must be a non-empty string") }
            let flag: String?
            switch e["flag"] {
            case nil, is NSNull: flag = nil
            case let s as String: flag = s
            default: throw fail("findings[\(i)].flag must be a string or null")
            }
            guard let source = e["source"] as? String else { throw fail("findings[\(i)].source must be a string") }
            // JSONSerialization reads `true` as a number on some platforms: insist on an integer.
            guard let countNumber = e["count"] as? NSNumber, !(e["count"] is Bool),
                  let count = Int(exactly: countNumber.doubleValue), count >= 1 else {
                throw fail("findings[\(i)].count must be a positive integer")
            }
            entries.append(Baseline.Entry(path: p, rule: rule, flag: flag, source: source, count: count))
        }
        return Baseline(entries: entries)
    }

    public static func read(_ path: String) throws(BaselineError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return try decode(data, path: path)
    }

    public static func write(_ baseline: Baseline, to path: String) throws(BaselineError) {
        do {
            try AtomicFile.write(Array(encode(baseline).utf8), to: path)
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
