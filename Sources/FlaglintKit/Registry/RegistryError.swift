/// A registry or registry-configuration problem. The CLI prints it as
/// `file:line:col: error: message` and exits 2: nothing is linted against a half-read registry.
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public init(at location: RegistryLocation, _ message: String) {
        self.init(path: location.path, line: location.line, column: location.column, message: message)
    }

    public var location: RegistryLocation { RegistryLocation(path: path, line: line, column: column) }

    /// The message as shown: a registry may be any file a configuration names, so what it
    /// quotes from that file (between backticks) is cut to a short excerpt, and control
    /// characters are escaped.
    public var description: String { "\(TerminalText.escape(path)):\(line):\(column): error: \(Self.shortened(message))" }

    static let excerptLength = 48

    static func shortened(_ message: String) -> String {
        let parts = message.split(separator: "`", omittingEmptySubsequences: false)
        let cut = parts.enumerated().map { i, part -> String in
            i % 2 == 1 && part.count > excerptLength ? String(part.prefix(excerptLength)) + "…" : String(part)
        }
        return TerminalText.escape(cut.joined(separator: "`"))
    }
}
