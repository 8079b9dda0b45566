import Foundation

/// How damaged text relates to the true syllables: P(observed | intended).
///
/// Three kinds of damage, mixed per character: the letter kept as written, the letter with its
/// marks stripped (typing without diacritics), and OCR confusions learned by aligning OCR output
/// with its truth ("é" for "ộ", "g" for "ợ"). Whole-token confusions that change the length
/// ("ctra" for "cửa", "tt" for "tử") are learned as a table.
struct NoisyChannel: Sendable {
    /// P(observed character | intended character), from aligned tokens of equal length.
    let characterConfusions: [Character: [Character: Float]]
    /// log10 P(intended token | observed token) for frequent whole-token OCR errors.
    let tokenConfusions: [String: [(intended: String, logProbability: Float)]]
    /// `characterConfusions` keyed by scalars (intended << 32 | observed) for the inner loop.
    private let scalarConfusions: [UInt64: Float]
    private let foldedSubstitutions: [Character: [Character]]

    /// How a line was damaged, which sets the weights of the mixture.
    struct Regime: Sendable {
        var kept: Float, stripped: Float, ocr: Float

        /// A line without a single mark was typed (or stripped) without diacritics: a bare
        /// letter says nothing about the marks it lost, so the language model decides. The small
        /// OCR share still lets "tdm" be read as "tâm".
        static let unmarked = Regime(kept: 0, stripped: 0.95, ocr: 0.05)
        /// A line with some marks: letters may be right, stripped, or misread.
        static let marked = Regime(kept: 0.35, stripped: 0.35, ocr: 0.3)
    }

    /// The least probability a character pair gets, so one odd letter does not veto a candidate.
    static let floor: Float = 1e-4

    /// log10 P(observed | intended) for two lowercase spellings of the same length.
    func logProbability(observed: [Unicode.Scalar], intended: [Unicode.Scalar], regime: Regime) -> Float {
        var total: Float = 0
        for (o, i) in zip(observed, intended) {
            var p: Float = 0
            if o == i { p += regime.kept }
            if o == (VietnameseAlphabet.foldedScalars[i.value] ?? i) { p += regime.stripped }
            p += regime.ocr * (scalarConfusions[UInt64(i.value) << 32 | UInt64(o.value)] ?? 0)
            total += log10(max(p, Self.floor))
        }
        return total
    }

    /// Folded letters OCR is known to put in place of an intended folded letter, most likely
    /// first: for "g" that includes "o" because "ợ" is often read as "g".
    func foldedAlternatives(of observed: Character) -> [Character] {
        foldedSubstitutions[observed] ?? []
    }

    init(characterConfusions: [Character: [Character: Float]],
         tokenConfusions: [String: [(intended: String, logProbability: Float)]]) {
        self.characterConfusions = characterConfusions
        self.tokenConfusions = tokenConfusions
        var scalars: [UInt64: Float] = [:]
        // Sum the learned confusions over the marks: observed folded letter → intended folded letter.
        var folded: [Character: [Character: Float]] = [:]
        for (intended, row) in characterConfusions {
            for (observed, p) in row {
                if let i = intended.unicodeScalars.first, let o = observed.unicodeScalars.first {
                    scalars[UInt64(i.value) << 32 | UInt64(o.value)] = p
                }
                let o = VietnameseAlphabet.folded(observed), i = VietnameseAlphabet.folded(intended)
                if o != i, o.isLetter, i.isLetter { folded[o, default: [:]][i, default: 0] += p }
            }
        }
        scalarConfusions = scalars
        foldedSubstitutions = folded.mapValues { row in
            row.filter { $0.value >= 0.02 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map(\.key)
        }
    }
}

// MARK: - File form

extension NoisyChannel {
    init(reading reader: inout BinaryReader) throws(LanguageModelError) {
        let intended = try reader.readColumn(UInt32.self, section: "channel")
        let observed = try reader.readColumn(UInt32.self, section: "channel")
        let probabilities = try reader.readFloatColumn(section: "channel")
        var confusions: [Character: [Character: Float]] = [:]
        for (i, (intendedScalar, observedScalar)) in zip(intended, observed).enumerated() {
            guard let i2 = Unicode.Scalar(intendedScalar), let o = Unicode.Scalar(observedScalar),
                  i < probabilities.count else { throw .truncated(path: "model", section: "channel") }
            confusions[Character(i2), default: [:]][Character(o)] = probabilities[i]
        }
        let observedTokens = try reader.readStrings(section: "token confusions")
        let intendedTokens = try reader.readStrings(section: "token confusions")
        let tokenLogProbabilities = try reader.readFloatColumn(section: "token confusions")
        guard observedTokens.count == intendedTokens.count, intendedTokens.count == tokenLogProbabilities.count else {
            throw .truncated(path: "model", section: "token confusions")
        }
        var tokens: [String: [(intended: String, logProbability: Float)]] = [:]
        for index in observedTokens.indices {
            tokens[observedTokens[index], default: []].append((intendedTokens[index], tokenLogProbabilities[index]))
        }
        self.init(characterConfusions: confusions, tokenConfusions: tokens)
    }

    /// Written sorted, so the same confusions always give the same bytes.
    func write(to writer: inout BinaryWriter) {
        let pairs = characterConfusions.flatMap { intended, row in row.map { (intended, $0.key, $0.value) } }
            .sorted { ($0.0.unicodeScalars.first!.value, $0.1.unicodeScalars.first!.value)
                < ($1.0.unicodeScalars.first!.value, $1.1.unicodeScalars.first!.value) }
        writer.append(column: pairs.map { $0.0.unicodeScalars.first!.value })
        writer.append(column: pairs.map { $0.1.unicodeScalars.first!.value })
        writer.append(column: pairs.map(\.2))
        let tokens = tokenConfusions.flatMap { observed, row in row.map { (observed, $0.intended, $0.logProbability) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        writer.append(strings: tokens.map(\.0))
        writer.append(strings: tokens.map(\.1))
        writer.append(column: tokens.map(\.2))
    }
}
