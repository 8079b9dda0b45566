import Foundation

/// How the text of one font of a PDF reads as Unicode.
///
/// A PDF's text layer is only as good as each font's map from codes to letters. Three kinds of
/// font give Vietnamese mojibake: the 8-bit ABC faces (".VnTime": TCVN3), the VNI faces
/// ("VNI-Times"), and fonts embedded by glyph index without a ToUnicode map, whose "letters"
/// are glyph numbers ("6Ӣ" for "SỞ"). The first two are named for what they are; the third
/// looks like any Times New Roman and is told only by what its text becomes.
///
/// Ask once per font of a document, with all its text as the sample, then decode each of its
/// words: `FontEncoding.encoding(ofFont: name, sample: text).decode(word)`.
public enum FontEncoding: Sendable, Equatable {
    /// The text is right as it is.
    case unicode
    /// An ABC face (".VnTime", ".VnArial"): TCVN3 codes.
    case tcvn3
    /// An ABC capitals face (".VnTimeH"): TCVN3 codes, every letter drawn as a capital.
    case tcvn3Capitals
    /// A VNI face ("VNI-Times").
    case vni
    /// Glyph indices of a font with this glyph order.
    case glyphIndex(GlyphOrder)

    /// The text as Unicode, in NFC.
    public func decode(_ text: String) -> String {
        let decoded = switch self {
        case .unicode: text
        case .tcvn3: LegacyEncoding.tcvn3.decode(text)
        case .tcvn3Capitals: LegacyEncoding.tcvn3.decode(text).uppercased()
        case .vni: LegacyEncoding.vni.decode(text)
        case .glyphIndex(let order): order.decode(text)
        }
        return Normalizer.composed(decoded)
    }

    /// How to read the text of the font named `fontName` (as the PDF names it, subset tag and
    /// all: "IEMIUK+VnTime"), given `sample`, its text in the document (words separated by spaces).
    ///
    /// An ABC or VNI name decides, unless the sample holds a Vietnamese letter no 8-bit font
    /// has ("ơ", "ạ") or reads worse decoded: Unicode text in a font that only carries an old name.
    /// Any other font stays `.unicode` unless its sample read as glyph indices is clearly more
    /// Vietnamese, or holds control characters (the digits and punctuation of a glyph-indexed
    /// run) and reads no worse for it.
    public static func encoding(ofFont fontName: String?, sample: String) -> FontEncoding {
        let words = tellingWords(of: sample)
        let asWritten = syllableShare(of: words) { $0 }
        if let named = fontName.flatMap(namedEncoding) {
            let fitsAn8BitFont = !words.contains { $0.unicodeScalars.contains(where: isVietnameseBeyondLatin1) }
            return fitsAn8BitFont && syllableShare(of: words, read: named.decode) >= asWritten ? named : .unicode
        }
        let readings = GlyphOrder.allCases.map { order in (order: order, share: syllableShare(of: words, read: order.decode)) }
        // The first best on a tie: orders that agree on every glyph of the sample read it alike.
        guard let best = readings.max(by: { $0.share < $1.share }) else { return .unicode }
        let clearlyBetter = best.share >= minimumShare && best.share >= asWritten + requiredGain
        let showsGlyphIndices = sample.unicodeScalars.prefix(decisionScalars).contains { scalar in
            (0x03..<0x20).contains(scalar.value) && !scalar.properties.isWhitespace
        }
        return clearlyBetter || (showsGlyphIndices && best.share >= asWritten) ? .glyphIndex(best.order) : .unicode
    }

    /// The decision reads at most the first this many words and scalars of the sample: a
    /// font's first pages tell as much as all of them.
    static let decisionWords = 4096
    static let decisionScalars = 65_536
    /// A reading is taken when it makes this share of the words Vietnamese…
    static let minimumShare = 0.3
    /// …and this much more than the text as written.
    static let requiredGain = 0.15

    /// The words that can tell readings apart: those with a letter or a non-ASCII scalar.
    /// Digits are left out ("08" read as glyph indices is "MU"). Split by scalar: glyph indices
    /// of italic Vietnamese letters are combining marks in Unicode (U+0300…), and a space before
    /// one would not be a Character of its own.
    /// How well a word reads as one Vietnamese syllable: 1 with a tone or vowel mark, 0.5
    /// without, 0 not at all (punctuation around it aside).
    public static func syllableScore(_ word: String) -> Double {
        LegacyEncoding.syllableScore(word.trimmingCharacters(in: .punctuationCharacters))
    }

    private static func tellingWords(of sample: String) -> [String] {
        sample.unicodeScalars.prefix(decisionScalars).split(whereSeparator: \.properties.isWhitespace)
            .lazy.map { String(String.UnicodeScalarView($0)) }
            .filter { word in word.unicodeScalars.contains { $0.value >= 0x80 || $0.properties.isAlphabetic } }
            .prefix(decisionWords).map { $0 }
    }

    /// The share of the words that read as Vietnamese syllables (marked ones count most).
    private static func syllableShare(of words: [String], read: (String) -> String) -> Double {
        guard !words.isEmpty else { return 0 }
        let score = words.reduce(0.0) { total, word in
            total + LegacyEncoding.syllableScore(read(word).trimmingCharacters(in: .punctuationCharacters))
        }
        return score / Double(words.count)
    }

    /// ă đ ĩ ũ ơ ư and the letters of U+1EA0…: what no 8-bit Vietnamese font can hold.
    private static func isVietnameseBeyondLatin1(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0xFF && VietnameseAlphabet.foldedScalars[scalar.value] != nil
    }

    /// The encoding a font's name declares, without the subset tag ("IEMIUK+") and style
    /// (",Bold", "-Italic"). ABC names are ".Vn" + a capital ("VnTime", ".VnArialH"), the
    /// capitals faces ending in "H"; VNI names start "VNI-" or "VNI_".
    static func namedEncoding(_ fontName: String) -> FontEncoding? {
        var name = Substring(fontName)
        if let plus = name.firstIndex(of: "+"), name[..<plus].count == 6, name[..<plus].allSatisfy(\.isUppercase) {
            name = name[name.index(after: plus)...]
        }
        if name.hasPrefix(".") { name = name.dropFirst() }
        if let comma = name.firstIndex(of: ",") { name = name[..<comma] }
        if let style = styleSuffixes.first(where: { name.hasSuffix($0) }) { name = name.dropLast(style.count) }

        let lowercased = name.lowercased()
        if lowercased.hasPrefix("vni-") || lowercased.hasPrefix("vni_") { return .vni }
        if name.hasPrefix("Vn"), name.dropFirst(2).first?.isUppercase == true {
            return name.hasSuffix("H") ? .tcvn3Capitals : .tcvn3
        }
        return nil
    }

    /// What PDF producers append to a face's name for its style.
    private static let styleSuffixes = ["-BoldItalic", "-Bold", "-Italic", "-Regular"]
}
