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
}
