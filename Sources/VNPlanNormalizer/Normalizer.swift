import Foundation
import VNPlanModel

/// Text in, text out, with a count of what changed. Never damages text that is already right.
///
/// Two stages, as pipeline.json names them:
/// - `normalize` (every format): Unicode NFC, stray spaces before combining marks, legacy 8-bit
///   encodings (TCVN3, VNI), words broken across lines, one tone-mark placement. Deterministic
///   rules that leave correct Unicode text as it is.
/// - `restore` (OCR and old text extractions): wrapped lines joined, then lost diacritics and OCR
///   confusions restored with the syllable language model, only in lines the degradation
///   detector finds damaged.
public struct Normalizer: Sendable {
    public let configuration: NormalizerConfiguration
    /// The restorer of the given model; nil until `restore` loads the bundled one.
    private let restorer: DiacriticRestorer?

    /// `model` defaults to the language model bundled with the module, loaded on first `restore`.
    /// A normalizer made with a model keeps one restorer, whose caches serve every call.
    public init(configuration: NormalizerConfiguration = NormalizerConfiguration(),
                model: SyllableLanguageModel? = nil) {
        self.configuration = configuration
        self.restorer = model.map { DiacriticRestorer(model: $0, toneMarks: configuration.toneMarks) }
    }

    // MARK: normalize

    /// The `normalize` stage on one run of text (a paragraph or a cell).
    ///
    /// `detectingLegacyEncodings` is false for text that cannot be in an 8-bit font encoding
    /// (OCR writes Unicode), where a garbled line could pass for TCVN3 or VNI.
    public func normalize(_ text: String, detectingLegacyEncodings: Bool = true) -> NormalizedText {
        var result = Self.composed(Self.removingSpacesBeforeMarks(text))
        let encoding = detectingLegacyEncodings ? LegacyEncoding.detect(result) : nil
        if let encoding { result = encoding.decode(result) }
        result = placingToneMarks(LineJoining.joiningBrokenWords(result))
        return NormalizedText(text: result, changedTokens: Self.changedTokens(from: text, to: result),
                              restoredTokens: 0, legacyEncoding: encoding, restorations: [])
    }

    /// Every paragraph and cell of a document, with the summary the plan records.
    public func normalize(_ document: SourceDocument) -> (SourceDocument, NormalizationSummary) {
        let detectsLegacyEncodings = !document.metadata.usedOCR
        return mapping(document) { normalize($0, detectingLegacyEncodings: detectsLegacyEncodings) }
    }

    // MARK: restore

    /// The `restore` stage on one run of text: wrapped lines joined, damaged lines restored.
    /// Run it after `normalize`.
    public func restore(_ text: String) throws(LanguageModelError) -> NormalizedText {
        restore(text, with: try loadedRestorer(), threshold: configuration.restoration.threshold)
    }

    /// The `restore` stage on every paragraph and cell of a document (after `normalize`). The
    /// summary counts this stage only; add it to the `normalize` summary with `adding(_:)`.
    public func restore(_ document: SourceDocument) throws(LanguageModelError) -> (SourceDocument, NormalizationSummary) {
        let restorer = try loadedRestorer()
        // OCR misreads real words as other real words: every line of a recognised page is checked.
        let threshold = document.metadata.usedOCR ? nil : configuration.restoration.threshold
        return mapping(document) { restore($0, with: restorer, threshold: threshold) }
    }

    private func loadedRestorer() throws(LanguageModelError) -> DiacriticRestorer {
        if let restorer { return restorer }
        return DiacriticRestorer(model: try SyllableLanguageModel.bundled(), toneMarks: configuration.toneMarks)
    }

    private func restore(_ text: String, with restorer: DiacriticRestorer, threshold: Double?) -> NormalizedText {
        let joined = LineJoining.joiningWrappedLines(text)
        let (restored, tokens) = restorer.restore(text: joined, threshold: threshold)
        // The words that joining changed, and every restored one: comparing the texts word by
        // word would undercount a restored word that also stood elsewhere ("hanh" → "hành"
        // beside a "hành").
        let changed = Self.changedTokens(from: text, to: joined) + tokens.count
        return NormalizedText(text: restored, changedTokens: changed,
                              restoredTokens: tokens.count, legacyEncoding: nil, restorations: tokens)
    }

    // MARK: helpers

    private func mapping(_ document: SourceDocument, _ transform: (String) -> NormalizedText) -> (SourceDocument, NormalizationSummary) {
        var summary = NormalizationSummary()
        var document = document
        document.blocks = document.blocks.map { block in
            block.mappingText { text in
                let result = transform(text)
                summary.changedTokens += result.changedTokens
                summary.restoredTokens += result.restoredTokens
                if let encoding = result.legacyEncoding { summary.legacyEncoding = encoding.rawValue }
                return result.text
            }
        }
        return (document, summary)
    }

    private func placingToneMarks(_ text: String) -> String {
        // Tone marks are never ASCII: text without other bytes has none to place.
        guard configuration.toneMarks != .keep, text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var result = ""
        for token in TextToken.tokens(of: Substring(text)) {
            if token.kind == .word {
                result += VietnameseSyllable.placingTone(String(token.text), style: configuration.toneMarks)
            } else {
                result += token.text
            }
        }
        return result
    }

    /// NFC. Text made only of scalars that no normalization changes or composes (Latin
    /// letters up to U+02FF, the precomposed Vietnamese letters, punctuation) is NFC already;
    /// that is nearly all text, and the Foundation call costs a copy of it.
    static func composed(_ text: String) -> String {
        let isComposed = text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2002...0x206F: true
            default: false
            }
        }
        return isComposed ? text : text.precomposedStringWithCanonicalMapping
    }

    /// "a ̀" → "à": OCR and some converters leave a space before a combining mark.
    static func removingSpacesBeforeMarks(_ text: String) -> String {
        // Combining marks U+0300–U+036F start with byte 0xCC or 0xCD in UTF-8.
        guard text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if VietnameseAlphabet.combiningMarks.contains(scalar.value) {
                while let last = scalars.last, last == " " { scalars.removeLast() }
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Words of `after` that `before` did not have, counted with multiplicity (lines may have
    /// been joined, so positions do not correspond).
    static func changedTokens(from before: String, to after: String) -> Int {
        guard !before.utf8.elementsEqual(after.utf8) else { return 0 }
        var counts: [SpelledWord: Int] = [:]
        for word in SpelledWord.words(of: before) { counts[word, default: 0] += 1 }
        var changed = 0
        for word in SpelledWord.words(of: after) {
            if let count = counts[word], count > 0 { counts[word] = count - 1 } else { changed += 1 }
        }
        return changed
    }
}

/// A word compared by its bytes: Swift's String equality would call NFD and NFC spellings the
/// same, and a changed spelling is a change.
private struct SpelledWord: Hashable {
    var text: Substring

    /// The text's runs between whitespace, without copying them.
    static func words(of text: String) -> [SpelledWord] {
        text.unicodeScalars.split { ScalarClass($0) == .space }.map { SpelledWord(text: Substring($0)) }
    }

    static func == (left: SpelledWord, right: SpelledWord) -> Bool {
        left.text.utf8.elementsEqual(right.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        // FNV-1a over the bytes, handed to the hasher once: feeding it byte by byte is slow.
        var fnv: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { fnv = (fnv ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hasher.combine(fnv)
    }
}

public struct NormalizedText: Sendable, Equatable {
    public var text: String
    public var changedTokens: Int
    public var restoredTokens: Int
    /// The legacy encoding the run was converted from, if any.
    public var legacyEncoding: LegacyEncoding?
    /// Each word the language model restored, with its confidence.
    public var restorations: [RestoredToken]
}

extension NormalizationSummary {
    /// The counts of two stages together (normalize, then restore).
    public func adding(_ other: NormalizationSummary) -> NormalizationSummary {
        NormalizationSummary(restoredTokens: restoredTokens + other.restoredTokens,
                             changedTokens: changedTokens + other.changedTokens,
                             legacyEncoding: legacyEncoding ?? other.legacyEncoding)
    }
}

extension Block {
    /// The block with every piece of text passed through `transform`, structure untouched.
    func mappingText(_ transform: (String) -> String) -> Block {
        switch self {
        case .paragraph(var paragraph):
            paragraph.text = transform(paragraph.text)
            return .paragraph(paragraph)
        case .table(let table):
            return .table(table.mappingText(transform))
        }
    }
}

extension Table {
    func mappingText(_ transform: (String) -> String) -> Table {
        var table = self
        for r in table.rows.indices {
            for c in table.rows[r].cells.indices {
                table.rows[r].cells[c].text = transform(table.rows[r].cells[c].text)
                table.rows[r].cells[c].nestedTables = table.rows[r].cells[c].nestedTables.map {
                    $0.mappingText(transform)
                }
            }
        }
        return table
    }
}
