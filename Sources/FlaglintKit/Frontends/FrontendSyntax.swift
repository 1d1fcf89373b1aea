/// Swift's surface syntax as the language-neutral stages see it.
struct SwiftSyntax: LanguageSyntax {
    let extraAccessOperators: Set<String> = []
    var hasImplicitMembers: Bool { true }
    var rawValueMember: String? { "rawValue" }
    let argumentLabel = ArgumentLabelStyle.colon
    var conditionPrefixes: Set<String> { ["!", "try", "await", "try?", "try!"] }
    func booleanLiteral(_ word: String) -> Bool? { word == "true" ? true : word == "false" ? false : nil }
    var adviceLiterals: (false: String, true: String) { ("false", "true") }
    var constantFamily: String { "swift" }
}

/// Python's.
struct PythonSyntax: LanguageSyntax {
    let extraAccessOperators: Set<String> = []
    let argumentLabel = ArgumentLabelStyle.equals
    var keywordArgumentsMatchByName: Bool { true }
    var argumentSpreads: Set<String> { ["*", "**"] }
    var inlineFunctionKeyword: String? { "lambda" }
    var conditionPrefixes: Set<String> { ["not", "await"] }
    func booleanLiteral(_ word: String) -> Bool? { word == "True" ? true : word == "False" ? false : nil }
    var adviceLiterals: (false: String, true: String) { ("False", "True") }
    var constantFamily: String { "python" }
}

/// C, C++, Objective-C and Objective-C++.
struct CFamilySyntax: LanguageSyntax {
    let objectiveC: Bool
    let extraAccessOperators: Set<String> = ["->", "::"]
    var globalScopeOperator: String? { "::" }
    let argumentLabel = ArgumentLabelStyle.none
    var integersAreBooleans: Bool { true }
    var joinsAtPrefixedLiterals: Bool { true }
    var conditionPrefixes: Set<String> { ["!", "not"] }
    func booleanLiteral(_ word: String) -> Bool? {
        switch word {
        // `LDBooleanTrue`/`LDBooleanFalse`: the LaunchDarkly C SDKs' own constants, known
        // without the SDK's header (which a file-by-file parse never reads).
        case "true", "YES", "@YES", "TRUE", "LDBooleanTrue": return true
        case "false", "NO", "@NO", "FALSE", "LDBooleanFalse": return false
        default: return nil
        }
    }
    var adviceLiterals: (false: String, true: String) { objectiveC ? ("NO", "YES") : ("false", "true") }
    var constantFamily: String { "c-family" }
    var hasTranslationUnits: Bool { true }
}
