/// A position in a file flaglint reads besides code (a configuration, a registry), 1-based;
/// line 0 means "the file as a whole" (it could not be read, so there is no line to point at).
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as shown to users.
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form evaluator origins and messages use.
    public var description: String { line > 0 ? "\(path):\(line):\(column)" : path }

    /// An error at this location (also for checks made after loading, such as SDK ids that
    /// only the catalogue can validate).
    public func error(_ message: String) -> LocatedError {
        LocatedError(path: path, line: line, column: column, message: message)
    }
}

public typealias ConfigLocation = FileLocation
public typealias RegistryLocation = FileLocation

/// A configuration value together with where it was written, so that checks made later by
/// other components can still point into the YAML.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: ConfigLocation

    public init(_ value: Value, at location: ConfigLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// An invalid configuration or registry. The CLI prints it and exits 2: nothing is linted (not
/// against a half-read registry either).
public struct LocatedError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 when the problem concerns the whole file (unreadable, not UTF-8 at an unknown place).
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public init(at location: FileLocation, _ message: String) {
        self.init(path: location.path, line: location.line, column: location.column, message: message)
    }

    public var location: FileLocation { FileLocation(path: path, line: line, column: column) }

    /// gcc style, so editors and CI problem matchers jump to the YAML. A configuration or
    /// registry may be any file a user names, so what the message quotes from it (between
    /// backticks) is cut to a short excerpt, and control characters are escaped.
    public var description: String {
        let shown = TerminalText.escape(path)
        return line > 0 ? "\(shown):\(line):\(column): error: \(Self.shortened(message))" : "\(shown): error: \(Self.shortened(message))"
    }

    static let excerptLength = 48

    static func shortened(_ message: String) -> String {
        let parts = message.split(separator: "`", omittingEmptySubsequences: false)
        let cut = parts.enumerated().map { i, part -> String in
            i % 2 == 1 && part.count > excerptLength ? String(part.prefix(excerptLength)) + "…" : String(part)
        }
        return TerminalText.escape(cut.joined(separator: "`"))
    }
}

public typealias ConfigError = LocatedError
public typealias RegistryError = LocatedError
