import Foundation

/// One rendered page: the text that was drawn and what OCR read back from the image.
public struct OCRPagePair: Sendable {
    public var truth: String
    public var ocr: String

    public init(truth: String, ocr: String) {
        self.truth = truth
        self.ocr = ocr
    }

    /// The pairs `scripts/normalizer/ocr_corpus.py` wrote to a directory: every
    /// `page-NNNN.truth.txt` with its `page-NNNN.<language>.txt`, in name order.
    public static func load(directory: URL, languages: [String]) throws(LanguageModelError) -> [OCRPagePair] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() } catch {
            throw .unreadable(path: directory.path, reason: error.localizedDescription)
        }
        var pairs: [OCRPagePair] = []
        for name in names where name.hasSuffix(".truth.txt") {
            let stem = String(name.dropLast(".truth.txt".count))
            for language in languages {
                let ocrURL = directory.appendingPathComponent("\(stem).\(language).txt")
                guard FileManager.default.fileExists(atPath: ocrURL.path) else { continue }
                do {
                    pairs.append(OCRPagePair(
                        truth: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8),
                        ocr: try String(contentsOf: ocrURL, encoding: .utf8)))
                } catch {
                    throw .unreadable(path: ocrURL.path, reason: error.localizedDescription)
                }
            }
        }
        return pairs
    }
}

/// Word-level alignment of two token sequences (Levenshtein, with a cheaper substitution
/// between words that differ only in their marks), used to learn OCR confusions and to score
/// restored OCR text against its truth.
enum WordAlignment {
    /// Aligned pairs (observed, truth); nil on one side for an insertion or deletion.
    static func align(_ observed: [String], _ truth: [String]) -> [(observed: String?, truth: String?)] {
        let n = observed.count, m = truth.count
        let width = m + 1
        var cost = [Float](repeating: 0, count: (n + 1) * width)
        for i in 0...n { cost[i * width] = Float(i) }
        for j in 0...m { cost[j] = Float(j) }
        let observedFolds = observed.map(\.vietnameseFolded), truthFolds = truth.map(\.vietnameseFolded)
        func substitution(_ i: Int, _ j: Int) -> Float {
            if observed[i] == truth[j] { return 0 }
            return observedFolds[i] == truthFolds[j] ? 0.4 : 1
        }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    cost[i * width + j] = min(cost[(i - 1) * width + j - 1] + substitution(i - 1, j - 1),
                                              cost[(i - 1) * width + j] + 1, cost[i * width + j - 1] + 1)
                }
            }
        }
        var pairs: [(observed: String?, truth: String?)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            if i > 0, j > 0, cost[i * width + j] == cost[(i - 1) * width + j - 1] + substitution(i - 1, j - 1) {
                pairs.append((observed[i - 1], truth[j - 1])); i -= 1; j -= 1
            } else if i > 0, cost[i * width + j] == cost[(i - 1) * width + j] + 1 {
                pairs.append((observed[i - 1], nil)); i -= 1
            } else {
                pairs.append((nil, truth[j - 1])); j -= 1
            }
        }
        return pairs.reversed()
    }

    /// The lowercase words of a text, in order.
    static func words(of text: String) -> [String] {
        text.split(separator: "\n").flatMap { line in
            TextToken.tokens(of: line).filter { $0.kind == .word }.map { $0.text.lowercased() }
        }
    }
}

/// Learns the noisy channel from rendered-and-OCRed pages.
enum OCRChannelLearner {
    /// A whole-token confusion is kept when seen this often and this likely.
    static let minimumTokenCount = 2
    static let minimumTokenProbability = 0.1

    static func learn(from pairs: [OCRPagePair], isKnownSyllable: (String) -> Bool) -> NoisyChannel {
        var characterCounts: [Character: [Character: Int]] = [:]
        var tokenCounts: [String: [String: Int]] = [:]
        for pair in pairs {
            let aligned = WordAlignment.align(WordAlignment.words(of: pair.ocr), WordAlignment.words(of: pair.truth))
            for case let (observed?, truth?) in aligned where isKnownSyllable(truth) {
                tokenCounts[observed, default: [:]][truth, default: 0] += 1
                let o = Array(observed), t = Array(truth)
                guard o.count == t.count else { continue }
                for (oc, tc) in zip(o, t) where oc.unicodeScalars.count == 1 && tc.unicodeScalars.count == 1 {
                    characterCounts[tc, default: [:]][oc, default: 0] += 1
                }
            }
        }
        let characterConfusions = characterCounts.mapValues { row -> [Character: Float] in
            let total = Float(row.values.reduce(0, +))
            return row.mapValues { Float($0) / total }
        }
        var tokenConfusions: [String: [(intended: String, logProbability: Float)]] = [:]
        for (observed, row) in tokenCounts {
            let total = Double(row.values.reduce(0, +))
            // Single letters are initials and list labels far more often than OCR errors.
            for (intended, count) in row where intended != observed && count >= minimumTokenCount && observed.count > 1 {
                let p = Double(count) / total
                if p >= minimumTokenProbability {
                    tokenConfusions[observed, default: []].append((intended, Float(log10(p))))
                }
            }
        }
        return NoisyChannel(characterConfusions: characterConfusions,
                            tokenConfusions: tokenConfusions.mapValues { $0.sorted { $0.intended < $1.intended } })
    }
}
