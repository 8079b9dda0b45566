import Foundation

/// The figures the issue asks for, measured on text the model never saw in training.
public struct RestorationEvaluation: Sendable {
    public let normalizer: Normalizer

    public init(normalizer: Normalizer) {
        self.normalizer = normalizer
    }

    public struct Score: Sendable, CustomStringConvertible {
        public var name: String
        public var correct = 0
        public var total = 0
        public var bytes = 0
        /// Processor time of the restoring itself (one thread), so a busy machine does not skew it.
        public var seconds = 0.0
        /// Each wrong syllable as "truth → output", with how often it went wrong so.
        public var errors: [String: Int] = [:]

        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
        public var kilobytesPerSecond: Double { seconds == 0 ? 0 : Double(bytes) / 1000 / seconds }

        /// The most frequent errors first, ties by spelling.
        public func commonErrors(_ count: Int) -> [(error: String, count: Int)] {
            errors.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map { ($0.key, $0.value) }
        }

        public var description: String {
            let speed = bytes == 0 ? "" : String(format: ", %d bytes in %.2f CPU s = %.0f KB/s", bytes, seconds, kilobytesPerSecond)
            return String(format: "%@: %.2f%% (%d of %d syllables)", name, accuracy * 100, correct, total) + speed
        }
    }

    /// Processor seconds this process has used; the evaluation runs on one thread.
    public static func processorSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }

    /// Lines of Vietnamese prose from the held-out documents of `legal-vn.txt`: markup
    /// stripped, lines of fewer than six words and lines with few marks (English, tables) left out.
    public static func heldOutLines(corpus: URL) throws(LanguageModelError) -> [String] {
        let text = try TrainingSource(url: corpus, weight: 1).text()
        var lines: [String] = []
        for (index, document) in HeldOutDocuments.documents(of: text).enumerated()
        where HeldOutDocuments.contains(documentIndex: index) {
            for raw in document.split(separator: "\n") where !raw.hasPrefix("# source:") {
                let line = raw.replacingOccurrences(of: "*", with: "")
                    .trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "#| "))
                let words = line.split(separator: " ")
                let marked = words.filter(\.hasVietnameseMarks).count
                if words.count >= 6, marked * 2 >= words.count, !line.contains("http") { lines.append(line) }
            }
        }
        return lines
    }

    /// Diacritics stripped from the lines, then restored: share of syllables restored exactly.
    public func stripped(_ lines: [String]) throws(LanguageModelError) -> Score {
        var score = Score(name: "stripped diacritics")
        let damaged = lines.map(\.vietnameseFolded)
        score.bytes = damaged.reduce(0) { $0 + $1.utf8.count }
        let start = Self.processorSeconds()
        let restored = try damaged.map { line throws(LanguageModelError) in try normalizer.restore(line).text }
        score.seconds = Self.processorSeconds() - start
        // Stripping keeps every other character, so the words of truth and output correspond
        // one to one. Only syllables count: codes such as "NĐ-CP" are passed through by design.
        // The restorer writes the tone mark where the configuration puts it, so the truth's
        // "hoá" is compared as "hóa" under the old style: the same syllable.
        let style = normalizer.configuration.toneMarks
        for (truth, output) in zip(lines, restored) {
            let truthWords = Self.words(of: truth), outputWords = Self.words(of: output)
            guard truthWords.count == outputWords.count else {
                score.total += truthWords.filter(VietnameseSyllable.isWellFormed).count
                continue
            }
            for (word, restoredWord) in zip(truthWords, outputWords) where VietnameseSyllable.isWellFormed(word) {
                score.total += 1
                let expected = VietnameseSyllable.placingTone(word, style: style)
                if restoredWord.unicodeScalars.elementsEqual(expected.unicodeScalars) {
                    score.correct += 1
                } else {
                    score.errors[expected + " → " + restoredWord, default: 0] += 1
                }
            }
        }
        return score
    }

    /// Clean lines through both stages: share of syllables left exactly as they were.
    public func clean(_ lines: [String]) throws(LanguageModelError) -> Score {
        var score = Score(name: "clean text unchanged")
        score.bytes = lines.reduce(0) { $0 + $1.utf8.count }
        let start = Self.processorSeconds()
        for line in lines {
            let output = try normalizer.restore(normalizer.normalize(line).text).text
            let words = Self.words(of: line), outputWords = Self.words(of: output)
            score.total += words.count
            score.correct += words.count == outputWords.count ? zip(words, outputWords).filter { $0.0.unicodeScalars.elementsEqual($0.1.unicodeScalars) }.count : 0
        }
        score.seconds = Self.processorSeconds() - start
        return score
    }

    /// OCR output restored and aligned with the truth: share of true syllables recovered. The
    /// second score is the OCR output as it was, for comparison.
    public func ocr(_ pairs: [OCRPagePair]) throws(LanguageModelError) -> (restored: Score, raw: Score) {
        var restored = Score(name: "OCR restored"), raw = Score(name: "OCR as read")
        for pair in pairs {
            let start = Self.processorSeconds()
            let lines = try pair.ocr.split(separator: "\n").map { line throws(LanguageModelError) in
                try normalizer.restore(normalizer.normalize(String(line)).text).text
            }
            restored.seconds += Self.processorSeconds() - start
            restored.bytes += pair.ocr.utf8.count
            let truth = Self.words(of: pair.truth)
            restored.correct += Self.matches(Self.words(of: lines.joined(separator: "\n")), truth)
            raw.correct += Self.matches(Self.words(of: pair.ocr), truth)
            restored.total += truth.count
            raw.total += truth.count
        }
        return (restored, raw)
    }

    private static func matches(_ observed: [String], _ truth: [String]) -> Int {
        WordAlignment.align(observed, truth).filter { $0.observed != nil && $0.observed == $0.truth }.count
    }

    /// Words as written (case kept), for comparing with the truth.
    private static func words(of text: String) -> [String] {
        text.split(separator: "\n").flatMap { line in
            TextToken.tokens(of: line).filter { $0.kind == .word }.map { String($0.text) }
        }
    }
}
