import FlaglintSyntax

/// The Swift frontend: a hand-written lexer and a structure parser that feeds the shared
/// control-tree builder. No swift-syntax: half-written editor buffers must still lint, and
/// the build must need nothing but a toolchain.
public struct SwiftFrontend: Frontend {
    public init() {}

    public var languages: Set<Language> { [.swift] }

    public func parse(_ source: SourceFile, context: FrontendContext) -> FileModel {
        let lexed = SwiftLexer.lex(source.bytes)
        var model = FileModel(source: source, tokens: lexed.tokens, comments: lexed.comments,
                              control: ControlTree(), diagnostics: lexed.diagnostics)
        let structure = SwiftStructureParser.parse(tokens: model.tokens, partners: model.partners)
        model.control = structure.control
        model.constants = structure.constants
        model.diagnostics += structure.diagnostics
        return model
    }
}
