import Foundation
import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintReporters

/// The parallel part of a directory walk: workers take directories from a shared queue, list
/// them (`Walk.list`) and queue their subdirectories, as ripgrep's `ignore` crate does. What
/// they find is combined in an order that does not depend on which worker ran first.
struct DirectoryWalk: Sendable {
    /// A directory to walk: its frame, or the parent's frame to enter it from (a worker reads
    /// the directory's own `.lint.yml` and `.gitignore`).
    struct Task: Sendable {
        package var path: String
        package var parent: Walk.Frame?
        package var frame: Walk.Frame?
        package var isRoot: Bool
    }

    struct Listing: Sendable {
        package var files: [DiscoveredFile] = []
        var children: [Task] = []
        /// Directories reached through a symbolic link: walked after every real directory.
        package var links: [(key: [String], path: String, identity: DirectoryIdentity, parent: Walk.Frame)] = []
        /// Each with its place in a depth-first walk in name order.
        package var problems: [(key: [String], problem: DiscoveryProblem)] = []
        package var error: (key: [String], error: ConfigError)?
    }

    package let walk: Walk

    /// Order of depth-first discovery: a path's components compared name by name, a directory
    /// before what is inside it.
    static func precedes(_ a: [String], _ b: [String]) -> Bool { a.lexicographicallyPrecedes(b) }

    package static func key(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }

    /// Walks `roots` and everything below them that is not a link to a directory.
    package func run(_ roots: [Task]) -> Listing {
        let queue = WorkQueue(roots)
        let jobs = walk.discovery.jobs
        let results = Results()
        let work: @Sendable (Int) -> Void = { _ in
            while let task = queue.next() {
                let key = Self.key(task.path)
                var listing = Listing()
                var frame = task.frame
                if frame == nil, let parent = task.parent {
                    do throws(ConfigError) { frame = try walk.enter(task.path, from: parent) } catch { listing.error = (key, error) }
                }
                if let frame {
                    listing = walk.list(frame, key: key, isRoot: task.isRoot) { walk.visited.insert($0) }
                }
                queue.finish(adding: listing.children)
                results.add(listing)
            }
        }
        if jobs == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: jobs, execute: work) }
        return results.combined()
    }

    /// Directories waiting to be listed; `next` returns nil once none is queued and no worker
    /// is listing one (which could queue more).
    final class WorkQueue: @unchecked Sendable {
        private var pending: [Task]
        private var active = 0
        private let condition = NSCondition()

        package init(_ tasks: [Task]) { pending = tasks }

        package func next() -> Task? {
            condition.lock()
            defer { condition.unlock() }
            while pending.isEmpty && active > 0 { condition.wait() }
            guard let task = pending.popLast() else {
                condition.broadcast()
                return nil
            }
            active += 1
            return task
        }

        package func finish(adding tasks: [Task]) {
            condition.lock()
            pending += tasks.reversed()
            active -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    final class Results: @unchecked Sendable {
        private var all = Listing()
        private let lock = NSLock()

        package func add(_ l: Listing) {
            lock.lock()
            defer { lock.unlock() }
            all.files += l.files
            all.links += l.links
            all.problems += l.problems
            if let e = l.error, all.error.map({ DirectoryWalk.precedes(e.key, $0.key) }) ?? true { all.error = e }
        }

        package func combined() -> Listing {
            lock.lock()
            defer { lock.unlock() }
            return all
        }
    }
}

/// Directory identities seen, shared by the workers of a walk.
final class IdentitySet: @unchecked Sendable {
    private var seen = Set<DirectoryIdentity>()
    private let lock = NSLock()

    /// True when `identity` was not in the set (and now is).
    package func insert(_ identity: DirectoryIdentity) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return seen.insert(identity).inserted
    }
}
