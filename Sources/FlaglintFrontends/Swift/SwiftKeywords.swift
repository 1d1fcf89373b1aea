/// Swift's vocabulary as the lexer and the structure parser need it.
package enum SwiftKeywords {
    /// Words lexed as `.keyword`. Contextual words that are common identifiers (`open`,
    /// `mutating`, `lazy`, ...) stay identifiers; the structure parser matches them by text.
    static let reserved: Set<String> = [
        "if", "guard", "else", "while", "repeat", "for", "in", "where", "switch", "case", "default",
        "return", "throw", "break", "continue", "fallthrough", "do", "catch", "defer",
        "func", "init", "deinit", "subscript", "let", "var", "static", "class", "struct", "enum",
        "extension", "protocol", "actor", "import", "try", "await", "as", "is", "nil", "true", "false",
        "self", "Self", "super", "get", "set", "willSet", "didSet",
        "associatedtype", "fileprivate", "inout", "internal", "operator", "precedencegroup",
        "private", "public", "rethrows", "throws", "typealias", "Any",
    ]

    /// `#word` spellings lexed as one keyword token. Other `#name`s (freestanding macros)
    /// are `#` followed by an identifier.
    static let pound: Set<String> = [
        "#if", "#elseif", "#else", "#endif", "#available", "#unavailable", "#selector", "#keyPath",
        "#warning", "#error", "#sourceLocation", "#file", "#fileID", "#filePath", "#line", "#column",
        "#function", "#dsohandle", "#colorLiteral", "#imageLiteral", "#fileLiteral",
    ]

    /// Declaration modifiers that may precede `func`, `var`, `let`, `init`, type declarations.
    package static let modifiers: Set<String> = [
        "public", "private", "fileprivate", "internal", "open", "package", "static", "class", "final",
        "override", "mutating", "nonmutating", "convenience", "required", "lazy", "weak", "unowned",
        "dynamic", "optional", "indirect", "nonisolated", "isolated", "consuming", "borrowing",
        "prefix", "postfix", "infix", "distributed", "async", "__consuming",
    ]

    /// Keywords that begin a statement: at the start of a line they never continue the
    /// previous line's expression.
    static let statementStarts: Set<String> = [
        "let", "var", "if", "guard", "for", "while", "repeat", "switch", "return", "throw", "break",
        "continue", "fallthrough", "defer", "do", "func", "init", "deinit", "subscript", "class",
        "struct", "enum", "extension", "protocol", "actor", "import", "case", "default", "typealias",
        "associatedtype", "static", "public", "private", "fileprivate", "internal", "precedencegroup",
        "operator", "#if", "#elseif", "#else", "#endif",
    ]

    package static let accessors: Set<String> = ["get", "set", "willSet", "didSet", "_read", "_modify", "init"]
}
