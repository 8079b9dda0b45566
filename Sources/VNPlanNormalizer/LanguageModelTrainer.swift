import Foundation

/// Builds a `SyllableLanguageModel` from text: interpolated Kneser-Ney trigrams, pruned to a
/// compact size and renormalised into back-off form, so unseen n-grams still get the mass
/// the discounts set aside.
public struct LanguageModelTrainer: Sendable {
    public struct Options: Sendable {
        /// A syllable enters the vocabulary after this many (weighted) occurrences.
        public var minimumSyllableCount = 3
        /// Other tokens (abbreviations, foreign words) need this many.
        public var minimumOtherCount = 40
        /// Bigrams and trigrams seen fewer (weighted) times than this are pruned from the file.
        public var minimumBigramCount: UInt32 = 2
        public var minimumTrigramCount: UInt32 = 3

        public init() {}
    }

    public struct Report: Sendable, CustomStringConvertible {
        public var lines = 0, tokens = 0, vocabulary = 0, distinctTrigrams = 0
        /// Kept n-grams per order, bigrams first.
        public var kept: [Int] = []
        public var bytes = 0
        public var discounts: [Float] = []
        public var characterConfusions = 0, tokenConfusions = 0

        public var description: String {
            """
            lines \(lines), tokens \(tokens), vocabulary \(vocabulary)
            trigrams seen \(distinctTrigrams); kept \(zip(kept, ["bigrams", "trigrams"]).map { "\($0) \($1)" }.joined(separator: ", "))
            Kneser-Ney discounts: \(discounts.map { String(format: "%.3f", $0) }.joined(separator: ", "))
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
        let trigrams = countTrigrams(streams: streams, remap: vocabulary.remap)
        report.distinctTrigrams = trigrams.keys.count

        progress("estimating Kneser-Ney probabilities")
        let sentenceStart = UInt64(LanguageModelVocabulary.specials.firstIndex(of: LanguageModelVocabulary.sentenceStart)!)
        let estimate = KneserNeyEstimate(highest: trigrams, vocabularySize: vocabulary.words.count, sentenceStart: sentenceStart)
        report.discounts = estimate.discounts
        let pruned = estimate.pruned(minimumCounts: [options.minimumBigramCount, options.minimumTrigramCount])
        report.kept = pruned.keys.map(\.count)

        progress("learning the OCR channel from \(ocrPairs.count) pages")
        let known = Set(vocabulary.words)
        let channel = OCRChannelLearner.learn(from: ocrPairs, isKnownSyllable: { known.contains($0) })
        report.characterConfusions = channel.characterConfusions.values.reduce(0) { $0 + $1.count }
        report.tokenConfusions = channel.tokenConfusions.values.reduce(0) { $0 + $1.count }

        let bytes = SyllableLanguageModel.serialize(
            vocabulary: vocabulary.words, unigramLogProb: estimate.unigramLogProb,
            unigramBackoff: pruned.unigramBackoff, unigramFrequency: vocabulary.frequencies,
            ngrams: SyllableLanguageModel.NGrams(keys: pruned.keys, codes: pruned.codes), quantization: pruned.quantization, channel: channel)
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

    /// Every trigram of the text (w1 << 32 | w2 << 16 | w3) with its weighted count; lines
    /// start with two `<s>` and end with `</s>`.
    private func countTrigrams(streams: [(ids: [Int32], weight: Int)], remap: [UInt16]) -> NGramLevel {
        let start = UInt64(LanguageModelVocabulary.specials.firstIndex(of: LanguageModelVocabulary.sentenceStart)!)
        let end = UInt64(LanguageModelVocabulary.specials.firstIndex(of: LanguageModelVocabulary.sentenceEnd)!)
        var occurrences: [(key: UInt64, weight: UInt32)] = []
        occurrences.reserveCapacity(streams.reduce(0) { $0 + $1.ids.count })
        for (ids, weight) in streams {
            var history: UInt64 = 0
            var inLine = false
            func emit(_ word: UInt64) {
                history = (history << 16 | word) & NGramLevel.mask(order: 3)
                occurrences.append((history, UInt32(weight)))
            }
            for id in ids {
                if id == TokenInterner.lineBreak {
                    if inLine { emit(end) }
                    history = start << 16 | start
                    inLine = true
                } else {
                    emit(UInt64(remap[Int(id)]))
                }
            }
            if inLine { emit(end) }
        }
        return NGramLevel(order: 3, occurrences: occurrences)
    }
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
