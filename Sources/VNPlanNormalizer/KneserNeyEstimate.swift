import Foundation

/// The n-grams of one order, sorted by packed key: 16 bits per word, the oldest word highest,
/// so the n-grams of one context (the key without its last word) lie side by side.
struct NGramLevel {
    let order: Int
    var keys: [UInt64] = []
    /// What the estimate counts: weighted occurrences at the highest order, continuation counts
    /// N1+(• w…) (how many distinct words precede the n-gram) below it.
    var counts: [UInt32] = []
    /// Weighted occurrences, which pruning compares with its minimum.
    var occurrences: [UInt32] = []
    var logProb: [Float] = []

    /// The n-grams of `occurrences` (packed keys, unsorted, with their weights) counted.
    init(order: Int, occurrences: [(key: UInt64, weight: UInt32)]) {
        self.init(order: order, entries: occurrences) { _, weight in weight }
    }

    /// Entries sorted and merged by key: occurrences add up, and each entry adds `count` of
    /// itself to the estimate's count.
    private init(order: Int, entries: [(key: UInt64, weight: UInt32)], count: (UInt64, UInt32) -> UInt32) {
        self.order = order
        for (key, weight) in entries.sorted(by: { $0.key < $1.key }) {
            if keys.last == key {
                counts[counts.count - 1] += count(key, weight)
                occurrences[occurrences.count - 1] += weight
            } else {
                keys.append(key); counts.append(count(key, weight)); occurrences.append(weight)
            }
        }
    }

    /// The next lower order: each n-gram without its oldest word, counted by how many distinct
    /// words preceded it (Kneser-Ney's continuation count). An n-gram that opens with
    /// `sentenceStart` has nothing before it to count, so it keeps its occurrences.
    func suffixes(sentenceStart: UInt64) -> NGramLevel {
        let mask = Self.mask(order: order - 1)
        let firstWordShift = UInt64(16 * (order - 2))
        return NGramLevel(order: order - 1, entries: zip(keys, occurrences).map { (key: $0 & mask, weight: $1) }) { key, weight in
            key >> firstWordShift == sentenceStart ? weight : 1
        }
    }

    static func mask(order: Int) -> UInt64 {
        order >= 4 ? .max : (1 << (16 * UInt64(order))) - 1
    }

    func index(of key: UInt64) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? low : nil
    }

    /// Calls `body` with the index range of each context's n-grams, in key order.
    func forEachContext(_ body: (_ context: UInt64, _ range: Range<Int>) -> Void) {
        var start = 0
        while start < keys.count {
            let context = keys[start] >> 16
            var end = start + 1
            while end < keys.count, keys[end] >> 16 == context { end += 1 }
            body(context, start..<end)
            start = end
        }
    }

    /// D = n1 / (n1 + 2 n2), kept inside (0.1, 0.95) for counts with odd statistics.
    var discount: Float {
        let n1 = Double(counts.filter { $0 == 1 }.count), n2 = Double(counts.filter { $0 == 2 }.count)
        guard n1 + 2 * n2 > 0 else { return 0.5 }
        return Float(min(max(n1 / (n1 + 2 * n2), 0.1), 0.95))
    }
}

/// Interpolated Kneser-Ney estimates of every order up to the highest (Chen & Goodman's
/// formulation with one absolute discount per order, from the counts of counts).
struct KneserNeyEstimate {
    /// Orders 2 through the highest; `levels[0]` holds the bigrams.
    var levels: [NGramLevel]
    var unigramLogProb: [Float]
    private var unigramProb: [Double]
    let discounts: [Float]

    init(highest: NGramLevel, vocabularySize: Int, sentenceStart: UInt64) {
        var levels = [highest]
        while levels[0].order > 2 { levels.insert(levels[0].suffixes(sentenceStart: sentenceStart), at: 0) }
        discounts = levels.map(\.discount)

        // Unigram continuation counts: how many distinct words precede each word.
        var continuation = [Double](repeating: 0, count: vocabularySize)
        for key in levels[0].keys { continuation[Int(key & 0xFFFF)] += 1 }
        let total = continuation.reduce(0, +)
        // Words never seen after another word keep a little mass, so no probability is zero.
        let floor = 0.5
        let mass = total + floor * Double(continuation.filter { $0 == 0 }.count)
        let unigramProb = continuation.map { max($0, floor) / mass }
        self.unigramProb = unigramProb
        unigramLogProb = unigramProb.map { Float(log10($0)) }

        for position in levels.indices {
            let d = Double(discounts[position])
            var level = levels[position]
            level.logProb = [Float](repeating: 0, count: level.keys.count)
            level.forEachContext { _, range in
                let total = range.reduce(0.0) { $0 + Double(level.counts[$1]) }
                let types = Double(range.count)
                for index in range {
                    let lower = Self.lowerProbability(of: level.keys[index], below: position, levels: levels, unigramProb: unigramProb)
                    let p = max(Double(level.counts[index]) - d, 0) / total + d * types / total * lower
                    level.logProb[index] = Float(log10(p))
                }
            }
            levels[position] = level
        }
        self.levels = levels
    }

    /// P(last word | the context without its oldest word), from the order below `position`.
    private static func lowerProbability(of key: UInt64, below position: Int, levels: [NGramLevel], unigramProb: [Double]) -> Double {
        guard position > 0 else { return unigramProb[Int(key & 0xFFFF)] }
        let lower = levels[position - 1]
        return pow(10, Double(lower.logProb[lower.index(of: key & NGramLevel.mask(order: lower.order))!]))
    }

    struct Pruned {
        /// Per order from bigrams up: kept keys and their codes (back-off << 8 | probability).
        var keys: [[UInt64]]
        var codes: [[UInt16]]
        var unigramBackoff: [Float]
        var quantization: SyllableLanguageModel.Quantization
    }

    /// Keeps the n-grams seen at least `minimumCounts[order - 2]` times, and every context a kept
    /// higher n-gram needs for its back-off weight; the weights renormalise what was dropped:
    /// α(h) = (1 − Σ kept P(w|h)) / (1 − Σ kept P_lower(w|h′)). N-grams whose context is no
    /// n-gram of the order below ("<s> <s> w") are left out: the model could not reach them.
    func pruned(minimumCounts: [UInt32]) -> Pruned {
        var kept = levels.map { _ in [Int]() }
        // log10 α per context key, one dictionary per order of the context (index 0: unigrams).
        var backoffs = [[UInt64: Float]](repeating: [:], count: levels.count + 1)
        for position in levels.indices.reversed() {
            let level = levels[position]
            let needed = backoffs[position + 1]
            level.forEachContext { context, range in
                guard position == 0 || levels[position - 1].index(of: context) != nil else { return }
                var keptMass = 0.0, keptLowerMass = 0.0
                for index in range where level.occurrences[index] >= minimumCounts[position] || needed[level.keys[index]] != nil {
                    kept[position].append(index)
                    keptMass += pow(10, Double(level.logProb[index]))
                    keptLowerMass += Self.lowerProbability(of: level.keys[index], below: position, levels: levels, unigramProb: unigramProb)
                }
                if keptMass > 0 {
                    backoffs[position][context] = Float(log10(max(1 - keptMass, 1e-9) / max(1 - keptLowerMass, 1e-9)))
                }
            }
        }

        var unigramBackoff = [Float](repeating: 0, count: unigramLogProb.count)
        for (word, backoff) in backoffs[0] { unigramBackoff[Int(word)] = backoff }
        let probabilities = zip(levels, kept).flatMap { level, indices in indices.map { level.logProb[$0] } }
        let contextBackoffs = backoffs.dropFirst().flatMap(\.values)
        let probabilityFloor = max(probabilities.min() ?? -8, -8)
        // The range holds 0 so "no back-off" (α = 1) is stored exactly.
        let backoffFloor = min(contextBackoffs.min() ?? 0, 0), backoffCeiling = max(contextBackoffs.max() ?? 0, 0)
        let quantization = SyllableLanguageModel.Quantization(
            probabilityFloor: probabilityFloor, probabilityStep: -probabilityFloor / 255,
            backoffFloor: backoffFloor, backoffStep: max(backoffCeiling - backoffFloor, 1e-6) / 255)
        var pruned = Pruned(keys: [], codes: [], unigramBackoff: unigramBackoff, quantization: quantization)
        for (position, level) in levels.enumerated() {
            let indices = kept[position].sorted()
            pruned.keys.append(indices.map { level.keys[$0] })
            pruned.codes.append(indices.map { index in
                let backoff = backoffs[position + 1][level.keys[index]] ?? 0
                return quantization.code(backoff: backoff) << 8 | quantization.code(probability: level.logProb[index])
            })
        }
        return pruned
    }
}
