public enum Flaglint {
    public static let version = "0.1.0"
    /// The project's home: SARIF `informationUri`.
    public static let repositoryURL = "https://github.com/flaglint/flaglint"
    /// `docs/rules.md` (generated from the rules' own descriptions): SARIF `helpUri` and
    /// `flaglint rules` link to `#<rule-id>` in it. The one place the link base is written.
    public static let rulesDocumentationURL = repositoryURL + "/blob/main/docs/rules.md"
}
