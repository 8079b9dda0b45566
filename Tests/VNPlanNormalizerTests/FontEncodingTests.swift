import Foundation
import Testing
@testable import VNPlanNormalizer

@Suite struct FontEncodingTests {
    /// Words of KH-1105's glyph-indexed Times New Roman runs as poppler gives them, and as the
    /// rendered page shows them (`pdftoppm -png -r 60`).
    static let uprightWords: [(glyphs: String, letters: String)] = [
        ("6Ӣ", "SỞ"), ("7+ѬѪ1*", "THƯƠNG"), ("ÿӏQK", "định"), ("FӫD", "của"), ("7KӵF", "Thực"),
        ("KLӋQ", "hiện"), ("4X\\ӃW", "Quyết"), ("Vӕ", "số"), ("ÿӕF", "đốc"), ("6ӣ", "Sở"),
        ("7UѭӣQJ", "Trưởng"), ("ÿRjQ", "đoàn"), ("ĈiQK", "Đánh"), ("ÿѭӧF", "được"), ("[ӱ", "xử"),
        ("YăQ", "văn"), ("EҧQ", "bản"), ("ÿm", "đã"), ("FҩS", "cấp"), ("ÿ~QJ", "đúng"),
        ("Nӻ", "kỹ"), ("WKXұW", "thuật"), ("NǤ", "kỳ"), ("9Ǌ", "Vũ"), ("9LӋW", "Việt"),
        ("OƭQK", "lĩnh"), ("YӵF", "vực"), ("Ĉӛ", "Đỗ"), ("0ҥQK", "Mạnh"), ("&ѭӡQJ", "Cường"),
        // Bold (CCFRWF+TimesNewRomanPS-BoldMT): the same glyph order.
        ("&Ӝ1*", "CỘNG"), ("+Ӝ,", "HỘI"), ("&+Ӫ", "CHỦ"), ("1*+Ƭ$", "NGHĨA"), ("9,ӊ7", "VIỆT"),
        ("Ĉ2¬1", "ĐOÀN"), (".,ӆ0", "KIỂM"), ("ĈӝF", "Độc"), ("OұS", "lập"), ("7ӵ", "Tự"),
        ("+ҥQK", "Hạnh"), ("48<ӂ7", "QUYẾT"), ("Ĉӎ1+", "ĐỊNH"), ("6Ӕ", "SỐ"), (".ӂ", "KẾ"), ("+2Ҥ&+", "HOẠCH"),
        // Digits and punctuation of these runs arrive as control characters.
        ("\u{14}\u{13}\u{18}\u{13}\u{12}4Ĉ\u{10}6&7", "1050/QĐ-SCT"), ("6ӕ\u{1D}", "Số:"),
    ]

    /// Words of the italic runs (UEKJMF…ItalicMT, SLTDGJ…BoldItalicMT): their Vietnamese
    /// letters sit 380 glyphs earlier, where Unicode has combining marks.
    static let italicWords: [(glyphs: String, letters: String)] = [
        (".L͋P", "Kiểm"), ("K͛", "hồ"), ("V˯", "sơ"), ("OL͏X", "liệu"), ("WK͹F", "thực"), ("ÿ͓D", "địa"),
        ("SKͭ", "phụ"), ("OͭF", "lục"), ("ÿtQK", "đính"), (".͇", "Kế"), ("KR̩FK", "hoạch"), ("V͙", "số"),
    ]

    @Test func uprightGlyphIndicesReadAsThePageShowsThem() {
        for (glyphs, letters) in Self.uprightWords {
            #expect(FontEncoding.glyphIndex(.timesNewRoman).decode(glyphs) == letters)
        }
    }

    @Test func italicGlyphIndicesReadAsThePageShowsThem() {
        for (glyphs, letters) in Self.italicWords {
            #expect(FontEncoding.glyphIndex(.timesNewRomanItalic).decode(glyphs) == letters)
        }
    }

    @Test func eachFaceIsChosenByWhatItsTextBecomes() {
        let upright = Self.uprightWords.map(\.glyphs).joined(separator: " ")
        let italic = Self.italicWords.map(\.glyphs).joined(separator: " ")
        // Whatever the names say, the text tells.
        #expect(FontEncoding.glyphOrder(ofFont: "KERPTY+TimesNewRomanPS-ItalicMT", sample: upright) == .timesNewRoman)
        #expect(FontEncoding.glyphOrder(ofFont: "SLTDGJ+TimesNewRomanPSMT", sample: italic) == .timesNewRomanItalic)
        // Word switches font letter by letter in KH-1105's table ("th" + "ҫ" + "u"): a font
        // may give only such pieces, and they tell too.
        #expect(FontEncoding.glyphOrder(ofFont: nil, sample: "ҫ ӕ ӕ ӝ ӟ ӕ ӝ ÿ ҥ ӯ ѭ ѭӡ ѫ Ӎ ӧ ӗ") == .timesNewRoman)
        #expect(FontEncoding.glyphOrder(ofFont: nil, sample: "͇ ̩ ͙ ͯ ͋ ͇ ͓ ͙") == .timesNewRomanItalic)
        // Digits and punctuation only read alike in both: the name decides.
        let digits = "\u{14}\u{13}\u{18}\u{13}\u{12}"
        #expect(FontEncoding.glyphOrder(ofFont: "TimesNewRomanPSMT", sample: digits) == .timesNewRoman)
        #expect(FontEncoding.glyphOrder(ofFont: "TimesNewRomanPS-BoldItalicMT", sample: digits) == .timesNewRomanItalic)
    }

    /// The 134 precomposed Vietnamese letters: the vowels with a mark, and đ Đ.
    static let vietnameseLetters: [Unicode.Scalar] = {
        let lowercase = VietnameseAlphabet.vowelRows.joined().filter { !$0.isASCII } + "đ"
        return (lowercase + lowercase.uppercased()).unicodeScalars.map { $0 }
    }()

    /// The glyph of each letter the order knows.
    static func glyphs(of order: GlyphOrder) -> [Unicode.Scalar: UInt32] {
        var glyphs: [Unicode.Scalar: UInt32] = [:]
        for glyph in UInt32(0)..<2048 {
            if let letter = order.letter(atGlyph: glyph), glyphs[letter] == nil { glyphs[letter] = glyph }
        }
        return glyphs
    }

    /// `text` as poppler gives a font of this order: each character as its glyph index, the
    /// spaces between words as spaces.
    static func glyphIndexed(_ text: String, in order: GlyphOrder) -> String {
        let glyphs = glyphs(of: order)
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar == " " ? scalar : glyphs[scalar].flatMap(Unicode.Scalar.init) ?? scalar
        }))
    }

    @Test(arguments: GlyphOrder.allCases)
    func everyVietnameseLetterRoundTrips(order: GlyphOrder) throws {
        #expect(Self.vietnameseLetters.count == 134)
        let glyphs = Self.glyphs(of: order)
        for letter in Self.vietnameseLetters {
            let glyph = try #require(glyphs[letter], "\(letter) has no glyph in \(order)")
            let indexed = try #require(Unicode.Scalar(glyph))
            #expect(FontEncoding.glyphIndex(order).decode(String(indexed)) == String(letter))
        }
        for letter in "AZaz09.,:;()/-".unicodeScalars {
            #expect(glyphs[letter] == letter.value - 29)
        }
    }

    @Test(arguments: GlyphOrder.allCases)
    func glyphIndexedSentencesAreFoundAndRestored(order: GlyphOrder) {
        let sentences = ["Độc lập - Tự do - Hạnh phúc",
                         "Kiểm tra việc chấp hành quy định pháp luật về sử dụng vật liệu nổ công nghiệp",
                         "ỦY BAN NHÂN DÂN TỈNH LÀO CAI, ngày 10 tháng 3 năm 2026",
                         "Trưởng đoàn chịu trách nhiệm chung; Ỹ, Ỷ, ỳ, Ữ, Ẵ, ẵ, Ỗ, ễ, Ĩ, Ũ."]
            + SharedText.cleanSeedLines.prefix(40)
        for sentence in sentences {
            let indexed = Self.glyphIndexed(sentence, in: order)
            #expect(FontEncoding.glyphOrder(ofFont: nil, sample: indexed) == order, "\(sentence)")
            #expect(FontEncoding.glyphIndex(order).decode(indexed) == sentence)
        }
    }

    /// Text that is right already: Vietnamese, English, numbers, capitals and codes.
    static let unicodeSamples = [
        "Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương tỉnh Lào Cai",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
        "UBND VLNCN PCCN ATLĐ KH-ĐKT QĐ-SCT NĐ-CP TT STT",
        "The inspection team will review the permits and storage records of each unit.",
        "06/3/2026 1105 23/3/2026 02 0983 134 682 Km26+793 (IC14) 1.2.3",
        "Kiểm tra việc chấp hành quy định pháp luật".decomposedStringWithCanonicalMapping,
        "Проверка соблюдения правил Ελληνικά",
    ]

    @Test func aFontWithAMapIsTakenAsItIs() {
        for sample in Self.unicodeSamples + SharedText.cleanSeedLines.prefix(200) {
            #expect(FontEncoding.encoding(ofFont: "BKGTFV+TimesNewRomanPSMT", sample: sample) == .unicode, "\(sample)")
            #expect(FontEncoding.unicode.decode(sample) == sample)
        }
        // Even text that would read better as glyph indices: only its font object can tell
        // that it is, and the reader marks such words.
        let indexed = Self.glyphIndexed("Kiểm tra việc chấp hành quy định pháp luật", in: .timesNewRoman)
        #expect(FontEncoding.glyphIndex(.timesNewRoman).decode(indexed) == "Kiểm tra việc chấp hành quy định pháp luật")
        #expect(FontEncoding.encoding(ofFont: "BKGTFV+TimesNewRomanPSMT", sample: indexed) == .unicode)
    }

    @Test func decodedTextIsNFC() {
        #expect(FontEncoding.unicode.decode("Vie\u{323}\u{302}t Nam") == "Việt Nam")
        #expect(FontEncoding.tcvn3.decode("Tr¸ch nhiÖm").unicodeScalars.count == "Trách nhiệm".unicodeScalars.count)
    }

    @Test func oldFontsAreKnownByTheirNames() {
        #expect(FontEncoding.namedEncoding("IEMIUK+VnTime") == .tcvn3)
        #expect(FontEncoding.namedEncoding(".VnTime") == .tcvn3)
        #expect(FontEncoding.namedEncoding("VnArial,Bold") == .tcvn3)
        #expect(FontEncoding.namedEncoding("ABCDEF+.VnTimeH") == .tcvn3Capitals)
        #expect(FontEncoding.namedEncoding(".VnArialH-Bold") == .tcvn3Capitals)
        #expect(FontEncoding.namedEncoding("VNI-Times") == .vni)
        #expect(FontEncoding.namedEncoding("QWERTY+VNI-Helve-Bold") == .vni)
        for unicodeFont in ["TimesNewRomanPSMT", "CTBUVX+TimesNewRomanPSMT", "VNF-Futura", "Verdana", "ArialMT"] {
            #expect(FontEncoding.namedEncoding(unicodeFont) == nil, "\(unicodeFont)")
        }
    }

    @Test func oldFontsAreConvertedWithTheNormalizersTables() {
        let tcvn3 = FontEncoding.encoding(ofFont: "IEMIUK+VnTime", sample: "Tr¸ch nhiÖm cña Së")
        #expect(tcvn3 == .tcvn3)
        #expect(tcvn3.decode("Tr¸ch nhiÖm cña Së") == "Trách nhiệm của Sở")
        let capitals = FontEncoding.encoding(ofFont: ".VnTimeH", sample: "KÕ ho¹ch")
        #expect(capitals == .tcvn3Capitals)
        #expect(capitals.decode("KÕ ho¹ch") == "KẾ HOẠCH")
        let vni = FontEncoding.encoding(ofFont: "VNI-Times", sample: "Traùch nhieäm")
        #expect(vni == .vni)
        #expect(vni.decode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc")
        // Digits in an old font read the same either way (KH-1105's VnTime run).
        #expect(FontEncoding.encoding(ofFont: "IEMIUK+VnTime", sample: "2 3 5 6") == .tcvn3)
        // Unicode text in a font that only carries an old name is left alone.
        #expect(FontEncoding.encoding(ofFont: "VnTime", sample: Self.unicodeSamples[0]) == .unicode)
    }
}
