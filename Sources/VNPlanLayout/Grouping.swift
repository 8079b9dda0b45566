/// Small tools the Layout stage's algorithms share.

/// Index of the first element of `sorted` not below `value` (binary search).
func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
    var low = 0, high = sorted.count
    while low < high {
        let middle = (low + high) / 2
        if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
}

/// Runs of `sorted` whose positions lie within `snap` of the run's first: lines drawn twice,
/// a double border, positions that are one anchor.
func clusters<Value>(_ sorted: [Value], within snap: Double, position: (Value) -> Double) -> [[Value]] {
    var runs: [[Value]] = []
    for value in sorted {
        if let first = runs.last?.first, position(value) - position(first) <= snap {
            runs[runs.count - 1].append(value)
        } else {
            runs.append([value])
        }
    }
    return runs
}

/// Indices joined into sets (union-find with path halving): lines that cross, grid slots
/// that no inner line separates.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The representative of the set holding `index`.
    mutating func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    mutating func join(_ index: Int, to other: Int) {
        parent[root(index)] = root(other)
    }
}
