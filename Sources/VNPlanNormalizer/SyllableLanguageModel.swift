import Foundation

/// The special tokens of the model's vocabulary.
enum LanguageModelVocabulary {
    static let sentenceStart = "<s>"
    static let sentenceEnd = "</s>"
    static let number = "<num>"
    static let unknown = "<unk>"
    static let specials = [sentenceStart, sentenceEnd, number, unknown]
    /// Punctuation the model keeps as tokens, because it ends or opens a phrase.
    static let punctuation: Set<Substring> = [".", ",", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "-", "–", "/"]
}

/// A trigram model of Vietnamese syllables in back-off form (interpolated Kneser-Ney, pruned
/// and renormalised; see `KneserNeyEstimate`), plus the OCR noisy channel learned with it.
/// Probabilities are log10. A 4-gram model was measured too: +0.12 points of accuracy on
/// stripped text for half the speed and 1.7× the load time, so it was not kept.
public final class SyllableLanguageModel: Sendable {
    /// File name of the model bundled with the module.
    public static let resourceName = "syllable-lm"
    static let magic: UInt64 = 0x3330_4D4C_4E56_4E56 // "VNVNLM03"

    let vocabulary: [String]
    let ids: [String: Int32]
    let unigramLogProb: [Float]
    let unigramBackoff: [Float]
    /// log10 relative frequency of each word in the (weighted) training text; the degradation
    /// detector compares spellings by it (Kneser-Ney unigrams measure contexts, not frequency).
    let unigramFrequency: [Float]
    /// Each word as Unicode scalars, for the noisy channel's inner loop.
    let spellings: [[Unicode.Scalar]]
    private let ngrams: NGramTrie
    let quantization: Quantization
    let channel: NoisyChannel
    /// Every known syllable under its folded spelling: "duoc" → [được, dược, …].
    let syllablesByFold: [String: [Int32]]

    let sentenceStart: Int32, sentenceEnd: Int32, number: Int32, unknown: Int32

    /// Probabilities and back-off weights stored in 8 bits each, on a linear log10 scale.
    struct Quantization: Sendable, Equatable {
        var probabilityFloor: Float, probabilityStep: Float
        var backoffFloor: Float, backoffStep: Float

        func probability(_ code: UInt16) -> Float { probabilityFloor + Float(code & 0xFF) * probabilityStep }
        func backoff(_ code: UInt16) -> Float { backoffFloor + Float(code >> 8) * backoffStep }

        func code(probability: Float) -> UInt16 { Self.code(probability, floor: probabilityFloor, step: probabilityStep) }
        func code(backoff: Float) -> UInt16 { Self.code(backoff, floor: backoffFloor, step: backoffStep) }

        private static func code(_ value: Float, floor: Float, step: Float) -> UInt16 {
            UInt16(min(max(((value - floor) / step).rounded(), 0), 255))
        }
    }

    /// The n-grams of each order from bigrams up, as the trainer hands them to the file: packed
    /// keys (16 bits per word, oldest highest), sorted, and codes (back-off << 8 | probability).
    struct NGrams {
        var keys: [[UInt64]]
        var codes: [[UInt16]]
    }

    init(vocabulary: [String], unigramLogProb: [Float], unigramBackoff: [Float], unigramFrequency: [Float],
         ngrams: NGramTrie, quantization: Quantization, channel: NoisyChannel) {
        self.vocabulary = vocabulary
        self.unigramFrequency = unigramFrequency
        self.spellings = vocabulary.map { Array($0.unicodeScalars) }
        self.ids = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        self.unigramLogProb = unigramLogProb
        self.unigramBackoff = unigramBackoff
        self.quantization = quantization
        self.channel = channel
        self.ngrams = ngrams
        var byFold: [String: [Int32]] = [:]
        for (id, word) in vocabulary.enumerated() where VietnameseSyllable.isWellFormed(word) {
            byFold[word.vietnameseFolded, default: []].append(Int32(id))
        }
        self.syllablesByFold = byFold
        func id(_ token: String) -> Int32 { Int32(vocabulary.firstIndex(of: token) ?? 0) }
        sentenceStart = id(LanguageModelVocabulary.sentenceStart)
        sentenceEnd = id(LanguageModelVocabulary.sentenceEnd)
        number = id(LanguageModelVocabulary.number)
        unknown = id(LanguageModelVocabulary.unknown)
    }

    /// log10 P(third | first second), backing off to bigram and unigram estimates.
    func logProbability(_ first: Int32, _ second: Int32, _ third: Int32) -> Float {
        logProbability(after: context(first, second), third)
    }

    /// log10 P(word | context); the bigram estimate is looked up only when the trigram is missing.
    func logProbability(after context: Context, _ word: Int32) -> Float {
        trigramProbability(after: context, word) ?? context.backoff + logProbability(context.second, word)
    }

    /// Two words as the context of a trigram, looked up once for all the words a decoder tries
    /// after them.
    struct Context {
        fileprivate var trie: NGramTrie.Context
        fileprivate var second: Int32
        /// log10 α(first second), the weight of the bigram estimate after an unseen trigram.
        var backoff: Float
    }

    func context(_ first: Int32, _ second: Int32) -> Context {
        bigram(first, second).context
    }

    /// The bigram (first, second) both ways at once: log10 P(second | first), and the pair as
    /// the context of the trigrams after it.
    func bigram(_ first: Int32, _ second: Int32) -> (logProbability: Float, context: Context) {
        let found = ngrams.context(first, second)
        let context = Context(trie: found, second: second, backoff: found.code.map(quantization.backoff) ?? 0)
        let probability = found.code.map(quantization.probability) ?? unigramBackoff[Int(first)] + unigramLogProb[Int(second)]
        return (probability, context)
    }

    /// log10 P(word | context) when the caller already knows `lower` = log10 P(word | the
    /// context's second word), which stays the same across the contexts a decoder tries.
    func logProbability(after context: Context, _ word: Int32, lower: Float) -> Float {
        trigramProbability(after: context, word) ?? context.backoff + lower
    }

    private func trigramProbability(after context: Context, _ word: Int32) -> Float? {
        ngrams.trigramCode(after: context.trie, word).map { quantization.probability(UInt16($0)) }
    }

    /// log10 P(second | first).
    func logProbability(_ first: Int32, _ second: Int32) -> Float {
        bigram(first, second).logProbability
    }

    /// The id of a model token ("được", ",", "<num>"), `unknown` when the model never saw it.
    func id(of token: String) -> Int32 {
        ids[token] ?? unknown
    }

    public var vocabularySize: Int { vocabulary.count }
    /// How many n-grams the model holds, bigrams first.
    public var ngramCounts: [Int] { [ngrams.bigramCount, ngrams.trigramCount] }
}

// MARK: - Reading and writing

extension SyllableLanguageModel {
    /// The model bundled with the module (`Resources/syllable-lm.bin`), loaded once.
    public static func bundled() throws(LanguageModelError) -> SyllableLanguageModel {
        try BundledModel.shared.get()
    }

    public convenience init(contentsOf url: URL) throws(LanguageModelError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(bytes: [UInt8](data), path: url.path)
    }

    convenience init(bytes: [UInt8], path: String) throws(LanguageModelError) {
        var reader = BinaryReader(bytes: bytes, path: path)
        guard try reader.read(UInt64.self, section: "header") == Self.magic else { throw .notAModel(path: path) }
        let quantization = Quantization(
            probabilityFloor: try reader.readFloat(section: "header"),
            probabilityStep: try reader.readFloat(section: "header"),
            backoffFloor: try reader.readFloat(section: "header"),
            backoffStep: try reader.readFloat(section: "header"))
        let vocabulary = try reader.readStrings(section: "vocabulary")
        let unigramLogProb = try reader.readFloatColumn(section: "unigrams")
        let unigramBackoff = try reader.readFloatColumn(section: "unigrams")
        let unigramFrequency = try reader.readFloatColumn(section: "unigrams")
        // One column per word position, oldest first, then the codes; the highest order has
        // no back-off weights, so its codes take one byte.
        let bigramFirst = try reader.readColumn(UInt16.self, section: "bigrams")
        let bigramSecond = try reader.readColumn(UInt16.self, section: "bigrams")
        let bigramCodes = try reader.readColumn(UInt16.self, section: "bigrams")
        let trigramFirst = try reader.readColumn(UInt16.self, section: "trigrams")
        let trigramSecond = try reader.readColumn(UInt16.self, section: "trigrams")
        let trigramThird = try reader.readColumn(UInt16.self, section: "trigrams")
        let trigramCodes = try reader.readColumn(UInt8.self, section: "trigrams")
        guard Set([bigramFirst.count, bigramSecond.count, bigramCodes.count]).count == 1 else {
            throw .truncated(path: path, section: "bigrams")
        }
        guard Set([trigramFirst.count, trigramSecond.count, trigramThird.count, trigramCodes.count]).count == 1 else {
            throw .truncated(path: path, section: "trigrams")
        }
        let ngrams: NGramTrie
        do {
            ngrams = try NGramTrie(vocabularySize: vocabulary.count,
                                   bigrams: (bigramFirst, bigramSecond, bigramCodes),
                                   trigrams: (trigramFirst, trigramSecond, trigramThird, trigramCodes))
        } catch {
            throw .damaged(path: path, section: error.section)
        }
        let channel = try NoisyChannel(reading: &reader)
        let columns = [unigramLogProb.count, unigramBackoff.count, unigramFrequency.count]
        guard columns.allSatisfy({ $0 == vocabulary.count }) else { throw .truncated(path: path, section: "unigrams") }
        self.init(vocabulary: vocabulary, unigramLogProb: unigramLogProb, unigramBackoff: unigramBackoff,
                  unigramFrequency: unigramFrequency, ngrams: ngrams, quantization: quantization, channel: channel)
    }

    /// The model in its file form; the same model always gives the same bytes.
    static func serialize(vocabulary: [String], unigramLogProb: [Float], unigramBackoff: [Float],
                          unigramFrequency: [Float], ngrams: NGrams, quantization: Quantization,
                          channel: NoisyChannel) -> [UInt8] {
        var writer = BinaryWriter()
        writer.append(magic)
        writer.append(quantization.probabilityFloor)
        writer.append(quantization.probabilityStep)
        writer.append(quantization.backoffFloor)
        writer.append(quantization.backoffStep)
        writer.append(strings: vocabulary)
        writer.append(column: unigramLogProb)
        writer.append(column: unigramBackoff)
        writer.append(column: unigramFrequency)
        let bigrams = ngrams.keys[0], trigrams = ngrams.keys[1]
        writer.append(column: bigrams.map { UInt16(truncatingIfNeeded: $0 >> 16) })
        writer.append(column: bigrams.map { UInt16(truncatingIfNeeded: $0) })
        writer.append(column: ngrams.codes[0])
        writer.append(column: trigrams.map { UInt16(truncatingIfNeeded: $0 >> 32) })
        writer.append(column: trigrams.map { UInt16(truncatingIfNeeded: $0 >> 16) })
        writer.append(column: trigrams.map { UInt16(truncatingIfNeeded: $0) })
        writer.append(column: ngrams.codes[1].map { UInt8(truncatingIfNeeded: $0) })
        channel.write(to: &writer)
        return writer.bytes
    }
}

/// Loads the bundled model on first use and keeps it (or the error) for the process.
private final class BundledModel: Sendable {
    static let shared = BundledModel()
    private let result: Result<SyllableLanguageModel, LanguageModelError>

    private init() {
        let name = SyllableLanguageModel.resourceName
        guard let url = Bundle.module.url(forResource: name, withExtension: "bin") else {
            result = .failure(.missingResource(name + ".bin"))
            return
        }
        result = Result { () throws(LanguageModelError) in try SyllableLanguageModel(contentsOf: url) }
    }

    func get() throws(LanguageModelError) -> SyllableLanguageModel {
        try result.get()
    }
}
