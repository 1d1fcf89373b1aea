import FlaglintSupport
import FlaglintSyntax

/// A file to lint, with the configuration that governs it.
public struct DiscoveredFile: Sendable {
    /// Absolute and lexically normalised (symlinks are kept, as the user named them).
    public var path: String
    /// Relative to the current directory when inside it, else absolute.
    public var displayPath: String
    /// From the extension and the configuration's `languages`; see `language(forContents:)`.
    public var language: Language
    /// A `.h` file that `languages` does not map: its content decides (`HeaderLanguage`).
    public var needsContentCheck: Bool
    /// Named on the command line (or as `--stdin-filename`) rather than found in a directory.
    public var isExplicit: Bool
    public var configuration: Configuration

    /// The language to lint the file as, once its bytes are read.
    public func language(forContents bytes: [UInt8]) -> Language {
        needsContentCheck ? HeaderLanguage.detect(bytes) : language
    }
}

/// Something discovery could not do. Errors concern paths named on the command line (the CLI
/// exits 2); warnings concern what was found on the way (an unreadable subdirectory).
public struct DiscoveryProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    /// As shown to the user.
    public var path: String
    public var message: String

    public var description: String { "\(path): \(severity.rawValue): \(message)" }
}

public struct DiscoveryResult: Sendable {
    /// Sorted by display path, without duplicates.
    public var files: [DiscoveredFile]
    public var problems: [DiscoveryProblem]
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

/// What to do with source read from stdin under a given `--stdin-filename`.
public enum StdinClassification: Sendable {
    case lint(DiscoveredFile)
    /// `--force-exclude` and the name is excluded: print nothing, succeed.
    case excluded
    /// The extension is not one flaglint reads.
    case unsupported
}

/// Turns PATH arguments into the files to lint (README, Usage, §2): directories are walked honouring
/// the default excludes, `.gitignore`, `.git/info/exclude` and each file's nearest
/// configuration (`include`/`exclude`, `languages`); files named explicitly are linted even
/// when excluded unless `forceExclude` (pre-commit) is set.
///
/// The walk keeps its own stack (no recursion, whatever the depth), visits each real
/// directory once (symlink loops end), and reports unreadable directories as warnings.
public struct FileDiscovery: Sendable {
    /// Directory names skipped while walking, besides every hidden (`.`-prefixed) name.
    /// Mirrors ruff's defaults plus the Swift/Objective-C dependency folders.
    public static let defaultExcludedDirectories: Set<String> = [
        "node_modules", "venv", "__pypackages__", "site-packages", "_build", "buck-out", "dist",
        "Pods", "Carthage", "DerivedData",
    ]

    public var resolver: ConfigurationResolver
    public var forceExclude: Bool
    /// Threads walking directories; the result does not depend on it.
    public var jobs: Int

    public init(resolver: ConfigurationResolver, forceExclude: Bool = false, jobs: Int = 1) {
        self.resolver = resolver
        self.forceExclude = forceExclude
        self.jobs = max(1, jobs)
    }

    private var currentDirectory: String { resolver.currentDirectory }

    /// The files under `paths` (default `.`). Throws only for an invalid configuration met on
    /// the way; missing or unreadable named paths are `problems` with severity error.
    public func discover(_ paths: [String]) throws(ConfigError) -> DiscoveryResult {
        var walk = Walk(discovery: self)
        for argument in paths.isEmpty ? ["."] : paths {
            try walk.visit(argument: argument)
        }
        var seen: Set<String> = []
        let files = walk.files
            .filter { seen.insert($0.path).inserted }
            .sorted { $0.displayPath == $1.displayPath ? $0.path < $1.path : $0.displayPath < $1.displayPath }
        return DiscoveryResult(files: files, problems: walk.problems)
    }

    /// Classifies the `--stdin-filename` path, which need not exist.
    public func stdinFile(_ path: String) throws(ConfigError) -> StdinClassification {
        let absolute = PathName.absolute(path, relativeTo: currentDirectory)
        let configuration = try resolver.configuration(for: absolute)
        guard let file = file(at: absolute, configuration: configuration, explicit: true) else { return .unsupported }
        var walk = Walk(discovery: self)
        if forceExclude && walk.isExcluded(explicit: absolute, isDirectory: false, configuration: configuration) { return .excluded }
        return .lint(file)
    }

    package func file(at path: String, configuration: Configuration, explicit: Bool) -> DiscoveredFile? {
        let ext = PathName.fileExtension(path)
        guard !ext.isEmpty, let language = configuration.language(forExtension: ext) else { return nil }
        let lowered = ext.lowercased()
        return DiscoveredFile(
            path: path, displayPath: PathName.display(path, currentDirectory: currentDirectory), language: language,
            needsContentCheck: lowered == "h" && configuration.languages[lowered] == nil,
            isExplicit: explicit, configuration: configuration)
    }

    static func isDefaultExcluded(name: String, isDirectory: Bool) -> Bool {
        name.hasPrefix(".") || (isDirectory && defaultExcludedDirectories.contains(name))
    }

    package static func relative(_ path: String, in configuration: Configuration) -> String {
        PathName.relative(path, to: configuration.directory) ?? PathName.lastComponent(path)
    }

    static func isExcludedByConfiguration(_ path: String, isDirectory: Bool, configuration: Configuration) -> Bool {
        guard !configuration.exclude.isEmpty else { return false }
        return isExcludedByConfiguration(GlobPath(path), isDirectory: isDirectory, configuration: configuration)
    }

    /// Configuration globs are relative to its directory; a path outside it is tested by its name.
    static func configurationNames(_ path: GlobPath, _ configuration: Configuration) -> ArraySlice<Range<Int>> {
        path.names(below: configuration.directory) ?? path.lastName
    }

    static func isExcludedByConfiguration(_ path: GlobPath, isDirectory: Bool, configuration: Configuration) -> Bool {
        guard !configuration.exclude.isEmpty else { return false }
        let names = configurationNames(path, configuration)
        return configuration.exclude.contains { $0.matches(path, names: names, isDirectory: isDirectory) }
    }

    /// With `include` set, a file must match it (itself or one of its directories).
    static func isIncluded(file path: String, configuration: Configuration) -> Bool {
        guard !configuration.include.isEmpty else { return true }
        return isIncluded(file: GlobPath(path), configuration: configuration)
    }

    static func isIncluded(file path: GlobPath, configuration: Configuration) -> Bool {
        guard !configuration.include.isEmpty else { return true }
        let names = configurationNames(path, configuration)
        return configuration.include.contains { $0.matchesSelfOrAncestor(path, names: names, isDirectory: false) }
    }
}

/// One discovery run's mutable state.
struct Walk: Sendable {
    struct Frame: Sendable {
        var directory: String
        var configuration: Configuration
        var ignores: IgnoreStack
    }

    let discovery: FileDiscovery
    var files: [DiscoveredFile] = []
    var problems: [DiscoveryProblem] = []
    /// Directories walked, shared with the workers of `DirectoryWalk`.
    let visited = IdentitySet()
    /// Ignore stacks by (top, directory), shared by the many files pre-commit names at once.
    var ignoreStacks: [String: IgnoreStack] = [:]

    init(discovery: FileDiscovery) { self.discovery = discovery }

    var cwd: String { discovery.resolver.currentDirectory }

    func display(_ path: String) -> String { PathName.display(path, currentDirectory: cwd) }

    mutating func visit(argument: String) throws(ConfigError) {
        let path = PathName.absolute(argument, relativeTo: cwd)
        let status: FileSystem.Status
        switch FileSystem.status(path, followingSymlinks: true) {
        case let .success(found): status = found
        case let .failure(failure):
            problems.append(DiscoveryProblem(severity: .error, path: argument, message: "\(failure)"))
            return
        }
        switch status.kind {
        case .directory:
            let configuration = try discovery.resolver.configuration(forDirectory: path)
            if discovery.forceExclude && isExcluded(explicit: path, isDirectory: true, configuration: configuration) {
                return
            }
            try walk(root: path, identity: status.identity, configuration: configuration)
        case .file:
            let configuration = try discovery.resolver.configuration(for: path)
            guard let file = discovery.file(at: path, configuration: configuration, explicit: true) else {
                if !discovery.forceExclude {
                    problems.append(DiscoveryProblem(
                        severity: .warning, path: argument,
                        message: "skipped: not a Swift, Python, C, C++, Objective-C or Objective-C++ file "
                            + "(map other extensions with `languages:` in .lint.yml)"))
                }
                return
            }
            if discovery.forceExclude && isExcluded(explicit: path, isDirectory: false, configuration: configuration) {
                return
            }
            files.append(file)
        case .symlink, .other:
            problems.append(DiscoveryProblem(severity: .error, path: argument, message: "not a regular file or directory"))
        }
    }

    /// Walks `root` on `discovery.jobs` threads (`DirectoryWalk`): real directories first, in
    /// parallel; then directories reached through symbolic links, in path order, each walked
    /// only if no other path reached it. Files are sorted later; problems are put in the order
    /// a depth-first walk in name order meets them, so the output never depends on timing.
    mutating func walk(root: String, identity: DirectoryIdentity, configuration: Configuration) throws(ConfigError) {
        guard visited.insert(identity) else { return }
        var pending = [DirectoryWalk.Task(path: root, parent: nil,
                                          frame: Frame(directory: root, configuration: configuration, ignores: ignoreStack(for: root, top: root)),
                                          isRoot: true)]
        var found: [(key: [String], problem: DiscoveryProblem)] = []
        var firstError: (key: [String], error: ConfigError)?
        while !pending.isEmpty {
            let phase = DirectoryWalk(walk: self).run(pending)
            files += phase.files
            found += phase.problems
            if let e = phase.error, firstError.map({ DirectoryWalk.precedes(e.key, $0.key) }) ?? true { firstError = e }
            pending = phase.links.sorted { DirectoryWalk.precedes($0.key, $1.key) }.compactMap { link in
                visited.insert(link.identity) ? DirectoryWalk.Task(path: link.path, parent: link.parent, frame: nil, isRoot: false) : nil
            }
        }
        if let firstError { throw firstError.error }
        problems += found.sorted { DirectoryWalk.precedes($0.key, $1.key) }.map(\.problem)
    }

    /// One directory's listing: files, subdirectories to walk, links to directories to walk
    /// later, problems. Reads only `self`'s immutable parts: runs on any worker.
    func list(_ frame: Frame, key: [String], isRoot: Bool, claim: (DirectoryIdentity) -> Bool) -> DirectoryWalk.Listing {
        var out = DirectoryWalk.Listing()
        let listing: [FileSystem.Entry]
        switch FileSystem.list(frame.directory) {
        case let .success(result):
            listing = result.entries
            if result.undecodable > 0 {
                out.problems.append((key, DiscoveryProblem(
                    severity: .warning, path: display(frame.directory),
                    message: "skipped \(result.undecodable) entr\(result.undecodable == 1 ? "y" : "ies") whose name is not valid UTF-8")))
            }
        case let .failure(failure):
            // The named directory itself is input the user asked for; below it, a warning.
            out.problems.append((key, DiscoveryProblem(
                severity: isRoot ? .error : .warning, path: display(frame.directory),
                message: "cannot read directory: \(failure)")))
            return out
        }
        for entry in listing.sorted(by: { $0.name < $1.name }) {
            // Hidden names are skipped before any `stat` (`.git` is in every repository).
            if entry.name.utf8.first == UInt8(ascii: ".") { continue }
            let path = PathName.join(frame.directory, entry.name)
            var kind = entry.kind
            var childIdentity: DirectoryIdentity?
            let throughLink = kind == .symlink
            if kind == nil || kind == .symlink || kind == .directory {
                let status: FileSystem.Status
                switch FileSystem.status(path, followingSymlinks: true) {
                case let .success(found): status = found
                case let .failure(failure):
                    // A source file that cannot be reached (a symlink loop) is worth a word;
                    // other broken links are skipped silently, as git does.
                    if failure.isSymlinkLoop,
                       discovery.file(at: path, configuration: frame.configuration, explicit: false) != nil,
                       !FileDiscovery.isExcludedByConfiguration(path, isDirectory: false, configuration: frame.configuration),
                       !frame.ignores.isIgnored(path, isDirectory: false) {
                        out.problems.append((key + ["\u{0}" + entry.name],
                                             DiscoveryProblem(severity: .warning, path: display(path), message: "skipped: \(failure)")))
                    }
                    continue
                }
                kind = status.kind
                childIdentity = status.identity
            }
            let isDirectory = kind == .directory
            guard isDirectory || kind == .file else { continue }
            if FileDiscovery.isDefaultExcluded(name: entry.name, isDirectory: isDirectory) { continue }
            let globPath = GlobPath(path)
            if FileDiscovery.isExcludedByConfiguration(globPath, isDirectory: isDirectory, configuration: frame.configuration) { continue }
            if frame.ignores.isIgnored(globPath, isDirectory: isDirectory) { continue }
            if !isDirectory && !FileDiscovery.isIncluded(file: globPath, configuration: frame.configuration) { continue }
            if isDirectory {
                guard let childIdentity else { continue }
                if throughLink {
                    out.links.append((key + [entry.name], path, childIdentity, frame))
                } else if claim(childIdentity) {
                    out.children.append(DirectoryWalk.Task(path: path, parent: frame, frame: nil, isRoot: false))
                }
            } else if let file = discovery.file(at: path, configuration: frame.configuration, explicit: false) {
                out.files.append(file)
            }
        }
        return out
    }

    /// The frame for a subdirectory: its own `.lint.yml` (unless `--config`) and ignore files.
    func enter(_ directory: String, from parent: Frame) throws(ConfigError) -> Frame {
        let names = Set([".git", ".gitignore", ConfigurationResolver.fileName].filter {
            FileSystem.exists(PathName.join(directory, $0))
        })
        var configuration = parent.configuration
        if names.contains(ConfigurationResolver.fileName), !discovery.resolver.isOverridden {
            configuration = try discovery.resolver.configuration(file: PathName.join(directory, ConfigurationResolver.fileName))
        }
        return Frame(directory: directory, configuration: configuration, ignores: parent.ignores.entering(directory, names: names))
    }

    /// `--force-exclude` for a named path: every layer a directory walk would apply, checked on
    /// the path and each of its directories below the project root (the configuration's
    /// directory, else the repository root, else the current directory).
    mutating func isExcluded(explicit path: String, isDirectory: Bool, configuration: Configuration) -> Bool {
        let top: String
        if configuration.file != nil, PathName.relative(path, to: configuration.directory) != nil {
            top = configuration.directory
        } else if let repository = PathName.selfAndAncestors(PathName.parent(path)).first(where: {
            FileSystem.exists(PathName.join($0, ".git"))
        }) {
            top = repository
        } else if PathName.relative(path, to: cwd) != nil {
            top = cwd
        } else {
            top = PathName.parent(path)
        }
        var components: [String] = []
        for ancestor in PathName.selfAndAncestors(path) {
            if ancestor == top { break }
            components.append(ancestor)
        }
        for component in components.reversed() {
            let componentIsDirectory = component != path || isDirectory
            if FileDiscovery.isDefaultExcluded(name: PathName.lastComponent(component), isDirectory: componentIsDirectory)
                || FileDiscovery.isExcludedByConfiguration(component, isDirectory: componentIsDirectory, configuration: configuration)
                || ignoreStack(for: PathName.parent(component), top: top).isIgnored(component, isDirectory: componentIsDirectory) {
                return true
            }
        }
        return !isDirectory && !FileDiscovery.isIncluded(file: path, configuration: configuration)
    }

    /// The ignore files in force in `directory`: from the enclosing repository's root (or,
    /// outside a repository, from `top`) down to `directory` itself.
    mutating func ignoreStack(for directory: String, top: String) -> IgnoreStack {
        func key(_ directory: String) -> String { top + "\u{0}" + directory }
        if let cached = ignoreStacks[key(directory)] { return cached }
        var stack = IgnoreStack()
        var chain: [String] = []
        var reachedRepository = false
        for ancestor in PathName.selfAndAncestors(directory) {
            if let cached = ignoreStacks[key(ancestor)] {
                stack = cached
                reachedRepository = true
                break
            }
            chain.append(ancestor)
            if FileSystem.exists(PathName.join(ancestor, ".git")) {
                reachedRepository = true
                break
            }
        }
        if !reachedRepository, let topIndex = chain.firstIndex(of: top) {
            // Outside a repository only the ignore files from `top` down apply.
            chain = Array(chain[...topIndex])
        }
        for ancestor in chain.reversed() {
            let names = Set([".git", ".gitignore"].filter { FileSystem.exists(PathName.join(ancestor, $0)) })
            stack = stack.entering(ancestor, names: names)
            ignoreStacks[key(ancestor)] = stack
        }
        return stack
    }
}
