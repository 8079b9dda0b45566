import Foundation

/// A word the restorer changed, with how sure it was.
public struct RestoredToken: Sendable, Equatable {
    public var original: String
    public var restored: String
    /// The model's probability (0...1) that `restored` is right, given its neighbours.
    public var confidence: Double
}

/// One line after restoration.
struct RestoredLine: Equatable {
    var text: String
    /// The changed words, in order.
    var tokens: [RestoredToken]
}

/// Restores lost diacritics and repairs OCR confusions with the syllable language model and its
/// noisy channel: candidates per word, trigram Viterbi search over them with a beam.
public struct DiacriticRestorer: Sendable {
    public let model: SyllableLanguageModel
    /// States (previous word, current word) kept per position.
    public var beamWidth: Int
    /// Candidates kept per word, best channel score plus corpus frequency first.
    public var candidateLimit: Int

    /// The model's words with their tone mark where `toneMarks` puts it (the corpus spells both
    /// "hòa" and "hoà"), worked out once.
    private let placedSpellings: [String]

    public init(model: SyllableLanguageModel, toneMarks: NormalizerConfiguration.ToneMarkStyle = .old,
                beamWidth: Int = 8, candidateLimit: Int = 10) {
        self.model = model
        self.placedSpellings = model.vocabulary.map { VietnameseSyllable.placingTone($0, style: toneMarks) }
        self.beamWidth = beamWidth
        self.candidateLimit = candidateLimit
    }

    // MARK: Degradation

    /// The share of the line's syllables that look damaged: unknown spellings of known syllables
    /// ("kiém"), known OCR errors ("dugc"), and bare spellings whose marked forms are far more
    /// frequent ("hanh" beside "hành"). Words the model cannot judge (names, abbreviations,
    /// foreign words) do not count.
    public func degradation(of line: Substring) -> Double {
        degradation(of: analyses(of: RestorableToken.tokens(of: line)))
    }

    private func degradation(of analyses: [WordAnalysis?]) -> Double {
        var judged = 0, damaged = 0, letters = 0
        var bareExcesses: [Float] = []
        for case let analysis? in analyses {
            switch analysis.judgement {
            case .damaged:
                damaged += 1
            case .known(let bareExcess):
                bareExcesses.append(bareExcess)
            case .unjudged:
                continue
            }
            judged += 1
            if analysis.isLetter { letters += 1 }
        }
        // Lone letters alone label list items; they never make a run damaged by themselves.
        guard judged > letters else { return 0 }
        // Vietnamese written with its marks almost never runs syllables without one, so in a
        // run with no mark at all any bare spelling less frequent than a marked form is suspect.
        let margin = analyses.contains { $0?.hasMarks == true } ? Self.bareSpellingMargin : 0
        let suspect = damaged + bareExcesses.filter { $0 > margin }.count
        return Double(suspect) / Double(judged)
    }

    /// A bare spelling is suspect when a marked form is this much (log10) more frequent: "hanh"
    /// is rarely right where "hành" is far more common, but "cho" is a word of its own.
    static let bareSpellingMargin: Float = 0.7

    /// What the restorer needs to know of one spelling, worked out once: the same words come
    /// back line after line.
    private struct WordAnalysis {
        enum Judgement {
            /// A name, an abbreviation, a foreign word: the model cannot tell if it is damaged.
            case unjudged
            /// No syllable is spelled so, but one folds to it or OCR is known to misread one so.
            case damaged
            /// A known syllable; `bareExcess` is how much (log10) more frequent its most frequent
            /// marked form is, when it has no marks itself (else -∞).
            case known(bareExcess: Float)
        }

        var lowercased: String
        var hasMarks: Bool
        /// One letter: a word ("ở" stripped to "o") or a list label ("o)") alike.
        var isLetter: Bool
        var casing: Casing
        var judgement: Judgement

        var hasVowel: Bool

        /// All capitals ("KIEM SOAT" or "TP", "II"), one letter (a list label "d)") or a
        /// capitalised word without a vowel ("Stt", "Tp"): only exact syllables are restored
        /// in them, never OCR repairs that would turn "II" into "ỦI" or "Stt" into "Sút"
        /// (a lowercase "tdm" is OCR's "tâm").
        var isAbbreviation: Bool { isLetter || casing == .upper || (casing == .capitalized && !hasVowel) }
    }

    private func analysis(of word: String) -> WordAnalysis {
        analysisCache.value(for: word) {
            let lower = word.lowercased()
            let hasMarks = lower.hasVietnameseMarks
            let forms = model.syllablesByFold[lower.vietnameseFolded]
            var judgement = WordAnalysis.Judgement.unjudged
            if let id = model.ids[lower], let forms, forms.contains(id) {
                let frequency = model.unigramFrequency
                let best = forms.lazy.map { frequency[Int($0)] }.max() ?? -.infinity
                judgement = .known(bareExcess: hasMarks ? -.infinity : best - frequency[Int(id)])
            } else if forms != nil || model.channel.tokenConfusions[lower] != nil {
                judgement = .damaged
            }
            return WordAnalysis(lowercased: lower, hasMarks: hasMarks, isLetter: lower.unicodeScalars.count == 1,
                                casing: Casing(of: word), judgement: judgement,
                                hasVowel: lower.contains(where: VietnameseAlphabet.isVowel))
        }
    }

    private func analyses(of tokens: [RestorableToken]) -> [WordAnalysis?] {
        tokens.map { token in
            if case .word(let word) = token.kind { analysis(of: word) } else { nil }
        }
    }

    // MARK: Restoration

    /// Restores the lines of `text` whose degradation reaches `threshold`; others pass unchanged.
    /// With no threshold every line is restored: OCR misreads one real word as another
    /// ("kiếm soát" for "kiểm soát"), which no degradation score sees.
    public func restore(text: String, threshold: Double?) -> (text: String, tokens: [RestoredToken]) {
        var restoredTokens: [RestoredToken] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let tokens = RestorableToken.tokens(of: line)
            let analyses = analyses(of: tokens)
            if let threshold {
                let degradation = degradation(of: analyses)
                guard degradation >= threshold, degradation > 0 else { return String(line) }
            }
            let restored = restore(tokens, analyses: analyses)
            restoredTokens += restored.tokens
            return restored.text
        }
        return (lines.joined(separator: "\n"), restoredTokens)
    }

    private let analysisCache = SharedCache<WordAnalysis>()
    /// Candidates per observed word, one cache per regime.
    private let unmarkedCandidateCache = SharedCache<[Candidate]>()
    private let markedCandidateCache = SharedCache<[Candidate]>()

    private func restore(_ tokens: [RestorableToken], analyses: [WordAnalysis?]) -> RestoredLine {
        let regime: NoisyChannel.Regime = analyses.contains { $0?.hasMarks == true } ? .marked : .unmarked
        let candidateCache = regime.kept == 0 ? unmarkedCandidateCache : markedCandidateCache
        var positions: [Position] = []
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .word(let word):
                let analysis = analyses[index]!
                let lower = analysis.lowercased
                let candidates = candidateCache.value(for: word) {
                    self.candidates(for: lower, regime: regime, repairsOCR: !analysis.isAbbreviation)
                }
                if candidates.isEmpty || analysis.casing == .mixed {
                    positions.append(Position(token: nil, candidates: [Candidate(id: model.id(of: lower), channel: 0)]))
                } else {
                    positions.append(Position(token: index, candidates: candidates))
                }
            case .fixed(let modelToken):
                positions.append(Position(token: nil, candidates: [Candidate(id: model.id(of: modelToken), channel: 0)]))
            case .ignored:
                continue
            }
        }
        let path = decode(positions)
        var output = tokens.map { String($0.text) }
        var restored: [RestoredToken] = []
        for (p, position) in positions.enumerated() {
            guard let tokenIndex = position.token, let casing = analyses[tokenIndex]?.casing else { continue }
            let chosen = position.candidates[path[p]]
            let cased = casing.applied(to: placedSpellings[Int(chosen.id)])
            guard cased != String(tokens[tokenIndex].text) else { continue }
            output[tokenIndex] = cased
            restored.append(RestoredToken(original: String(tokens[tokenIndex].text), restored: cased,
                                          confidence: confidence(at: p, positions: positions, path: path)))
        }
        return RestoredLine(text: output.joined(), tokens: restored)
    }

    /// How a word is written in capitals; the restored spelling takes it over.
    enum Casing: Equatable {
        case lower, capitalized
        /// Two letters or more, all capitals: "KIEM", "TP".
        case upper
        /// Capitals inside ("iPhone", "TTHCcông"): names or codes, never restored.
        case mixed

        init(of word: String) {
            if word.allSatisfy(\.isUppercase) {
                self = word.count > 1 ? .upper : .capitalized
            } else if word.dropFirst().allSatisfy(\.isLowercase) {
                self = word.first?.isUppercase == true ? .capitalized : .lower
            } else {
                self = .mixed
            }
        }

        func applied(to spelling: String) -> String {
            switch self {
            case .upper: spelling.uppercased()
            case .capitalized: spelling.prefix(1).uppercased() + spelling.dropFirst()
            case .lower, .mixed: spelling
            }
        }
    }

    // MARK: Candidates

    struct Candidate: Equatable {
        var id: Int32
        /// log10 P(observed | this candidate).
        var channel: Float
    }

    private struct Position {
        /// Index of the restorable token in the line, nil for fixed tokens.
        var token: Int?
        var candidates: [Candidate]
    }

    /// Every syllable the observed (lowercase) word could stand for, with its channel score.
    func candidates(for observed: String, regime: NoisyChannel.Regime, repairsOCR: Bool) -> [Candidate] {
        let scalars = Array(observed.unicodeScalars)
        let fold = observed.vietnameseFolded
        var scores: [Int32: Float] = [:]
        func consider(fold: String) {
            for id in model.syllablesByFold[fold] ?? [] where scores[id] == nil {
                scores[id] = model.channel.logProbability(observed: scalars, intended: model.spellings[Int(id)], regime: regime)
            }
        }
        consider(fold: fold)
        if repairsOCR {
            let isKnown = model.ids[observed].map { scores[$0] != nil } ?? false
            // OCR may have read another letter: try the learned substitutions, one or two at a time.
            if scores.isEmpty || (observed.hasVietnameseMarks && !isKnown) {
                let folded = Array(fold)
                for i in folded.indices {
                    for a in model.channel.foldedAlternatives(of: folded[i]) {
                        var variant = folded
                        variant[i] = a
                        consider(fold: String(variant))
                        for j in folded.indices where j > i {
                            for b in model.channel.foldedAlternatives(of: folded[j]) {
                                var second = variant
                                second[j] = b
                                consider(fold: String(second))
                            }
                        }
                    }
                }
            }
            for (intended, logProbability) in model.channel.tokenConfusions[observed] ?? [] {
                guard let id = model.ids[intended] else { continue }
                scores[id] = max(scores[id] ?? -.infinity, logProbability)
            }
        }
        let ranked = scores.map { Candidate(id: $0.key, channel: $0.value) }.sorted {
            let left = $0.channel + model.unigramFrequency[Int($0.id)], right = $1.channel + model.unigramFrequency[Int($1.id)]
            return (left, $1.id) > (right, $0.id)
        }
        return Array(ranked.prefix(candidateLimit))
    }

    // MARK: Decoding

    private struct State {
        var previous: Int32, current: Int32
        /// (previous, current) as the context of the next word, found with P(current | previous).
        var context: SyllableLanguageModel.Context
        var score: Float
        /// Index of the state this one came from, in the previous column.
        var back: Int32
        var choice: Int16
    }

    /// The best states of one position, best first: a short sorted list that a new state enters
    /// only when it beats the worst, cheaper than sorting every expansion.
    private struct BestStates {
        let capacity: Int
        private(set) var states: [State] = []

        init(capacity: Int) {
            self.capacity = max(capacity, 1)
            states.reserveCapacity(self.capacity + 1)
        }

        mutating func insert(_ state: State) {
            if states.count == capacity, let worst = states.last, !Self.ranks(state, before: worst) { return }
            var index = states.count
            while index > 0, Self.ranks(state, before: states[index - 1]) { index -= 1 }
            states.insert(state, at: index)
            if states.count > capacity { states.removeLast() }
        }

        /// Higher score first; ties by words, so the same input always keeps the same states.
        private static func ranks(_ a: State, before b: State) -> Bool {
            (a.score, b.current, b.previous) > (b.score, a.current, a.previous)
        }
    }

    /// log10 distance from the best state beyond which states are dropped.
    static let beamMargin: Float = 4

    /// The best candidate index per position: trigram Viterbi over (previous, current) states,
    /// keeping the `beamWidth` best per position. States are grouped by their current word so
    /// the bigram part of the back-off is looked up once per group and candidate; that lookup
    /// also finds the trigram context the new state will need.
    private func decode(_ positions: [Position]) -> [Int] {
        var columns: [[State]] = []
        columns.reserveCapacity(positions.count)
        let start = model.sentenceStart
        var beam = [State(previous: start, current: start, context: model.context(start, start), score: 0, back: -1, choice: 0)]
        for position in positions {
            var best = BestStates(capacity: beamWidth)
            var groupStart = 0
            while groupStart < beam.count {
                let current = beam[groupStart].current
                var groupEnd = groupStart + 1
                while groupEnd < beam.count, beam[groupEnd].current == current { groupEnd += 1 }
                for choice in position.candidates.indices {
                    let candidate = position.candidates[choice]
                    let (lower, context) = model.bigram(current, candidate.id)
                    var score = -Float.infinity, from = groupStart
                    for k in groupStart..<groupEnd {
                        let extended = beam[k].score + model.logProbability(after: beam[k].context, candidate.id, lower: lower)
                        if extended > score { score = extended; from = k }
                    }
                    best.insert(State(previous: current, current: candidate.id, context: context, score: score + candidate.channel,
                                      back: Int32(from), choice: Int16(choice)))
                }
                groupStart = groupEnd
            }
            // States ten thousand times less likely than the best practically never win.
            var next = best.states
            let floor = next[0].score - Self.beamMargin
            next.removeLast(next.count - (next.firstIndex { $0.score < floor } ?? next.count))
            // Grouped by current word for the next position, best first inside a group.
            next.sort { ($0.current, $1.score) < ($1.current, $0.score) }
            columns.append(next)
            beam = next
        }
        guard !columns.isEmpty else { return [] }
        var best = 0
        var bestScore = -Float.infinity
        for (index, state) in beam.enumerated() {
            let score = state.score + model.logProbability(state.previous, state.current, model.sentenceEnd)
            if score > bestScore { bestScore = score; best = index }
        }
        var path = [Int](repeating: 0, count: columns.count)
        var index = best
        for column in stride(from: columns.count - 1, through: 0, by: -1) {
            let state = columns[column][index]
            path[column] = Int(state.choice)
            index = Int(state.back)
        }
        return path
    }

    /// P(chosen | the chosen neighbours on both sides), normalised over the position's candidates.
    private func confidence(at p: Int, positions: [Position], path: [Int]) -> Double {
        func word(_ q: Int) -> Int32 {
            if q < 0 { return model.sentenceStart }
            if q >= positions.count { return model.sentenceEnd }
            return positions[q].candidates[path[q]].id
        }
        let candidates = positions[p].candidates
        guard candidates.count > 1 else { return 1 }
        // The parts that do not depend on the candidate are looked up once, and each bigram
        // around the candidate serves both as a probability and as a trigram context.
        let before = model.context(word(p - 2), word(p - 1))
        let last = p + 1 < positions.count ? model.logProbability(word(p + 1), word(p + 2)) : 0
        let scores = candidates.map { candidate -> Double in
            let w = candidate.id
            let (left, leftContext) = model.bigram(word(p - 1), w)
            let (right, rightContext) = model.bigram(w, word(p + 1))
            var score = candidate.channel + model.logProbability(after: before, w, lower: left)
            score += model.logProbability(after: leftContext, word(p + 1), lower: right)
            if p + 1 < positions.count {
                score += model.logProbability(after: rightContext, word(p + 2), lower: last)
            }
            return Double(score)
        }
        let top = scores.max()!
        let weights = scores.map { pow10($0 - top) }
        return weights[path[p]] / weights.reduce(0, +)
    }
}

/// A dictionary shared by every call on a restorer, safe across threads.
private final class SharedCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(for key: String, make: () -> Value) -> Value {
        if let cached = lock.withLock({ values[key] }) { return cached }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }
}

private func pow10(_ x: Double) -> Double {
    exp(x * 2.302_585_092_994_046)
}

/// A token of a line as the restorer sees it: a word to decode, a token the model reads but
/// never changes, or something it ignores (spaces, table pipes).
struct RestorableToken {
    enum Kind {
        case word(String)
        case fixed(String)
        case ignored
    }

    var text: Substring
    var kind: Kind

    /// Characters OCR puts for letters, and the (folded) letters they may stand for: "ø" in
    /// "Thøng", "6" in "B6" for "Bổ", "@" in "ngu@i". Only taken as letters inside a word.
    static let lookAlikes: [Character: Character] = ["ø": "o", "¢": "e", "@": "o", "0": "o", "6": "o", "3": "a"]

    static func tokens(of line: Substring) -> [RestorableToken] {
        var result: [RestorableToken] = []
        for token in TextToken.tokens(of: line) {
            switch token.kind {
            case .word:
                result.append(RestorableToken(text: token.text, kind: .word(String(token.text))))
            case .code:
                if let word = wordWithLookAlike(token.text) {
                    result.append(RestorableToken(text: token.text, kind: .word(word)))
                } else {
                    result.append(RestorableToken(text: token.text, kind: .fixed(LanguageModelVocabulary.number)))
                }
            case .symbol, .space:
                result.append(RestorableToken(text: token.text, kind: token.modelToken.map(Kind.fixed) ?? .ignored))
            }
        }
        return mergingLookAlikeSymbols(result)
    }

    /// "B6" → "Bo": a short chunk of letters with one look-alike digit that reads as a syllable.
    private static func wordWithLookAlike(_ chunk: Substring) -> String? {
        let lookAlikeCount = chunk.filter { lookAlikes[$0] != nil }.count
        guard lookAlikeCount == 1, chunk.count >= 2,
              chunk.allSatisfy({ $0.isLetter || lookAlikes[$0] != nil }) else { return nil }
        let word = String(chunk.map { lookAlikes[$0] ?? $0 })
        return VietnameseSyllable.isPossibleSyllable(word) ? word : nil
    }

    /// "ngu", "@", "i" → one word "ngu@i" read as "nguoi" when the letters around a look-alike
    /// symbol make a syllable together.
    private static func mergingLookAlikeSymbols(_ tokens: [RestorableToken]) -> [RestorableToken] {
        var result: [RestorableToken] = []
        var index = 0
        while index < tokens.count {
            if index + 2 < tokens.count, case .word(let left) = tokens[index].kind,
               let symbol = tokens[index + 1].text.first, tokens[index + 1].text.count == 1,
               let letter = lookAlikes[symbol], case .word(let right) = tokens[index + 2].kind,
               VietnameseSyllable.isPossibleSyllable(left + String(letter) + right) {
                let start = tokens[index].text.startIndex, end = tokens[index + 2].text.endIndex
                let text = tokens[index].text.base[start..<end]
                result.append(RestorableToken(text: text, kind: .word(left + String(letter) + right)))
                index += 3
            } else {
                result.append(tokens[index])
                index += 1
            }
        }
        return result
    }
}
