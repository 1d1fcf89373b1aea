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

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
