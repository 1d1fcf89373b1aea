/// Binary search over sorted offsets, shared by the frontends and control analysis.
package enum SortedSearch {
    /// The first index whose element is not less than `x` (`a.count` when every element is).
    package static func lowerBound(_ a: [Int], _ x: Int) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
