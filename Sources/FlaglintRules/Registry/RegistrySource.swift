import Yams
import FlaglintSupport

/// One `registry:` entry of `.lint.yml`: a file, its format, and for vendors with
/// environments, the environment that decides "fully rolled out".
public struct RegistrySource: Sendable, Hashable {
    /// As resolved against the configuration file's directory.
    public var path: String
    public var format: RegistryFormat
    public var environment: String?
    /// The entry in `.lint.yml`, where an unreadable file is reported.
    public var declaredAt: RegistryLocation?

    public init(path: String, format: RegistryFormat = .native, environment: String? = nil, declaredAt: RegistryLocation? = nil) {
        self.path = path
        self.format = format
        self.environment = environment
        self.declaredAt = declaredAt
    }

    /// Parses one `registry:` list item: `flags.yml` or `{path: ..., format: ..., environment: ...}`.
    /// `configPath` names `.lint.yml` in errors; relative paths are resolved against `configDirectory`.
    public static func parse(_ node: Node, configPath: String, configDirectory: String) throws(RegistryError) -> RegistrySource {
        let entry = try RegistryNode(yaml: node, path: configPath)
        func resolve(_ path: String) -> String {
            if path.hasPrefix("/") || configDirectory.isEmpty || configDirectory == "." { return path }
            return configDirectory.hasSuffix("/") ? configDirectory + path : configDirectory + "/" + path
        }
        switch entry.value {
        case let .string(path):
            return RegistrySource(path: resolve(path), declaredAt: entry.location)
        case let .mapping(fields):
            var path: String?
            var source = RegistrySource(path: "", declaredAt: entry.location)
            for field in fields {
                switch field.key {
                case "path": path = try field.value.string("`path` of a registry entry")
                case "format":
                    let name = try field.value.string("`format` of a registry entry")
                    guard let format = RegistryFormat(rawValue: name) else {
                        let known = RegistryFormat.allCases.map(\.rawValue).joined(separator: ", ")
                        throw field.value.error("unknown registry format `\(name)` (known: \(known))")
                    }
                    source.format = format
                case "environment": source.environment = try field.value.string("`environment` of a registry entry")
                default:
                    throw RegistryError(at: field.keyLocation, "unknown key `\(field.key)` in a registry entry (known: path, format, environment)")
                }
            }
            guard let path, !path.isEmpty else { throw entry.error("a registry entry needs a `path`") }
            if source.environment != nil && source.format != .launchdarkly && source.format != .unleash {
                throw entry.error("`environment` applies to `launchdarkly` and `unleash` registries only")
            }
            source.path = resolve(path)
            return source
        default:
            throw entry.error("a registry entry must be a path or a mapping with `path` and `format`, found \(entry.kindName)")
        }
    }

    /// The records of this source's text (pure).
    public func records(text: String) throws(RegistryError) -> [FlagRecord] {
        switch format {
        case .native: return try NativeRegistry.load(text: text, path: path)
        case .flagd: return try FlagdRegistry.load(text: text, path: path)
        case .launchdarkly: return try LaunchDarklyRegistry.load(text: text, path: path, environment: environment)
        case .unleash: return try UnleashRegistry.load(text: text, path: path, environment: environment)
        case .openFeatureManifest: return try OpenFeatureManifest.load(text: text, path: path)
        }
    }
}

extension Registry {
    /// Loads and merges every source, then the inline `flags:` of `.lint.yml`. `read` is the
    /// only I/O: it returns a file's text or throws (the error's text is quoted).
    public static func load(sources: [RegistrySource], inline: [FlagRecord] = [],
                            read: (String) throws -> String) throws(RegistryError) -> Registry {
        var registry = Registry()
        for source in sources {
            let text: String
            do {
                text = try read(source.path)
            } catch {
                let at = source.declaredAt ?? RegistryLocation(path: source.path, line: 1, column: 1)
                // The path is the configuration's, not the file's content: shown whole, unquoted.
                let shown = PathName.display(source.path, currentDirectory: FileSystem.currentDirectory())
                throw RegistryError(at: at, "cannot read registry \(shown): \(error)")
            }
            for record in try source.records(text: text) { try registry.add(record) }
        }
        for record in inline { try registry.add(record) }
        return registry
    }
}
