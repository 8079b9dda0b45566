/// The 8-bit font encodings Vietnamese offices typed in before Unicode.
///
/// A DOCX typed in ".VnTime" (TCVN3/ABC) or "VNI-Times" stores the font's byte codes as if they
/// were Windows-1252 letters, so the text arrives as mojibake: "Tr¸ch nhiÖm" (TCVN3),
/// "Traùch nhieäm" (VNI) for "Trách nhiệm". Both tables only use codes from 0xA0 up, where
/// Windows-1252 and Latin-1 agree, so one table serves text decoded either way.
public enum LegacyEncoding: String, Sendable, CaseIterable {
    case tcvn3 = "TCVN3"
    case vni = "VNI"

    /// Unicode letters, in the order of the legacy spellings of `legacySpellings`.
    private static let unicodeLetters = Array(
        "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
        + "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ")

    /// How each letter of `unicodeLetters` is spelled in the encoding, nil where it has none.
    private var legacySpellings: [String?] {
        switch self {
        case .tcvn3:
            // ABC has codes for lowercase letters and for the seven capitals with a modifier;
            // other capitals were typed with the capital-only font ".VnTimeH" and cannot be told apart.
            let lowercase = "µ¸©·ÌÐª×Ýßã«âïóý¨®Üò¬\u{AD}¹¶ÊÇÈÉË¾»¼½ÆÑÎÏÕÒÓÔÖØÞäáèåæçéíêëìîôñøõö÷ùúþûü"
            let capitals: [Character: String] = ["Â": "¢", "Ê": "£", "Ô": "¤", "Ă": "¡", "Đ": "§", "Ơ": "¥", "Ư": "¦"]
            let lower = lowercase.map { String($0) as String? }
            let upper = Self.unicodeLetters.dropFirst(lower.count).map { capitals[$0] }
            return lower + upper
        case .vni:
            let lowercase = [
                "aø", "aù", "aâ", "aõ", "eø", "eù", "eâ", "ì", "í", "oø", "où", "oâ", "oõ", "uø", "uù", "yù",
                "aê", "ñ", "ó", "uõ", "ô", "ö", "aï", "aû", "aá", "aà", "aå", "aã", "aä", "aé", "aè", "aú",
                "aü", "aë", "eï", "eû", "eõ", "eá", "eà", "eå", "eã", "eä", "æ", "ò", "oï", "oû", "oá", "oà",
                "oå", "oã", "oä", "ôù", "ôø", "ôû", "ôõ", "ôï", "uï", "uû", "öù", "öø", "öû", "öõ", "öï",
                "yø", "î", "yû", "yõ",
            ]
            return (lowercase + lowercase.map { $0.uppercased() }).map { $0 }
        }
    }

    private typealias DecodingIndex = [Character: [(legacy: [Character], letter: Character)]]

    /// Legacy spellings by their first character, longest first, built once per encoding.
    private static let decodingIndexes: [LegacyEncoding: DecodingIndex] = Dictionary(
        uniqueKeysWithValues: allCases.map { encoding in
            let entries = zip(encoding.legacySpellings, unicodeLetters)
                .compactMap { spelling, letter in spelling.map { (legacy: Array($0), letter: letter) } }
                .sorted { $0.legacy.count > $1.legacy.count }
            return (encoding, Dictionary(grouping: entries, by: { $0.legacy[0] }))
        })

    /// Whether the run shows a trace of a legacy encoding: a character Unicode Vietnamese never
    /// uses, or a VNI mark code after a vowel ("caùc", "coâng"), which no Unicode spelling has.
    private static func showsLegacyTraces(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            // Every trace is a Latin-1 code from 0xA0 up; plain ASCII is skipped at once.
            guard scalar.value >= 0xA0 else { continue }
            if telltales.contains(scalar) { return true }
            if vniVowels.contains(previous), vniToneCodes.contains(scalar) { return true }
            if "aeoAEO".unicodeScalars.contains(previous), "âÂ".unicodeScalars.contains(scalar) { return true }
            if "aA".unicodeScalars.contains(previous), "êÊ".unicodeScalars.contains(scalar) { return true }
        }
        return false
    }

    private static let vniVowels = Set("aeouyôöAEOUYÔÖ".unicodeScalars)
    private static let vniToneCodes = Set("ùøûõïåäëüÙØÛÕÏÅÄËÜ".unicodeScalars)

    /// Characters that occur in legacy text but never in Vietnamese written in Unicode.
    private static let telltales = Set<Unicode.Scalar>("¸µ¶·¹¨¾»¼½Æ©ÇËÐÎÏÑªÖ×ØÜÞßäåæç«ëîñö÷ûüþ®\u{AD}¬¦¥¤£¢¡§øïÅÄÛ".unicodeScalars)

    /// The text read back as Vietnamese: "Tr¸ch nhiÖm" → "Trách nhiệm" (TCVN3).
    public func decode(_ text: String) -> String {
        let byFirst = Self.decodingIndexes[self]!
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            let match = byFirst[characters[index]]?.first { entry in
                index + entry.legacy.count <= characters.count
                    && characters[index..<index + entry.legacy.count].elementsEqual(entry.legacy)
            }
            if let match {
                result.append(match.letter)
                index += match.legacy.count
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }

    /// The text as the legacy font would have stored it; throws on a letter the encoding lacks.
    public func encode(_ text: String) throws(LegacyEncodingError) -> String {
        let table = Dictionary(uniqueKeysWithValues: zip(Self.unicodeLetters, legacySpellings))
        var result = ""
        for character in text.precomposedStringWithCanonicalMapping {
            switch table[character] {
            case .some(.some(let spelling)): result += spelling
            case .some(.none): throw LegacyEncodingError.unencodable(character, self)
            case .none: result.append(character)
            }
        }
        return result
    }

    /// The encoding this run of text was typed in, or nil when it reads as Unicode already.
    ///
    /// A run is taken for legacy text when decoding it turns clearly more of its words into
    /// Vietnamese syllables: clean Unicode text gains nothing from decoding, so it is never touched.
    public static func detect(_ text: String) -> LegacyEncoding? {
        guard showsLegacyTraces(text) else { return nil }
        let original = syllableShare(text)
        let candidates = allCases.compactMap { encoding -> (LegacyEncoding, Double)? in
            let decoded = encoding.decode(text)
            guard decoded != text else { return nil }
            return (encoding, syllableShare(decoded))
        }
        guard let best = candidates.max(by: { $0.1 < $1.1 }),
              best.1 >= 0.3, best.1 >= original + 0.15 else { return nil }
        return best.0
    }

    /// The share of words that are well-formed Vietnamese syllables with some mark on them.
    private static func syllableShare(_ text: String) -> Double {
        let words = text.split(whereSeparator: { $0.isWhitespace })
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }
            .filter { $0.contains(where: \.isLetter) }
        guard !words.isEmpty else { return 0 }
        return words.reduce(0) { $0 + syllableScore($1) } / Double(words.count)
    }

    /// 1 for a well-formed syllable with a mark, 0.5 for one without (it reads the same in every
    /// encoding), 0 for anything else.
    static func syllableScore(_ word: String) -> Double {
        guard VietnameseSyllable.isWellFormed(word) else { return 0 }
        return word.hasVietnameseMarks ? 1 : 0.5
    }
}

public enum LegacyEncodingError: Error, Equatable, CustomStringConvertible {
    case unencodable(Character, LegacyEncoding)

    public var description: String {
        switch self {
        case .unencodable(let character, let encoding):
            "\"\(character)\" has no code in \(encoding.rawValue); \(encoding.rawValue) writes such capitals with a capital-only font"
        }
    }
}
