/// The bigrams and trigrams in the layout the decoder reads them: each word's bigram
/// continuations side by side and sorted, and each bigram's trigram continuations likewise.
///
/// The decoder tries some ten candidates after the same context; here they are found by
/// binary search in one small contiguous range instead of one random probe each into a large
/// hash table, which made memory latency the cost of decoding.
struct NGramTrie: Sendable {
    /// The bigrams of word `w` are at `bigramStarts[w] ..< bigramStarts[w + 1]`.
    private let bigramStarts: [Int32]
    private let bigramWords: [UInt16]
    /// Back-off << 8 | probability; the back-off is that of the bigram as a trigram context.
    private let bigramCodes: [UInt16]
    /// The trigrams after bigram `b` are at `trigramStarts[b] ..< trigramStarts[b + 1]`.
    private let trigramStarts: [Int32]
    private let trigramWords: [UInt16]
    private let trigramCodes: [UInt8]

    /// A bigram seen as the context of trigrams: where its continuations are, and its code.
    struct Context {
        fileprivate var trigrams: Range<Int>
        var code: UInt16?
    }

    /// The n-grams of a damaged file: out of order, or naming words beyond the vocabulary.
    enum BuildError: Error, Equatable {
        case unsorted(order: Int), unknownWord(order: Int)

        var section: String {
            switch self {
            case .unsorted(let order), .unknownWord(let order): order == 2 ? "bigrams" : "trigrams"
            }
        }
    }

    /// Builds the trie from the file's columns, sorted by words (oldest first). Trigrams whose
    /// context is no bigram of the model cannot be reached and are left out.
    init(vocabularySize: Int, bigrams: (first: [UInt16], second: [UInt16], codes: [UInt16]),
         trigrams: (first: [UInt16], second: [UInt16], third: [UInt16], codes: [UInt8])) throws(BuildError) {
        var bigramStarts = [Int32](repeating: 0, count: vocabularySize + 1)
        var previous: (UInt16, UInt16)?
        for (first, second) in zip(bigrams.first, bigrams.second) {
            guard Int(first) < vocabularySize, Int(second) < vocabularySize else { throw .unknownWord(order: 2) }
            if let previous, previous >= (first, second) { throw .unsorted(order: 2) }
            previous = (first, second)
            bigramStarts[Int(first) + 1] += 1
        }
        for index in 0..<vocabularySize { bigramStarts[index + 1] += bigramStarts[index] }

        var trigramStarts = [Int32](repeating: 0, count: bigrams.first.count + 1)
        var trigramWords: [UInt16] = [], trigramCodes: [UInt8] = []
        trigramWords.reserveCapacity(trigrams.third.count)
        trigramCodes.reserveCapacity(trigrams.third.count)
        var bigram = 0
        var previousTrigram: (UInt16, UInt16, UInt16)?
        for index in trigrams.third.indices {
            let key = (trigrams.first[index], trigrams.second[index], trigrams.third[index])
            guard Int(key.2) < vocabularySize else { throw .unknownWord(order: 3) }
            if let previousTrigram, previousTrigram >= key { throw .unsorted(order: 3) }
            previousTrigram = key
            // Both lists are sorted, so the context bigram is found by walking forward.
            while bigram < bigrams.first.count, (bigrams.first[bigram], bigrams.second[bigram]) < (key.0, key.1) {
                bigram += 1
                trigramStarts[bigram] = Int32(trigramWords.count)
            }
            guard bigram < bigrams.first.count, (bigrams.first[bigram], bigrams.second[bigram]) == (key.0, key.1) else { continue }
            trigramWords.append(key.2)
            trigramCodes.append(trigrams.codes[index])
        }
        while bigram < bigrams.first.count {
            bigram += 1
            trigramStarts[bigram] = Int32(trigramWords.count)
        }
        self.bigramStarts = bigramStarts
        self.bigramWords = bigrams.second
        self.bigramCodes = bigrams.codes
        self.trigramStarts = trigramStarts
        self.trigramWords = trigramWords
        self.trigramCodes = trigramCodes
    }

    var bigramCount: Int { bigramWords.count }
    var trigramCount: Int { trigramWords.count }

    /// The bigram (first, second) as the context of the trigrams after it; its code (back-off
    /// and probability) is nil when the model does not hold it.
    func context(_ first: Int32, _ second: Int32) -> Context {
        guard let index = bigramIndex(first, second) else { return Context(trigrams: 0..<0, code: nil) }
        return Context(trigrams: Int(trigramStarts[index])..<Int(trigramStarts[index + 1]), code: bigramCodes[index])
    }

    /// The code of the trigram that continues `context` with `word`, if the model holds it.
    func trigramCode(after context: Context, _ word: Int32) -> UInt8? {
        Self.position(of: word, in: trigramWords, context.trigrams).map { trigramCodes[$0] }
    }

    private func bigramIndex(_ first: Int32, _ second: Int32) -> Int? {
        guard first >= 0, Int(first) + 1 < bigramStarts.count else { return nil }
        return Self.position(of: second, in: bigramWords, Int(bigramStarts[Int(first)])..<Int(bigramStarts[Int(first) + 1]))
    }

    /// Binary search without branches on the comparison (a conditional move instead), which
    /// the processor cannot predict; the range lies inside `words` by construction.
    private static func position(of word: Int32, in words: [UInt16], _ range: Range<Int>) -> Int? {
        guard let target = UInt16(exactly: word), !range.isEmpty else { return nil }
        return words.withUnsafeBufferPointer { words in
            var base = range.lowerBound, count = range.count
            while count > 1 {
                let half = count >> 1
                base = words[base + half] <= target ? base + half : base
                count -= half
            }
            return words[base] == target ? base : nil
        }
    }
}
