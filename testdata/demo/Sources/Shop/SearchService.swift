import OpenFeature

struct SearchService {
    let flags = OpenFeatureAPI.shared.getClient()

    func search(_ query: String) -> [Product] {
        // `legacy-search` was archived in October: this branch is dead.
        if flags.getBooleanValue(key: "legacy-search", defaultValue: false) {
            return LegacySearch().run(query)
        }
        // Not in flags.yml: a typo or a flag someone forgot to register.
        // flaglint:disable-next-line nested-flag -- written when this was nested; it no longer is
        let fuzzy = flags.getBooleanValue(key: "fuzzy-matching", defaultValue: false)
        return Search(fuzzy: fuzzy).run(query)
    }
}
