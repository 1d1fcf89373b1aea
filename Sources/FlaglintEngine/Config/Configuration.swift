import Yams
import FlaglintSupport
import FlaglintSyntax
import FlaglintAnalysis
import FlaglintRules

/// A fully validated `.lint.yml` (.lint.yml.example). Loading either yields all of it or throws a
/// `ConfigError`; there is no partially read configuration.
public struct Configuration: Sendable {
    /// The file it was read from, absolute; `nil` for the built-in defaults.
    public var file: String?
    /// The file as shown in messages (relative to the current directory when inside it).
    public var displayPath: String
    /// The directory relative paths and globs are resolved against: the file's directory,
    /// or for the defaults the directory the run started in.
    public var directory: String

    public var version: Int = 1
    /// When non-empty, only files matching one of these (or inside a matching directory) are linted.
    public var include: [Glob] = []
    /// Added to the default excludes and `.gitignore`.
    public var exclude: [Glob] = []
    /// Built-in catalogues to enable: `nil` = all, `[]` = none. Ids are checked by the caller
    /// against the catalogue, which is why each keeps its location.
    public var sdks: [Located<String>]?
    /// In-house evaluators (`info.sdk == "custom"`), in file order.
    public var evaluators: [EvaluatorDefinition] = []
    /// Rule settings by rule id; rules absent here use their defaults.
    public var rules: [String: RuleConfiguration] = [:]
    public var registry: [RegistryEntry] = []
    /// The inline `flags:` mapping, for the registry loader.
    public var inlineFlags: InlineFlags?
    /// Absolute path of the compilation database, if configured.
    public var compileCommands: Located<String>?
    public var defines: [String] = []
    /// C family: where `#include "..."` looks after the including file's own directory, for
    /// keys `#define`d in headers (absolute; `include_dirs:`).
    public var includeDirectories: [String] = []
    /// Extension (lowercased, without the dot) to language, overriding `Language.forExtension`.
    public var languages: [String: Language] = [:]

    /// The defaults used where no `.lint.yml` applies.
    public init(defaultsIn directory: String) {
        self.file = nil
        self.displayPath = "<defaults>"
        self.directory = directory
    }

    /// The language a file extension selects under this configuration (`nil`: not linted).
    public func language(forExtension ext: String) -> Language? {
        if let mapped = languages[ext.lowercased()] { return mapped }
        return Language.forExtension(ext)
    }

    /// The severity a rule runs at: the configured one, else `defaultSeverity`; `nil` = off.
    public func severity(ofRule id: String, default defaultSeverity: Severity?) -> Severity? {
        guard let configured = rules[id]?.severity else { return defaultSeverity }
        return configured.severity
    }

    /// An integer rule option (`max_depth`, `days`), if configured.
    public func integerOption(_ name: String, ofRule id: String) -> Int? {
        if case let .integer(value)? = rules[id]?.options[name] { return value }
        return nil
    }

    /// A severity rule option (`unverifiable`), if configured.
    public func severityOption(_ name: String, ofRule id: String) -> RuleSeverity? {
        if case let .severity(value)? = rules[id]?.options[name] { return value }
        return nil
    }
}

/// One rule's configured settings.
public struct RuleConfiguration: Sendable, Equatable {
    /// `nil` when only options were given.
    public var severity: RuleSeverity?
    /// Validated options by name (names and types come from the rule's `RuleDescription`).
    public var options: [String: RuleOptionValue]
    /// Where the rule's entry is, for messages.
    public var location: ConfigLocation

    public init(severity: RuleSeverity?, options: [String: RuleOptionValue] = [:], location: ConfigLocation) {
        self.severity = severity
        self.options = options
        self.location = location
    }
}

/// A `registry:` entry (docs/registry.md).
public struct RegistryEntry: Sendable, Hashable {
    public typealias Format = RegistryFormat

    /// Absolute path, resolved against the configuration's directory.
    public var path: String
    public var format: Format
    /// LaunchDarkly only: the environment whose state decides rollout.
    public var environment: String?
    public var location: ConfigLocation

    public init(path: String, format: Format, environment: String? = nil, location: ConfigLocation) {
        self.path = path
        self.format = format
        self.environment = environment
        self.location = location
    }

    /// The registry loader's view of this entry.
    public var source: RegistrySource {
        RegistrySource(path: path, format: format, environment: environment, declaredAt: location)
    }
}

/// The inline `flags:` section, handed to the registry loader.
///
/// Yams nodes are not `Sendable` (their tags resolve lazily by mutation), so this keeps the
/// validated source text and composes a fresh node on request; its marks are the file's own.
public struct InlineFlags: Sendable {
    /// The configuration file as shown in messages.
    public var path: String
    /// Where `flags:` is written.
    public var location: ConfigLocation
    package let source: String

    package init(path: String, location: ConfigLocation, source: String) {
        self.path = path
        self.location = location
        self.source = source
    }

    /// The value of `flags:` with marks pointing into the configuration file.
    public func node() -> Node {
        // The source was composed successfully when the configuration was loaded.
        guard let root = try? Yams.compose(yaml: source), let flags = root.mapping?["flags"] else {
            return Node("", Tag(.null))
        }
        return flags
    }
}
