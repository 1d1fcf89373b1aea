import Foundation
import FlaglintSupport

/// The progress line on stderr (`flaglint: linting 1200/3400 files`): shown for runs that take
/// longer than about a second on a terminal, redrawn in place, erased when the run ends, so
/// that the findings and the summary are all that stays on the screen.
public final class ProgressReporter: @unchecked Sendable {
    public enum Mode: String, CaseIterable, Sendable {
        /// On a terminal, for text output, once the run has taken a second.
        case auto
        /// Always, from the start (stderr need not be a terminal).
        case always
        case never
    }

    private let output: FileHandleOutput
    private let delay: TimeInterval
    private let lock = NSLock()
    private var phase = ""
    private var total = 0
    private var done = 0
    /// When the run started: `auto` waits a second from here before drawing anything.
    private let started = Date()
    private var lastDraw: Date?
    private var drawn = false

    /// Nil when the mode says no progress for this run: `never`; `auto` when stderr is not a
    /// terminal or the output is a machine format.
    public static func make(_ mode: Mode, output: FileHandleOutput = .standardError, machineFormat: Bool) -> ProgressReporter? {
        switch mode {
        case .never: return nil
        case .always: return ProgressReporter(output: output, delay: 0)
        case .auto: return !machineFormat && output.isTerminal ? ProgressReporter(output: output, delay: 1) : nil
        }
    }

    package init(output: FileHandleOutput, delay: TimeInterval) {
        self.output = output
        self.delay = delay
    }

    /// A new phase of the run (`linting`, `resolving constants`) over `total` files.
    public func start(phase: String, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.phase = phase
        self.total = total
        done = 0
        drawLocked(force: true)
    }

    /// One more file done; redraws at most ten times a second.
    public func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        drawLocked(force: done == total)
    }

    /// Erases the line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { output.write("\r\u{1B}[K") }
        drawn = false
    }

    private func drawLocked(force: Bool) {
        let now = Date()
        guard now.timeIntervalSince(started) >= delay else { return }
        if !force, let last = lastDraw, now.timeIntervalSince(last) < 0.1 { return }
        lastDraw = now
        drawn = true
        output.write("\r\u{1B}[Kflaglint: \(phase) \(done)/\(total) files")
    }
}
