import Foundation

/// Builds a `SyllableLanguageModel` from text: interpolated Kneser-Ney trigrams, pruned to a
/// compact size and renormalised into back-off form, so unseen trigrams still get the mass
/// the discounts set aside.
public struct LanguageModelTrainer: Sendable {
    public struct Options: Sendable {
        /// A syllable enters the vocabulary after this many (weighted) occurrences.
        public var minimumSyllableCount = 3
        /// Other tokens (abbreviations, foreign words) need this many.
        public var minimumOtherCount = 40
        /// Trigrams and bigrams seen fewer (weighted) times than this are pruned from the file.
        public var minimumTrigramCount = 3
        public var minimumBigramCount = 2

        public init() {}
    }

    public struct Report: Sendable, CustomStringConvertible {
        public var lines = 0, tokens = 0, vocabulary = 0, distinctTrigrams = 0
        public var keptBigrams = 0, keptTrigrams = 0, bytes = 0
        public var discounts: (bigram: Double, trigram: Double) = (0, 0)
        public var characterConfusions = 0, tokenConfusions = 0

        public var description: String {
            """
            lines \(lines), tokens \(tokens), vocabulary \(vocabulary)
            trigrams seen \(distinctTrigrams), kept \(keptTrigrams); bigrams kept \(keptBigrams)
            Kneser-Ney discounts: bigram \(String(format: "%.3f", discounts.bigram)), trigram \(String(format: "%.3f", discounts.trigram))
            OCR channel: \(characterConfusions) character pairs, \(tokenConfusions) token confusions
            model size \(bytes) bytes
            """
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Trains on the sources and the OCR pairs, and returns the model file's bytes.
    public func train(sources: [TrainingSource], ocrPairs: [OCRPagePair],
                      progress: (String) -> Void = { _ in }) throws(LanguageModelError) -> (bytes: [UInt8], report: Report) {
        var report = Report()
        var interner = TokenInterner()
        var streams: [(ids: [Int32], weight: Int)] = []
        for source in sources {
            progress("reading \(source.url.lastPathComponent)")
            let lines = try source.trainingLines()
            var ids: [Int32] = []
            ids.reserveCapacity(lines.count * 12)
            for line in lines {
                let tokens = modelTokens(of: line)
                guard !tokens.isEmpty else { continue }
                ids.append(TokenInterner.lineBreak)
                for token in tokens { ids.append(interner.id(of: token, weight: source.weight)) }
                report.tokens += tokens.count
            }
            report.lines += lines.count
            streams.append((ids, source.weight))
        }

        progress("choosing the vocabulary")
        let vocabulary = try chooseVocabulary(interner)
        report.vocabulary = vocabulary.words.count

        progress("counting trigrams")
        let counts = countTrigrams(streams: streams, remap: vocabulary.remap)
        report.distinctTrigrams = counts.keys.count

        progress("estimating Kneser-Ney probabilities")
        var estimate = KneserNeyEstimate(counts: counts, vocabularySize: vocabulary.words.count)
        report.discounts = (Double(estimate.bigramDiscount), Double(estimate.trigramDiscount))
        let pruned = estimate.pruned(minimumTrigramCount: UInt32(options.minimumTrigramCount),
                                     minimumBigramCount: UInt32(options.minimumBigramCount))
        report.keptBigrams = pruned.ngrams.bigramCodes.count
        report.keptTrigrams = pruned.ngrams.trigramCodes.count

        progress("learning the OCR channel from \(ocrPairs.count) pages")
        let known = Set(vocabulary.words)
        let channel = OCRChannelLearner.learn(from: ocrPairs, isKnownSyllable: { known.contains($0) })
        report.characterConfusions = channel.characterConfusions.values.reduce(0) { $0 + $1.count }
        report.tokenConfusions = channel.tokenConfusions.values.reduce(0) { $0 + $1.count }

        let bytes = SyllableLanguageModel.serialize(
            vocabulary: vocabulary.words, unigramLogProb: estimate.unigramLogProb,
            unigramBackoff: pruned.unigramBackoff, unigramFrequency: vocabulary.frequencies, ngrams: pruned.ngrams,
            quantization: pruned.quantization, channel: channel)
        report.bytes = bytes.count
        return (bytes, report)
    }

    private struct Vocabulary {
        var words: [String]
        /// log10 relative weighted frequency per word.
        var frequencies: [Float]
        /// Interned id → vocabulary id (`<unk>` for tokens left out).
        var remap: [UInt16]
    }

    private func chooseVocabulary(_ interner: TokenInterner) throws(LanguageModelError) -> Vocabulary {
        let specials = LanguageModelVocabulary.specials
        let kept = interner.tokens.indices.filter { index in
            let token = interner.tokens[index], count = interner.counts[index]
            if specials.contains(token) { return false }
            if LanguageModelVocabulary.punctuation.contains(Substring(token)) { return true }
            let minimum = VietnameseSyllable.isWellFormed(token) ? options.minimumSyllableCount : options.minimumOtherCount
            return count >= minimum
        }
        // Most frequent first, ties by spelling: the same corpus always gives the same ids.
        let ordered = kept.sorted { (interner.counts[$0], interner.tokens[$1]) > (interner.counts[$1], interner.tokens[$0]) }
        let words = specials + ordered.map { interner.tokens[$0] }
        guard words.count <= Int(UInt16.max) else { throw .tooLargeVocabulary(words.count) }
        let unknown = UInt16(specials.firstIndex(of: LanguageModelVocabulary.unknown)!)
        var remap = [UInt16](repeating: unknown, count: interner.tokens.count)
        for (position, index) in ordered.enumerated() { remap[index] = UInt16(specials.count + position) }
        // "<num>" comes from the text itself (every code and number); it keeps its special id.
        for (index, token) in interner.tokens.enumerated() {
            if let special = specials.firstIndex(of: token) { remap[index] = UInt16(special) }
        }
        let total = Double(interner.counts.reduce(0, +))
        let counts = specials.map { _ in 1 } + ordered.map { interner.counts[$0] }
        return Vocabulary(words: words, frequencies: counts.map { Float(log10(Double($0) / total)) }, remap: remap)
    }

    /// Sorted distinct trigram keys (w1 << 32 | w2 << 16 | w3) with their weighted counts.
    private func countTrigrams(streams: [(ids: [Int32], weight: Int)], remap: [UInt16]) -> TrigramCounts {
        let start = UInt64(LanguageModelVocabulary.specials.firstIndex(of: LanguageModelVocabulary.sentenceStart)!)
        let end = UInt64(LanguageModelVocabulary.specials.firstIndex(of: LanguageModelVocabulary.sentenceEnd)!)
        var keys: [UInt64] = []
        var weights: [UInt64] = []
        for (ids, weight) in streams {
            var w1 = start, w2 = start
            var inLine = false
            func emit(_ w3: UInt64) {
                keys.append(w1 << 32 | w2 << 16 | w3)
                weights.append(UInt64(weight))
                w1 = w2; w2 = w3
            }
            for id in ids {
                if id == TokenInterner.lineBreak {
                    if inLine { emit(end) }
                    w1 = start; w2 = start; inLine = true
                } else {
                    emit(UInt64(remap[Int(id)]))
                }
            }
            if inLine { emit(end) }
        }
        // Sort keys with their weights packed alongside (keys use 48 bits, weights fit in 16).
        var packed = zip(keys, weights).map { $0 << 16 | $1 }
        keys = []; weights = []
        packed.sort()
        var counts = TrigramCounts()
        for value in packed {
            let key = value >> 16, weight = UInt32(value & 0xFFFF)
            if counts.keys.last == key {
                counts.counts[counts.counts.count - 1] += weight
            } else {
                counts.keys.append(key)
                counts.counts.append(weight)
            }
        }
        return counts
    }
}

struct TrigramCounts {
    var keys: [UInt64] = []
    var counts: [UInt32] = []
}

/// Maps token spellings to dense ids while reading, with their weighted counts.
private struct TokenInterner {
    static let lineBreak: Int32 = -1
    private var ids: [String: Int32] = [:]
    private(set) var tokens: [String] = []
    private(set) var counts: [Int] = []

    mutating func id(of token: String, weight: Int) -> Int32 {
        if let id = ids[token] {
            counts[Int(id)] += weight
            return id
        }
        let id = Int32(tokens.count)
        ids[token] = id
        tokens.append(token)
        counts.append(weight)
        return id
    }
}

/// Interpolated Kneser-Ney estimates over trigram counts (Chen & Goodman's formulation with one
/// absolute discount per order, from the counts of counts).
struct KneserNeyEstimate {
    let trigrams: TrigramCounts
    /// Bigram types (w2 << 16 | w3) sorted, with continuation counts N1+(• w2 w3) and raw counts.
    var bigramKeys: [UInt32] = [], bigramContinuation: [UInt32] = [], bigramRaw: [UInt32] = []
    var bigramLogProb: [Float] = []
    var unigramLogProb: [Float]
    let bigramDiscount: Float, trigramDiscount: Float
    private var unigramProb: [Double]

    init(counts: TrigramCounts, vocabularySize: Int) {
        trigrams = counts
        trigramDiscount = Self.discount(counts.counts)

        var packed = zip(counts.keys, counts.counts).map { (key, count) in (key & 0xFFFF_FFFF) << 32 | UInt64(count) }
        packed.sort()
        for value in packed {
            let key = UInt32(value >> 32), raw = UInt32(truncatingIfNeeded: value)
            if bigramKeys.last == key {
                bigramContinuation[bigramContinuation.count - 1] += 1
                bigramRaw[bigramRaw.count - 1] += raw
            } else {
                bigramKeys.append(key); bigramContinuation.append(1); bigramRaw.append(raw)
            }
        }
        bigramDiscount = Self.discount(bigramContinuation)

        // Unigram continuation counts: how many distinct words precede each word.
        var continuation = [Double](repeating: 0, count: vocabularySize)
        for key in bigramKeys { continuation[Int(key & 0xFFFF)] += 1 }
        let total = continuation.reduce(0, +)
        // Words never seen after another word keep a little mass, so no probability is zero.
        let floor = 0.5
        let mass = total + floor * Double(continuation.filter { $0 == 0 }.count)
        unigramProb = continuation.map { max($0, floor) / mass }
        unigramLogProb = unigramProb.map { Float(log10($0)) }

        bigramLogProb = [Float](repeating: 0, count: bigramKeys.count)
        var start = 0
        while start < bigramKeys.count {
            let context = bigramKeys[start] >> 16
            var end = start
            var sum: Double = 0
            while end < bigramKeys.count, bigramKeys[end] >> 16 == context { sum += Double(bigramContinuation[end]); end += 1 }
            let types = Double(end - start), d = Double(bigramDiscount)
            for index in start..<end {
                let p = max(Double(bigramContinuation[index]) - d, 0) / sum
                    + d * types / sum * unigramProb[Int(bigramKeys[index] & 0xFFFF)]
                bigramLogProb[index] = Float(log10(p))
            }
            start = end
        }
    }

    /// D = n1 / (n1 + 2 n2), kept inside (0.1, 0.95) for counts with odd statistics.
    private static func discount(_ counts: [UInt32]) -> Float {
        let n1 = Double(counts.filter { $0 == 1 }.count), n2 = Double(counts.filter { $0 == 2 }.count)
        guard n1 + 2 * n2 > 0 else { return 0.5 }
        return Float(min(max(n1 / (n1 + 2 * n2), 0.1), 0.95))
    }

    private func bigramIndex(_ key: UInt32) -> Int? {
        var low = 0, high = bigramKeys.count
        while low < high {
            let mid = (low + high) / 2
            if bigramKeys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < bigramKeys.count && bigramKeys[low] == key ? low : nil
    }

    struct Pruned {
        var ngrams: SyllableLanguageModel.NGrams
        var unigramBackoff: [Float]
        var quantization: SyllableLanguageModel.Quantization
    }

    /// Keeps the frequent n-grams and computes the back-off weights that renormalise the rest:
    /// α(h) = (1 − Σ kept P(w|h)) / (1 − Σ kept P_lower(w|h′)).
    mutating func pruned(minimumTrigramCount: UInt32, minimumBigramCount: UInt32) -> Pruned {
        var keptTrigrams: [(key: UInt64, logProb: Float)] = []
        var contextBackoff: [UInt32: Float] = [:]
        let d = Double(trigramDiscount)
        var start = 0
        while start < trigrams.keys.count {
            let context = trigrams.keys[start] >> 16
            var end = start
            var total: Double = 0
            while end < trigrams.keys.count, trigrams.keys[end] >> 16 == context { total += Double(trigrams.counts[end]); end += 1 }
            let types = Double(end - start)
            var keptMass: Double = 0, keptLowerMass: Double = 0
            for index in start..<end where trigrams.counts[index] >= minimumTrigramCount {
                let lower = pow(10, Double(bigramLogProb[bigramIndex(UInt32(trigrams.keys[index] & 0xFFFF_FFFF))!]))
                let p = max(Double(trigrams.counts[index]) - d, 0) / total + d * types / total * lower
                keptTrigrams.append((trigrams.keys[index], Float(log10(p))))
                keptMass += p; keptLowerMass += lower
            }
            if keptMass > 0 {
                contextBackoff[UInt32(context)] = Float(log10(max(1 - keptMass, 1e-9) / max(1 - keptLowerMass, 1e-9)))
            }
            start = end
        }

        // Bigrams: the frequent ones, and every context a kept trigram needs for its back-off weight.
        var keptBigrams: [Int] = []
        var unigramBackoff = [Float](repeating: 0, count: unigramLogProb.count)
        start = 0
        while start < bigramKeys.count {
            let context = bigramKeys[start] >> 16
            var end = start
            var keptMass: Double = 0, keptLowerMass: Double = 0
            while end < bigramKeys.count, bigramKeys[end] >> 16 == context {
                if bigramRaw[end] >= minimumBigramCount || contextBackoff[bigramKeys[end]] != nil {
                    keptBigrams.append(end)
                    keptMass += pow(10, Double(bigramLogProb[end]))
                    keptLowerMass += unigramProb[Int(bigramKeys[end] & 0xFFFF)]
                }
                end += 1
            }
            if keptMass > 0 {
                unigramBackoff[Int(context)] = Float(log10(max(1 - keptMass, 1e-9) / max(1 - keptLowerMass, 1e-9)))
            }
            start = end
        }

        let probabilities = keptTrigrams.map(\.logProb) + keptBigrams.map { bigramLogProb[$0] }
        let backoffs = Array(contextBackoff.values)
        let probabilityFloor = max(probabilities.min() ?? -8, -8)
        // The range holds 0 so "no back-off" (α = 1) is stored exactly.
        let backoffFloor = min(backoffs.min() ?? 0, 0), backoffCeiling = max(backoffs.max() ?? 0, 0)
        let quantization = SyllableLanguageModel.Quantization(
            probabilityFloor: probabilityFloor, probabilityStep: -probabilityFloor / 255,
            backoffFloor: backoffFloor, backoffStep: max(backoffCeiling - backoffFloor, 1e-6) / 255)
        func code(_ value: Float, floor: Float, step: Float) -> UInt16 {
            UInt16(min(max(((value - floor) / step).rounded(), 0), 255))
        }
        var ngrams = SyllableLanguageModel.NGrams(bigramFirst: [], bigramSecond: [], bigramCodes: [],
                                                  trigramFirst: [], trigramSecond: [], trigramThird: [], trigramCodes: [])
        for index in keptBigrams {
            let key = bigramKeys[index]
            ngrams.bigramFirst.append(UInt16(key >> 16))
            ngrams.bigramSecond.append(UInt16(key & 0xFFFF))
            let backoff = contextBackoff[key].map {
                code($0, floor: quantization.backoffFloor, step: quantization.backoffStep)
            } ?? code(0, floor: quantization.backoffFloor, step: quantization.backoffStep)
            ngrams.bigramCodes.append(backoff << 8 | code(bigramLogProb[index], floor: quantization.probabilityFloor,
                                                          step: quantization.probabilityStep))
        }
        for (key, logProb) in keptTrigrams {
            ngrams.trigramFirst.append(UInt16(key >> 32))
            ngrams.trigramSecond.append(UInt16((key >> 16) & 0xFFFF))
            ngrams.trigramThird.append(UInt16(key & 0xFFFF))
            ngrams.trigramCodes.append(UInt8(code(logProb, floor: quantization.probabilityFloor, step: quantization.probabilityStep)))
        }
        return Pruned(ngrams: ngrams, unigramBackoff: unigramBackoff, quantization: quantization)
    }
}
