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

/// A trigram model of Vietnamese syllables in back-off form (interpolated Kneser-Ney,
/// pruned and renormalised; see `LanguageModelTrainer`), plus the OCR noisy channel learned
/// with it. Probabilities are log10.
public final class SyllableLanguageModel: Sendable {
    /// File name of the model bundled with the module.
    public static let resourceName = "syllable-lm"
    static let magic: UInt64 = 0x3230_4D4C_4E56_4E56 // "VNVNLM02"

    let vocabulary: [String]
    let ids: [String: Int32]
    let unigramLogProb: [Float]
    let unigramBackoff: [Float]
    /// log10 relative frequency of each word in the (weighted) training text; the degradation
    /// detector compares spellings by it (Kneser-Ney unigrams measure contexts, not frequency).
    let unigramFrequency: [Float]
    /// Each word as Unicode scalars, for the noisy channel's inner loop.
    let spellings: [[Unicode.Scalar]]
    private let bigrams: NGramTable
    private let trigrams: NGramTable
    let quantization: Quantization
    let channel: NoisyChannel
    /// Every known syllable under its folded spelling: "duoc" → [được, dược, …].
    let syllablesByFold: [String: [Int32]]

    let sentenceStart: Int32, sentenceEnd: Int32, number: Int32, unknown: Int32

    struct Quantization: Sendable, Equatable {
        var probabilityFloor: Float, probabilityStep: Float
        var backoffFloor: Float, backoffStep: Float

        func probability(_ code: UInt16) -> Float { probabilityFloor + Float(code & 0xFF) * probabilityStep }
        func backoff(_ code: UInt16) -> Float { backoffFloor + Float(code >> 8) * backoffStep }
    }

    /// The bigram and trigram entries as the trainer produced them, before they are indexed.
    struct NGrams {
        var bigramFirst: [UInt16], bigramSecond: [UInt16], bigramCodes: [UInt16]
        var trigramFirst: [UInt16], trigramSecond: [UInt16], trigramThird: [UInt16], trigramCodes: [UInt8]
    }

    init(vocabulary: [String], unigramLogProb: [Float], unigramBackoff: [Float], unigramFrequency: [Float],
         ngrams: NGrams, quantization: Quantization, channel: NoisyChannel) {
        self.vocabulary = vocabulary
        self.unigramFrequency = unigramFrequency
        self.spellings = vocabulary.map { Array($0.unicodeScalars) }
        self.ids = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        self.unigramLogProb = unigramLogProb
        self.unigramBackoff = unigramBackoff
        self.quantization = quantization
        self.channel = channel
        self.bigrams = NGramTable(count: ngrams.bigramCodes.count) { index in
            (UInt64(ngrams.bigramFirst[index]) << 16 | UInt64(ngrams.bigramSecond[index]), ngrams.bigramCodes[index])
        }
        self.trigrams = NGramTable(count: ngrams.trigramCodes.count) { index in
            (UInt64(ngrams.trigramFirst[index]) << 32 | UInt64(ngrams.trigramSecond[index]) << 16
                | UInt64(ngrams.trigramThird[index]), UInt16(ngrams.trigramCodes[index]))
        }
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
        let trigramKey = UInt64(first) << 32 | UInt64(second) << 16 | UInt64(third)
        if let code = trigrams[trigramKey] { return quantization.probability(code) }
        return contextBackoff(first, second) + logProbability(second, third)
    }

    /// log10 P(third | first second) when the caller already knows the back-off parts, which
    /// stay the same across the candidates a decoder tries: `lower` = log10 P(third | second)
    /// and `contextBackoff` = `contextBackoff(first, second)`.
    func logProbability(_ first: Int32, _ second: Int32, _ third: Int32, lower: Float, contextBackoff: Float) -> Float {
        let trigramKey = UInt64(first) << 32 | UInt64(second) << 16 | UInt64(third)
        if let code = trigrams[trigramKey] { return quantization.probability(code) }
        return contextBackoff + lower
    }

    /// log10 α(first second), the weight of the bigram estimate after an unseen trigram.
    func contextBackoff(_ first: Int32, _ second: Int32) -> Float {
        bigrams[UInt64(first) << 16 | UInt64(second)].map(quantization.backoff) ?? 0
    }

    /// log10 P(second | first).
    func logProbability(_ first: Int32, _ second: Int32) -> Float {
        if let code = bigrams[UInt64(first) << 16 | UInt64(second)] { return quantization.probability(code) }
        return unigramBackoff[Int(first)] + unigramLogProb[Int(second)]
    }

    /// The id of a model token ("được", ",", "<num>"), `unknown` when the model never saw it.
    func id(of token: String) -> Int32 {
        ids[token] ?? unknown
    }

    public var vocabularySize: Int { vocabulary.count }
    public var bigramCount: Int { bigrams.count }
    public var trigramCount: Int { trigrams.count }
}

/// An open-addressing hash index from packed n-gram keys (at most 48 bits) to 16-bit codes,
/// built at load time so a lookup costs one probe, usually one cache line: key and code share
/// a slot (key << 16 | code).
struct NGramTable: Sendable {
    private static let empty = UInt64.max
    private let slots: [UInt64]
    private let mask: Int
    let count: Int

    init(count: Int, entry: (Int) -> (key: UInt64, code: UInt16)) {
        var capacity = 16
        while capacity * 2 < count * 3 { capacity <<= 1 }
        var slots = [UInt64](repeating: Self.empty, count: capacity)
        let mask = capacity - 1
        for index in 0..<count {
            let (key, code) = entry(index)
            var slot = Self.slot(of: key, mask: mask)
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = key << 16 | UInt64(code)
        }
        self.slots = slots
        self.mask = mask
        self.count = count
    }

    subscript(key: UInt64) -> UInt16? {
        var slot = Self.slot(of: key, mask: mask)
        while true {
            let stored = slots[slot]
            if stored == Self.empty { return nil }
            if stored >> 16 == key { return UInt16(truncatingIfNeeded: stored) }
            slot = (slot + 1) & mask
        }
    }

    private static func slot(of key: UInt64, mask: Int) -> Int {
        // Fibonacci hashing spreads the packed ids, whose low bits alone cluster badly.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }
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
        let ngrams = NGrams(
            bigramFirst: try reader.readColumn(UInt16.self, section: "bigrams"),
            bigramSecond: try reader.readColumn(UInt16.self, section: "bigrams"),
            bigramCodes: try reader.readColumn(UInt16.self, section: "bigrams"),
            trigramFirst: try reader.readColumn(UInt16.self, section: "trigrams"),
            trigramSecond: try reader.readColumn(UInt16.self, section: "trigrams"),
            trigramThird: try reader.readColumn(UInt16.self, section: "trigrams"),
            trigramCodes: try reader.readColumn(UInt8.self, section: "trigrams"))
        let channel = try NoisyChannel(reading: &reader)
        let columns = [unigramLogProb.count, unigramBackoff.count, unigramFrequency.count]
        let bigramColumns = [ngrams.bigramFirst.count, ngrams.bigramSecond.count, ngrams.bigramCodes.count]
        let trigramColumns = [ngrams.trigramFirst.count, ngrams.trigramSecond.count,
                              ngrams.trigramThird.count, ngrams.trigramCodes.count]
        guard columns.allSatisfy({ $0 == vocabulary.count }) else { throw .truncated(path: path, section: "unigrams") }
        guard Set(bigramColumns).count == 1 else { throw .truncated(path: path, section: "bigrams") }
        guard Set(trigramColumns).count == 1 else { throw .truncated(path: path, section: "trigrams") }
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
        writer.append(column: ngrams.bigramFirst)
        writer.append(column: ngrams.bigramSecond)
        writer.append(column: ngrams.bigramCodes)
        writer.append(column: ngrams.trigramFirst)
        writer.append(column: ngrams.trigramSecond)
        writer.append(column: ngrams.trigramThird)
        writer.append(column: ngrams.trigramCodes)
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
