import FlaglintSyntax

/// Swift's surface syntax as the language-neutral stages see it.
struct SwiftSyntax: LanguageSyntax {
    package let extraAccessOperators: Set<String> = []
    package var hasImplicitMembers: Bool { true }
    package var rawValueMember: String? { "rawValue" }
    package let argumentLabel = ArgumentLabelStyle.colon
    package var conditionPrefixes: Set<String> { ["!", "try", "await", "try?", "try!"] }
    package func booleanLiteral(_ word: String) -> Bool? { word == "true" ? true : word == "false" ? false : nil }
    package var adviceLiterals: (false: String, true: String) { ("false", "true") }
    package var constantFamily: String { "swift" }
}

/// Python's.
struct PythonSyntax: LanguageSyntax {
    package let extraAccessOperators: Set<String> = []
    package let argumentLabel = ArgumentLabelStyle.equals
    package var keywordArgumentsMatchByName: Bool { true }
    package var argumentSpreads: Set<String> { ["*", "**"] }
    package var inlineFunctionKeyword: String? { "lambda" }
    package var conditionPrefixes: Set<String> { ["not", "await"] }
    package func booleanLiteral(_ word: String) -> Bool? { word == "True" ? true : word == "False" ? false : nil }
    package var adviceLiterals: (false: String, true: String) { ("False", "True") }
    package var constantFamily: String { "python" }
}

/// C, C++, Objective-C and Objective-C++.
struct CFamilySyntax: LanguageSyntax {
    let objectiveC: Bool
    package let extraAccessOperators: Set<String> = ["->", "::"]
    package var globalScopeOperator: String? { "::" }
    package let argumentLabel = ArgumentLabelStyle.none
    package var integersAreBooleans: Bool { true }
    package var joinsAtPrefixedLiterals: Bool { true }
    package var conditionPrefixes: Set<String> { ["!", "not"] }
    package func booleanLiteral(_ word: String) -> Bool? {
        switch word {
        // `LDBooleanTrue`/`LDBooleanFalse`: the LaunchDarkly C SDKs' own constants, known
        // without the SDK's header (which a file-by-file parse never reads).
        case "true", "YES", "@YES", "TRUE", "LDBooleanTrue": return true
        case "false", "NO", "@NO", "FALSE", "LDBooleanFalse": return false
        default: return nil
        }
    }
    package var adviceLiterals: (false: String, true: String) { objectiveC ? ("NO", "YES") : ("false", "true") }
    package var constantFamily: String { "c-family" }
    package var hasTranslationUnits: Bool { true }
}
