import FlaglintSyntax

/// One SDK's built-in evaluators and the examples that test them: the contents of one
/// `rules/<id>.yml` file.
public struct SDKCatalogue: Sendable {
    /// The name used in `.lint.yml` `sdks:` and in output (`launchdarkly`); equals the file stem.
    public var id: String
    /// Display name (`LaunchDarkly`).
    public var name: String
    /// The SDK's documentation URL.
    public var docs: String
    /// Modules and headers that show a file uses the SDK (`LaunchDarkly`, `ldclient`,
    /// `launchdarkly/`): `flaglint init --detect` enables the catalogues a project imports.
    public var imports: [String]
    /// In file order; every `info.sdk` is `id`.
    public var evaluators: [EvaluatorDefinition]
    /// In file order.
    public var examples: [CatalogueExample]
    /// The file it was read from, as messages name it (`rules/launchdarkly.yml`).
    public var file: String

    public init(id: String, name: String, docs: String, imports: [String] = [], evaluators: [EvaluatorDefinition],
                examples: [CatalogueExample], file: String) {
        self.id = id
        self.name = name
        self.docs = docs
        self.imports = imports
        self.evaluators = evaluators
        self.examples = examples
        self.file = file
    }

    /// Whether an imported module (`ldclient.config`) or included header
    /// (`launchdarkly/server_side/bindings/c/sdk.h`) belongs to this SDK.
    public func owns(import name: String) -> Bool {
        imports.contains { entry in
            name == entry || (entry.hasSuffix("/") && name.hasPrefix(entry))
                || name.hasPrefix(entry + ".") || name.hasPrefix(entry + "/")
        }
    }

    /// The languages at least one of its evaluators applies to.
    public var languages: Set<Language> {
        evaluators.reduce(into: Set<Language>()) { $0.formUnion($1.languages) }
    }
}

/// Code that must (lines annotated `expect: RULE`) and must not (every other line) produce
/// findings when linted with only its SDK enabled and default rule settings.
public struct CatalogueExample: Sendable, Equatable {
    public var language: Language
    /// How many evaluations flaglint must find in `code`.
    public var evaluations: Int
    public var code: String
    /// Where the example is defined (`rules/launchdarkly.yml:40:5`), for messages.
    public var origin: String
    /// The catalogue file line holding the first line of `code` (for a `code: |` block, the
    /// line after the `|`), so a harness can point at `file:(codeLine + n)` for line n (0-based)
    /// of the code.
    public var codeLine: Int

    public init(language: Language, evaluations: Int, code: String, origin: String, codeLine: Int) {
        self.language = language
        self.evaluations = evaluations
        self.code = code
        self.origin = origin
        self.codeLine = codeLine
    }
}
