/// The six tones of Vietnamese, in the order of the rows of `VietnameseAlphabet.vowelRows`.
public enum Tone: Int, Sendable, CaseIterable {
    case level, grave, acute, hook, tilde, dot
}

/// A letter seen as Vietnamese writes it: a base letter that may carry a vowel modifier
/// (ă â ê ô ơ ư đ), plus at most one tone mark.
struct VietnameseLetter: Equatable {
    /// The letter without its tone, in the case it was written: "ế" → "ê", "Ở" → "Ơ".
    var base: Character
    var tone: Tone
}

enum VietnameseAlphabet {
    /// Each row is one toneless vowel followed by its five toned forms, in `Tone` order.
    static let vowelRows = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ]

    /// Toneless letters with a modifier, and the ASCII letter they fold to.
    private static let modifiedLetters: [Character: Character] = [
        "ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d",
        "Ă": "A", "Â": "A", "Ê": "E", "Ô": "O", "Ơ": "O", "Ư": "U", "Đ": "D",
    ]

    private static let letters: [Character: VietnameseLetter] = {
        var table: [Character: VietnameseLetter] = [:]
        for row in vowelRows {
            for casedRow in [row, row.uppercased()] {
                let forms = Array(casedRow)
                for (index, form) in forms.enumerated() {
                    table[form] = VietnameseLetter(base: forms[0], tone: Tone(rawValue: index)!)
                }
            }
        }
        return table
    }()

    private static let toned: [Character: [Character]] = {
        var table: [Character: [Character]] = [:]
        for row in vowelRows {
            for casedRow in [row, row.uppercased()] {
                let forms = Array(casedRow)
                table[forms[0]] = forms
            }
        }
        return table
    }()

    /// The letter's base and tone; consonants and non-Vietnamese characters have a level tone.
    static func letter(_ character: Character) -> VietnameseLetter {
        letters[character] ?? VietnameseLetter(base: character, tone: .level)
    }

    /// "ê" + acute → "ế"; nil for a base that cannot carry a tone.
    static func compose(_ base: Character, _ tone: Tone) -> Character? {
        if tone == .level { return base }
        return toned[base]?[tone.rawValue]
    }

    static func isVowel(_ character: Character) -> Bool {
        letters[character] != nil
    }

    /// The ASCII letter under all marks: "ặ" → "a", "Đ" → "D"; other characters unchanged.
    static func folded(_ character: Character) -> Character {
        let base = letter(character).base
        return modifiedLetters[base] ?? base
    }

    /// Combining diacritical marks: what decomposed text writes after a letter.
    static let combiningMarks: ClosedRange<UInt32> = 0x0300...0x036F

    /// `folded` by Unicode scalar, for the hot loops of training and decoding.
    static let foldedScalars: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        for character in Array(letters.keys) + Array(modifiedLetters.keys) {
            guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                  let folded = folded(character).unicodeScalars.first else { continue }
            table[scalar.value] = folded
        }
        return table
    }()
}

extension StringProtocol {
    /// The text with every Vietnamese mark removed, đ as d: "Được" → "Duoc". Keeps everything else.
    public var vietnameseFolded: String {
        String(String.UnicodeScalarView(unicodeScalars.lazy.map(foldedScalar)))
    }

    /// The syllable without its tone mark, modifiers kept: "được" → "đươc".
    var toneless: String {
        String(map { VietnameseAlphabet.letter($0).base })
    }

    /// Whether some character carries a Vietnamese mark. By scalar, as the restorer asks it of
    /// every word: a precomposed marked letter, or a combining mark left by a decomposed one.
    var hasVietnameseMarks: Bool {
        guard utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return unicodeScalars.contains { scalar in
            scalar.value >= 0xC0 && (VietnameseAlphabet.foldedScalars[scalar.value] != nil
                                     || VietnameseAlphabet.combiningMarks.contains(scalar.value))
        }
    }
}

/// Folding by scalar: precomposed Vietnamese letters are single scalars after NFC, so this is
/// the fast path for training and decoding; a decomposed letter keeps its combining mark.
private func foldedScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    guard scalar.value >= 0xC0 else { return scalar }
    return VietnameseAlphabet.foldedScalars[scalar.value] ?? scalar
}
