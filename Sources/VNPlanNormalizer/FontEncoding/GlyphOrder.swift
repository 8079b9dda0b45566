/// The glyph order of a font whose glyph indices a PDF shows in place of letters.
///
/// Word embeds the Vietnamese letters of a run as a CID font (Identity-H) without a ToUnicode
/// map, so a reader gets each glyph's index as if it were the letter's code point: "6Ӣ" for
/// "SỞ". The tables below turn those indices back into letters for the faces of Microsoft's
/// Times New Roman 7 (Windows 10 and later). How they were derived, from the font programs
/// embedded in `../shared/realdocs/KH-1105…pdf` (all four faces):
///
/// - Glyphs 3...97 are space to "~" in ASCII order (index = code point − 29) in every Microsoft
///   core font; glyphs 98...255 follow Apple's standard Macintosh order (the 258 names of the
///   TrueType `post` table, format 1) without `nonbreakingspace` and `apple`, which these fonts
///   omit. Checked against the cmap of the WinAnsi subsets of the same fonts in that file
///   (à 106, á 105, Ã 173, Ò 209, Ô 208, ý 234) and against composite glyphs (ă = a + breve).
/// - The Vietnamese letters, from the composite glyphs: each precomposed letter is built of its
///   base letter and its marks ("ạ" = glyph 68 "a" + dot below), which names it without doubt.
///   Ơ ơ Ư ư come first, then 58 glyphs later the letters of U+1EA0…U+1EF9 in code point order,
///   without Ỳ ỳ (U+1EF2/3), which sit with the older Latin letters (483, 484); so "ỹ" is glyph
///   1275 upright, not 1188 + 0x59. The italic faces hold the same run 380 glyphs earlier.
/// - Confirmed by the glyphs the file embeds: ă 259, Đ 264 (in italic a reference to Ð), đ 255,
///   Ĩ 428, ĩ 429, ũ 458, ỳ 484, Ơ ơ Ư ư upright; ơ ư in italic; 50 letters of the U+1EA0 run
///   upright, from Ạ to ỹ, and 12 in italic, from ạ to ự. Ă 258, Ũ 457, Ỳ 483 follow from the
///   capital standing just before its small letter throughout; Ơ Ư 750, 752 in italic from the
///   upright run moved as a whole; Ă ă Ĩ ĩ Ũ ũ Ỳ ỳ in italic from the order of the first glyphs,
///   which the faces share (verified up to 264).
public enum GlyphOrder: String, Sendable, CaseIterable {
    /// Times New Roman 7, regular and bold (4685 glyphs).
    case timesNewRoman
    /// Times New Roman 7, italic and bold italic (3578 glyphs).
    case timesNewRomanItalic

    /// Where the horned letters Ơ ơ Ư ư start; the U+1EA0 run follows 58 glyphs later.
    private var hornedLetters: Int {
        switch self {
        case .timesNewRoman: 1130
        case .timesNewRomanItalic: 750
        }
    }

    /// Glyphs 98...255: the Macintosh standard order from "Adieresis" to "dcroat", less the
    /// two glyphs Microsoft's fonts leave out. "Omega" is written as U+03A9, its NFC form.
    private static let macintoshOrder = Array((
        "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªº\u{3A9}æø¿¡¬√ƒ≈∆«»…ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ‡·‚„‰"
        + "ÂÊÁËÈÍÎÏÌÓÔÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇŁłŠšŽž¦ÐðÝýÞþ−×¹²³½¼¾₣ĞğİŞşĆćČčđ").unicodeScalars)

    /// Vietnamese letters of Latin Extended-A and Ỳ ỳ, where the Windows glyph set puts them.
    private static let olderLatinLetters: [(glyph: Int, letter: Unicode.Scalar)] = [
        (258, "Ă"), (259, "ă"), (264, "Đ"), (428, "Ĩ"), (429, "ĩ"), (457, "Ũ"), (458, "ũ"), (483, "Ỳ"), (484, "ỳ"),
    ]

    /// U+1EA0…U+1EF9 less Ỳ ỳ, in glyph order.
    private static let vietnameseRun: [Unicode.Scalar] =
        (0x1EA0...0x1EF9).filter { $0 != 0x1EF2 && $0 != 0x1EF3 }.compactMap(Unicode.Scalar.init)

    /// Text extractors put spaces between words, so a space stays a space, though glyph 32 ("=")
    /// shares its number.
    private static let space = 0x20

    /// Letter by glyph index; nil where the glyph is not known.
    private var letters: [Unicode.Scalar?] {
        var table = [Unicode.Scalar?](repeating: nil, count: hornedLetters + 58 + Self.vietnameseRun.count)
        for glyph in 3...97 { table[glyph] = Unicode.Scalar(UInt8(glyph + 29)) }
        for (offset, letter) in Self.macintoshOrder.enumerated() { table[98 + offset] = letter }
        for (glyph, letter) in Self.olderLatinLetters { table[glyph] = letter }
        for (offset, letter) in "ƠơƯư".unicodeScalars.enumerated() { table[hornedLetters + offset] = letter }
        for (offset, letter) in Self.vietnameseRun.enumerated() { table[hornedLetters + 58 + offset] = letter }
        table[Self.space] = nil
        return table
    }

    /// Built once per order: decoding is one array lookup per scalar.
    private static let tables: [GlyphOrder: [Unicode.Scalar?]] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.letters) })

    private var table: [Unicode.Scalar?] { Self.tables[self] ?? [] }

    private static func lookup(_ glyph: UInt32, in table: [Unicode.Scalar?]) -> Unicode.Scalar? {
        glyph < table.count ? table[Int(glyph)] : nil
    }

    /// The letter a glyph index stands for, nil for a glyph this order does not know.
    func letter(atGlyph glyph: UInt32) -> Unicode.Scalar? {
        Self.lookup(glyph, in: table)
    }

    /// Glyph indices read as letters; unknown glyphs and spaces stay as they were.
    func decode(_ text: String) -> String {
        let table = self.table
        var decoded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            decoded.append(Self.lookup(scalar.value, in: table) ?? scalar)
        }
        return String(decoded)
    }
}
