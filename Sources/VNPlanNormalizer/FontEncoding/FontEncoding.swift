import Foundation

/// How the text of one font of a PDF reads as Unicode.
///
/// A PDF's text layer is only as good as each font's map from codes to letters. Three kinds of
/// font give Vietnamese mojibake: the 8-bit ABC faces (".VnTime": TCVN3), the VNI faces
/// ("VNI-Times"), and CID fonts embedded by glyph index without a ToUnicode map, whose
/// "letters" are glyph numbers ("6Ӣ" for "SỞ"). The first two are named for what they are; the
/// third is told by the font object, which the reader knows, never by the text: the same face
/// with a map reads right and must be left alone.
///
/// Ask once per font of a document, with all its text as the sample, then decode each of its
/// words: `FontEncoding.encoding(ofFont: name, sample: text).decode(word)`, or for the words a
/// font drew by glyph index, `FontEncoding.glyphIndex(.glyphOrder(ofFont: name, sample: text))`.
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
    /// all: "IEMIUK+VnTime"), given `sample`, its text in the document (words separated by
    /// spaces), when the text layer maps the font's codes to letters.
    ///
    /// An ABC or VNI name decides, unless the sample holds a Vietnamese letter no 8-bit font
    /// has ("ơ", "ạ") or reads worse decoded: Unicode text in a font that only carries an old
    /// name. Any other font is `.unicode`: its map is taken as it is.
    public static func encoding(ofFont fontName: String?, sample: String) -> FontEncoding {
        guard let named = fontName.flatMap(namedEncoding) else { return .unicode }
        let words = tellingWords(of: sample)
        let fitsAn8BitFont = !words.contains { $0.unicodeScalars.contains(where: isVietnameseBeyondLatin1) }
        return fitsAn8BitFont && syllableShare(of: words, read: named.decode) >= syllableShare(of: words) { $0 } ? named : .unicode
    }

    /// The glyph order of the face that drew `sample` by glyph index: the one that reads it
    /// most as Vietnamese. Where the sample cannot tell (digits only), the font's name does:
    /// an italic face has the italic order.
    public static func glyphOrder(ofFont fontName: String?, sample: String) -> GlyphOrder {
        let words = tellingWords(of: sample)
        let named: GlyphOrder = fontName.map { $0.lowercased() }
            .map { $0.contains("italic") || $0.contains("oblique") } == true ? .timesNewRomanItalic : .timesNewRoman
        let readings = GlyphOrder.allCases.map { order in (order: order, share: syllableShare(of: words, read: order.decode)) }
        guard let best = readings.max(by: { $0.share < $1.share }),
              readings.contains(where: { $0.order == named && $0.share < best.share }) else { return named }
        return best.order
    }

    /// The decision reads at most the first this many words and scalars of the sample: a
    /// font's first pages tell as much as all of them.
    static let decisionWords = 4096
    static let decisionScalars = 65_536

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

    /// Whether the font's name is an ABC or VNI face's: its text is read by that encoding.
    public static func hasLegacyName(_ fontName: String) -> Bool { namedEncoding(fontName) != nil }

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
