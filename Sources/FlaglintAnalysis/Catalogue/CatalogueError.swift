import FlaglintSupport

/// A catalogue file that cannot be used, with the place in it (1-based line and column):
/// `rules/launchdarkly.yml:12:5: error: unknown key "matchh" ...`.
public typealias CatalogueError = LocatedError
