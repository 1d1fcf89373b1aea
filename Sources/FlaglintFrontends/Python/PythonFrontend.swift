import FlaglintSyntax

/// The Python frontend: a hand-written, error-tolerant lexer and a statement walker that
/// describes the control structure to the language-neutral `ControlTreeBuilder`.
public struct PythonFrontend: Frontend {
    public init() {}

    public var languages: Set<Language> { [.python] }

    public func parse(_ source: SourceFile, context: FrontendContext) throws -> FileModel {
        let lexed = PythonLexer.lex(source.bytes)
        let partners = Brackets.match(lexed.tokens)
        let (control, constants) = PythonStructure.build(tokens: lexed.tokens, partners: partners)
        return FileModel(source: source, tokens: lexed.tokens, comments: lexed.comments, control: control,
                         constants: constants, diagnostics: lexed.diagnostics)
    }
}
