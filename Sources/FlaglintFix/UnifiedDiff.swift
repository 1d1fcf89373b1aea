import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// A unified diff (`diff -u`, as `ruff --diff` prints it) between two versions of a file.
///
/// Lines are compared with Myers' O((N+M)·D) algorithm after the common prefix and suffix are
/// set aside; past `maxEdits` differences the middle is shown as one replacement, so a huge
/// rewrite costs linear time, never quadratic.
public enum UnifiedDiff {
    static let maxEdits = 2000

    public static func render(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = split(old), b = split(new)
        let ops = diff(a, b)
        guard ops.contains(where: { $0 != .same }) else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        // Walk the script, cutting it into hunks separated by more than 2·context unchanged lines.
        var i = 0
        var ai = 0, bi = 0
        var positions: [(op: Op, a: Int, b: Int)] = []
        for op in ops {
            positions.append((op, ai, bi))
            switch op {
            case .same: ai += 1; bi += 1
            case .delete: ai += 1
            case .insert: bi += 1
            }
        }
        while i < positions.count {
            guard let firstChange = positions[i...].firstIndex(where: { $0.op != .same }) else { break }
            let start = max(i, firstChange - context)
            var end = firstChange
            var k = firstChange
            while k < positions.count {
                if positions[k].op != .same { end = k; k += 1; continue }
                var run = k
                while run < positions.count && positions[run].op == .same { run += 1 }
                if run >= positions.count || run - k > 2 * context { break }
                k = run
            }
            let stop = min(positions.count, end + context + 1)
            let hunk = positions[start..<stop]
            let aCount = hunk.filter { $0.op != .insert }.count
            let bCount = hunk.filter { $0.op != .delete }.count
            let aStart = aCount == 0 ? hunk.first!.a : hunk.first!.a + 1
            let bStart = bCount == 0 ? hunk.first!.b : hunk.first!.b + 1
            out += "@@ -\(range(aStart, aCount)) +\(range(bStart, bCount)) @@\n"
            for p in hunk {
                switch p.op {
                case .same: out += line(" ", a[p.a])
                case .delete: out += line("-", a[p.a])
                case .insert: out += line("+", b[p.b])
                }
            }
            i = stop
        }
        return out
    }

    package static func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }

    package static func line(_ prefix: String, _ l: Line) -> String {
        prefix + l.text + (l.newline ? "\n" : "\n\\ No newline at end of file\n")
    }

    package struct Line: Equatable {
        package var text: String
        package var newline: Bool
    }

    package static func split(_ bytes: [UInt8]) -> [Line] {
        var out: [Line] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            out.append(Line(text: String(decoding: bytes[start..<i], as: UTF8.self), newline: true))
            start = i + 1
        }
        if start < bytes.count { out.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), newline: false)) }
        return out
    }

    package enum Op: Equatable { case same, delete, insert }

    package static func diff(_ a: [Line], _ b: [Line]) -> [Op] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<a.count - suffix]), y = Array(b[prefix..<b.count - suffix])
        let middle = myers(x, y) ?? (Array(repeating: Op.delete, count: x.count) + Array(repeating: Op.insert, count: y.count))
        return Array(repeating: .same, count: prefix) + middle + Array(repeating: .same, count: suffix)
    }

    /// Myers' greedy shortest edit script; nil past `maxEdits`.
    static func myers(_ a: [Line], _ b: [Line]) -> [Op]? {
        let n = a.count, m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let maxD = min(n + m, maxEdits)
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...maxD {
            // What backtracking reads of this step: diagonals -d-1...d+1 (memory O(D²), D ≤ maxEdits).
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) { x = v[offset + k + 1] } else { x = v[offset + k - 1] + 1 }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { found = true; break outer }
                k += 2
            }
        }
        guard found else { return nil }
        // Backtrack.
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let at = { (k: Int) in v[k + d + 1] }
            let k = x - y
            let prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : at(prevK)
            let prevY = d == 0 ? 0 : prevX - prevK
            while x > prevX && y > prevY { ops.append(.same); x -= 1; y -= 1 }
            if d > 0 {
                if x == prevX { ops.append(.insert) } else { ops.append(.delete) }
            }
            x = prevX
            y = prevY
        }
        while x > 0 && y > 0 { ops.append(.same); x -= 1; y -= 1 }
        return ops.reversed()
    }
}
