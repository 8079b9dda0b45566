import Foundation
import Testing
@testable import VNPlanNormalizer

/// The estimator, the n-gram index and the model file, on small hand-made counts.
@Suite struct LanguageModelTests {
    /// Word ids: 0 <s>, 1 </s>, then syllables.
    static let start: UInt64 = 0, end: UInt64 = 1
    static let (thu, tuc, hanh, chinh, cong) = (UInt64(4), UInt64(5), UInt64(6), UInt64(7), UInt64(8))

    static func trigram(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { a << 32 | b << 16 | c }

    /// Three short lines, as the trainer pads them: "<s> <s> … </s>".
    static func counts() -> NGramLevel {
        let lines: [[UInt64]] = [[thu, tuc, hanh, chinh], [thu, tuc, cong], [hanh, chinh, cong]]
        var occurrences: [(key: UInt64, weight: UInt32)] = []
        for line in lines {
            let padded = [start, start] + line + [end]
            for index in 2..<padded.count {
                occurrences.append((trigram(padded[index - 2], padded[index - 1], padded[index]), 1))
            }
        }
        return NGramLevel(order: 3, occurrences: occurrences)
    }

    @Test func probabilitiesAfterEachContextSumToOne() {
        let estimate = KneserNeyEstimate(highest: Self.counts(), vocabularySize: 9, sentenceStart: Self.start)
        // Interpolated Kneser-Ney is a distribution over the whole vocabulary for every context.
        for level in estimate.levels {
            level.forEachContext { context, _ in
                let total = (0..<9).reduce(0.0) { sum, word in
                    let key = context << 16 | UInt64(word)
                    let probability = level.index(of: key).map { pow(10, Double(level.logProb[$0])) }
                        ?? Self.unseenProbability(of: key, in: estimate, order: level.order)
                    return sum + probability
                }
                #expect(abs(total - 1) < 1e-4, "order \(level.order), context \(context): \(total)")
            }
        }
    }

    /// Unseen after the context: the discounted mass times the lower order, computed as the
    /// estimator does.
    private static func unseenProbability(of key: UInt64, in estimate: KneserNeyEstimate, order: Int) -> Double {
        let level = estimate.levels[order - 2]
        let context = key >> 16
        let members = level.keys.indices.filter { level.keys[$0] >> 16 == context }
        let total = members.reduce(0.0) { $0 + Double(level.counts[$1]) }
        let discount = Double(estimate.discounts[order - 2])
        let lower: Double
        if order == 2 {
            lower = pow(10, Double(estimate.unigramLogProb[Int(key & 0xFFFF)]))
        } else {
            let lowerKey = key & NGramLevel.mask(order: order - 1)
            let lowerLevel = estimate.levels[order - 3]
            lower = lowerLevel.index(of: lowerKey).map { pow(10, Double(lowerLevel.logProb[$0])) }
                ?? unseenProbability(of: lowerKey, in: estimate, order: order - 1)
        }
        return discount * Double(members.count) / total * lower
    }

    @Test func wordsAfterSentenceStartKeepTheirOccurrences() {
        let bigrams = Self.counts().suffixes(sentenceStart: Self.start)
        // "thủ" opens two lines: after <s> it counts 2, though only <s> ever precedes it.
        #expect(bigrams.index(of: Self.start << 16 | Self.thu).map { bigrams.counts[$0] } == 2)
        // "hành" follows "tục" and <s>: a continuation count of distinct predecessors.
        #expect(bigrams.index(of: Self.tuc << 16 | Self.hanh).map { bigrams.counts[$0] } == 1)
    }

    @Test func prunedModelKeepsWhatItCanReachAndRoundTrips() throws {
        let estimate = KneserNeyEstimate(highest: Self.counts(), vocabularySize: 9, sentenceStart: Self.start)
        let pruned = estimate.pruned(minimumCounts: [1, 1])
        // "<s> <s> w" has no bigram "<s> <s>" to hang from: the model could never read it.
        #expect(!pruned.keys[1].contains(Self.trigram(Self.start, Self.start, Self.thu)))
        #expect(pruned.keys[1].contains(Self.trigram(Self.thu, Self.tuc, Self.hanh)))

        let vocabulary = ["<s>", "</s>", "<num>", "<unk>", "thủ", "tục", "hành", "chính", "công"]
        let bytes = SyllableLanguageModel.serialize(
            vocabulary: vocabulary, unigramLogProb: estimate.unigramLogProb, unigramBackoff: pruned.unigramBackoff,
            unigramFrequency: [Float](repeating: -1, count: vocabulary.count),
            ngrams: .init(keys: pruned.keys, codes: pruned.codes), quantization: pruned.quantization,
            channel: NoisyChannel(characterConfusions: [:], tokenConfusions: [:]))
        let model = try SyllableLanguageModel(bytes: bytes, path: "small.bin")
        #expect(model.ngramCounts == pruned.keys.map(\.count))
        let (thu, tuc, hanh, cong) = (model.id(of: "thủ"), model.id(of: "tục"), model.id(of: "hành"), model.id(of: "công"))
        // Seen trigrams read back as stored; the unseen one backs off below them.
        #expect(model.logProbability(thu, tuc, hanh) > model.logProbability(thu, tuc, model.id(of: "chính")))
        #expect(model.logProbability(thu, tuc, cong) > -1)
        // Two lines open with "thủ", one with "hành": counted as occurrences, not as the one
        // predecessor (<s>) both have.
        #expect(model.logProbability(model.sentenceStart, thu) > model.logProbability(model.sentenceStart, hanh))
    }

    @Test func outOfOrderNGramsAreReportedAsDamage() {
        #expect(throws: NGramTrie.BuildError.unsorted(order: 2)) {
            try NGramTrie(vocabularySize: 4, bigrams: ([1, 1], [3, 2], [0, 0]), trigrams: ([], [], [], []))
        }
        #expect(throws: NGramTrie.BuildError.unknownWord(order: 3)) {
            try NGramTrie(vocabularySize: 4, bigrams: ([1], [2], [0]), trigrams: ([1], [2], [9], [0]))
        }
    }

    @Test func trieFindsEveryStoredNGramAndNothingElse() throws {
        let trie = try NGramTrie(vocabularySize: 6,
                                 bigrams: ([1, 1, 2, 4], [2, 5, 3, 1], [0x0101, 0x0202, 0x0303, 0x0404]),
                                 trigrams: ([0, 1, 1, 1, 2], [0, 2, 2, 5, 3], [4, 3, 4, 2, 1], [9, 10, 11, 12, 13]))
        #expect(trie.bigramCount == 4)
        #expect(trie.context(1, 5).code == 0x0202)
        #expect(trie.context(1, 3).code == nil)
        #expect(trie.context(5, 1).code == nil)
        // "0 0 4" hangs from no bigram and is left out.
        #expect(trie.trigramCount == 4)
        let context = trie.context(1, 2)
        #expect(context.code == 0x0101)
        #expect(trie.trigramCode(after: context, 3) == 10)
        #expect(trie.trigramCode(after: context, 4) == 11)
        #expect(trie.trigramCode(after: context, 2) == nil)
        #expect(trie.trigramCode(after: trie.context(2, 3), 1) == 13)
        #expect(trie.trigramCode(after: trie.context(4, 1), 1) == nil)
        #expect(trie.context(3, 3).code == nil)
    }
}
