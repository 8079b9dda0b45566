import VNPlanModel
import VNPlanNormalizer

/// The words of a PDF's old Vietnamese fonts (TCVN3, VNI, glyph-indexed) as Unicode.
///
/// A named old font (".VnTime", "VNI-Times") is decided once per document. Glyph-indexed
/// fonts cannot be told by name: poppler reports fonts without their subset tag, so a
/// glyph-indexed subset and a proper subset of the same face share one name ("SỞ" and "CÔNG"
/// in one line of KH-1105). Each word of them is judged on its own: decoded when it reads
/// as Vietnamese only decoded, or carries the control codes of glyph-indexed digits.
struct FontDecoding {
    private var named: [String: FontEncoding] = [:]
    private var byWord: [String: String] = [:]
    private static let rememberedWords = 50_000

    mutating func decoded(_ page: PageGeometry) -> PageGeometry {
        var samples: [String: [String]] = [:]
        for word in page.words { if let font = word.fontName, named[font] == nil { samples[font, default: []].append(word.text) } }
        for (font, words) in samples { named[font] = FontEncoding.encoding(ofFont: font, sample: words.joined(separator: " ")) }
        var page = page
        for index in page.words.indices {
            let text = page.words[index].text
            let encoding = page.words[index].fontName.flatMap { named[$0] } ?? .unicode
            switch encoding {
            case .tcvn3, .tcvn3Capitals, .vni:
                page.words[index].text = encoding.decode(text)
            case .glyphIndex where text.unicodeScalars.contains(where: { $0.value < 0x20 }):
                page.words[index].text = encoding.decode(text)
            default:
                page.words[index].text = decodedIfGlyphIndexed(text)
            }
        }
        decodePiecesOfWords(in: &page)
        return page
    }

    /// A word whose letters come from two subsets ("th" + "ҫ" + "u" is "thầu") is judged whole:
    /// its pieces that are not Vietnamese on their own are decoded when the word then reads
    /// as a syllable.
    private func decodePiecesOfWords(in page: inout PageGeometry) {
        var start = 0
        while start < page.words.count {
            var end = start + 1
            while end < page.words.count, Self.touches(page.words[end - 1].box, page.words[end].box) { end += 1 }
            if end - start > 1 { decodePieces(start..<end, of: &page) }
            start = end
        }
    }

    private func decodePieces(_ range: Range<Int>, of page: inout PageGeometry) {
        let pieces = range.map { page.words[$0].text }
        // Pieces beyond ASCII may be glyph indices; every choice of them is tried (a word has
        // few pieces; past six the word is left as it is).
        let candidates = pieces.indices.filter { pieces[$0].unicodeScalars.contains { $0.value >= 0x80 || $0.value < 0x20 } }
        guard !candidates.isEmpty, candidates.count <= 6 else { return }
        var best = (score: FontEncoding.syllableScore(pieces.joined()), pieces: pieces)
        for order in GlyphOrder.allCases {
            for choice in 1..<(1 << candidates.count) {
                var candidate = pieces
                for (bit, index) in candidates.enumerated() where choice & (1 << bit) != 0 {
                    candidate[index] = FontEncoding.glyphIndex(order).decode(pieces[index])
                }
                let score = FontEncoding.syllableScore(candidate.joined())
                if score > best.score { best = (score, candidate) }
            }
        }
        for (index, text) in zip(range, best.pieces) { page.words[index].text = text }
    }

    /// Pieces of one word: no gap between them on one line.
    private static func touches(_ left: BoundingBox, _ right: BoundingBox) -> Bool {
        let height = max(left.height, right.height)
        return abs(right.x - left.maxX) < 0.05 * height && abs(right.midY - left.midY) < 0.3 * height
    }

    private mutating func decodedIfGlyphIndexed(_ text: String) -> String {
        if let known = byWord[text] { return known }
        let encoding = FontEncoding.encoding(ofFont: nil, sample: text)
        let decoded = encoding == .unicode ? text : encoding.decode(text)
        if byWord.count >= Self.rememberedWords { byWord.removeAll(keepingCapacity: true) }
        byWord[text] = decoded
        return decoded
    }
}
