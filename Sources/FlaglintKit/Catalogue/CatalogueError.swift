/// A catalogue file that cannot be used, with the place in it (1-based line and column).
/// `description` reads `rules/launchdarkly.yml:12:5: unknown key "matchh" ...`.
public struct CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `rules/launchdarkly.yml:12:5`
    public var location: String { "\(file):\(line):\(column)" }
    public var description: String { "\(location): \(message)" }
}
