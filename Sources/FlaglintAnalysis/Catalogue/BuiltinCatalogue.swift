/// The catalogue compiled into the binary from `rules/*.yml` (see `EmbeddedCatalogue`), so an
/// installed flaglint needs no source checkout.
public enum BuiltinCatalogue {
    /// Every built-in SDK catalogue, sorted by file name (= id). Parsed once, on first use.
    /// A file that fails to load is left out and reported in `problems` (the tests keep that
    /// list empty); it never stops flaglint.
    public static var all: [SDKCatalogue] { loaded.catalogues }

    /// Why embedded files were left out of `all`; empty in a correct build.
    public static var problems: [CatalogueError] { loaded.problems }

    /// The ids of `all`, sorted.
    public static var ids: [String] { all.map(\.id) }

    /// The built-in catalogue with this id (`launchdarkly`).
    public static func catalogue(id: String) -> SDKCatalogue? {
        all.first { $0.id == id }
    }

    /// Parses the embedded files afresh, throwing the first problem (an unloadable file or a
    /// repeated id). For tests; flaglint itself uses `all`.
    public static func load() throws(CatalogueError) -> [SDKCatalogue] {
        let result = load(EmbeddedCatalogue.files)
        if let first = result.problems.first { throw first }
        return result.catalogues
    }

    /// Parses catalogue sources (`name` is the file name inside `rules/`), sorted by name;
    /// a file whose id repeats an earlier one is a problem.
    package static func load(_ files: [(name: String, text: String)]) -> (catalogues: [SDKCatalogue], problems: [CatalogueError]) {
        var catalogues: [SDKCatalogue] = []
        var problems: [CatalogueError] = []
        var seen: [String: String] = [:]
        for source in files.sorted(by: { $0.name < $1.name }) {
            let path = "rules/" + source.name
            do {
                let catalogue = try CatalogueLoader.load(yaml: source.text, file: path)
                if let earlier = seen[catalogue.id] {
                    problems.append(CatalogueError(path: path, line: 1, column: 1,
                                                   message: "id \"\(catalogue.id)\" is already used by \(earlier)"))
                    continue
                }
                seen[catalogue.id] = path
                catalogues.append(catalogue)
            } catch {
                problems.append(error)
            }
        }
        return (catalogues, problems)
    }

    private static let loaded = load(EmbeddedCatalogue.files)
}
