/// A source language flaglint reads. The C family shares one frontend (libclang).
public enum Language: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case swift, python, c, cpp, objc, objcpp

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }

    public var isCFamily: Bool { self == .c || self == .cpp || self == .objc || self == .objcpp }

    /// The comment syntax used for suppressions and inline expectations.
    public var lineCommentPrefix: String { self == .python ? "#" : "//" }

    /// The language a file extension selects by default (`.h` is resolved later by content or config).
    public static func forExtension(_ ext: String) -> Language? {
        switch ext.lowercased() {
        case "swift": return .swift
        case "py", "pyi": return .python
        case "c": return .c
        case "h": return .c
        case "cc", "cpp", "cxx", "c++", "hpp", "hh", "hxx", "h++", "ipp", "tpp", "inl": return .cpp
        case "m": return .objc
        case "mm": return .objcpp
        default: return nil
        }
    }

    /// Names accepted in configuration and catalogue files (`language: cpp`, `[c, cpp]`, `cfamily`).
    public static func parseList(_ name: String) -> [Language]? {
        switch name.lowercased() {
        case "swift": return [.swift]
        case "python", "py": return [.python]
        case "c": return [.c]
        case "cpp", "c++", "cxx": return [.cpp]
        case "objc", "objective-c": return [.objc]
        case "objcpp", "objc++", "objective-c++": return [.objcpp]
        case "cfamily", "c-family": return [.c, .cpp, .objc, .objcpp]
        default: return nil
        }
    }
}
