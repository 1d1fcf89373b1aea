/// The frontends flaglint ships, by language. A new language is one more line here.
public enum FrontendRegistry {
    public static func frontend(for language: Language) -> (any Frontend)? {
        switch language {
        case .python:
            return PythonFrontend()
        case .swift, .c, .cpp, .objc, .objcpp:
            return nil
        }
    }
}
