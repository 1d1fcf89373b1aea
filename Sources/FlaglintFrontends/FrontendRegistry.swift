import FlaglintSyntax

/// The frontends flaglint ships, by language. A new language is one more line here.
public enum FrontendRegistry {
    public static func frontend(for language: Language) -> (any Frontend)? {
        switch language {
        case .swift:
            return SwiftFrontend()
        case .python:
            return PythonFrontend()
        case .c, .cpp, .objc, .objcpp:
            return CFamilyFrontend()
        }
    }

    /// The language's surface syntax, for the stages after the frontends.
    public static func syntax(for language: Language) -> any LanguageSyntax {
        switch language {
        case .swift: return SwiftSyntax()
        case .python: return PythonSyntax()
        case .c, .cpp: return CFamilySyntax(objectiveC: false)
        case .objc, .objcpp: return CFamilySyntax(objectiveC: true)
        }
    }
}
