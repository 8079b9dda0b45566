/// The shape of a Vietnamese syllable: onset consonant(s) + rhyme (vowel nucleus + coda) + tone.
///
/// Vietnamese writes one syllable per word and the inventory of onsets and rhymes is closed, so a
/// token can be checked for being a possible syllable without any dictionary. The legacy-encoding
/// detector and the tone-mark placement rely on that.
enum VietnameseSyllable {
    /// Onsets, longest first so "ngh" is tried before "ng" and "n".
    static let onsets = [
        "ngh", "ng", "gh", "gi", "kh", "ph", "th", "tr", "ch", "nh", "qu",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ]

    /// Every toneless rhyme of standard orthography (nucleus + coda), lowercase.
    static let rhymes: Set<String> = {
        let groups = [
            "a ai ao au ay ac ach am an ang anh ap at",
            "ăc ăm ăn ăng ăp ăt",
            "âc âm ân âng âp ât âu ây",
            "e eo ec em en eng ep et",
            "ê êch êm ên ênh êp êt êu",
            "i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu",
            "o oc oi om on ong op ot oong ooc",
            "oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt",
            "oe oen oet oeo oem",
            "ô ôc ôi ôm ôn ông ôp ôt",
            "ơ ơi ơm ơn ơp ơt",
            "u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uơ",
            "uy uya uych uyên uyêt uyn uynh uyp uyt uyu",
            "uôc uôi uôm uôn uông uôt",
            "ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu",
            "y yêm yên yêt yêu",
        ]
        return Set(groups.flatMap { $0.split(separator: " ").map(String.init) })
    }()

    /// The onset of a lowercase toneless syllable, or nil when it is no Vietnamese syllable.
    /// "gi" and "qu" are onsets only when a rhyme follows ("gì" is g + i).
    static func onset(ofToneless syllable: String) -> String? {
        for onset in onsets where syllable.hasPrefix(onset) {
            let rhyme = String(syllable.dropFirst(onset.count))
            if rhymes.contains(rhyme) { return onset }
            if onset == "gi", rhyme.isEmpty || rhymes.contains("i" + rhyme) { return onset }
        }
        return nil
    }

    /// Whether the word (any case, any tone) is a possible Vietnamese syllable.
    static func isWellFormed<S: StringProtocol>(_ word: S) -> Bool {
        let toneless = word.lowercased().toneless
        guard toneless.count <= 7, toneless.allSatisfy(\.isLetter) else { return false }
        return onset(ofToneless: toneless) != nil && toneCount(word) <= 1
    }

    /// Rhymes as they are written without diacritics: "iem", "uong".
    private static let foldedRhymes = Set(rhymes.map(\.vietnameseFolded))

    /// Whether the word is a syllable, or one with its diacritics lost ("nhiem", "duoc"): what
    /// OCR without Vietnamese data and typing without marks leave.
    static func isPossibleSyllable<S: StringProtocol>(_ word: S) -> Bool {
        if isWellFormed(word) { return true }
        let folded = word.lowercased().vietnameseFolded
        guard folded.count <= 7, folded.allSatisfy(\.isLetter) else { return false }
        return onsets.contains { onset in
            folded.hasPrefix(onset.vietnameseFolded) && foldedRhymes.contains(String(folded.dropFirst(onset.count)))
        }
    }

    private static func toneCount<S: StringProtocol>(_ word: S) -> Int {
        word.reduce(0) { $0 + (VietnameseAlphabet.letter($1).tone == .level ? 0 : 1) }
    }

    /// Only a word with a mark and two vowels side by side ("hoà", "thuý", "quả") may have a
    /// choice of where its tone mark goes; the rest are left without the full analysis, which
    /// runs over every word of every document.
    private static func mayPlaceToneElsewhere(_ word: String) -> Bool {
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        var previousIsVowel = false
        for character in word {
            let isVowel = VietnameseAlphabet.isVowel(Character(VietnameseAlphabet.letter(character).base.lowercased()))
            if isVowel && previousIsVowel { return true }
            previousIsVowel = isVowel
        }
        return false
    }

    /// The syllable with its tone mark on the vowel that `style` prescribes; unchanged when it is
    /// not a well-formed syllable, carries no tone, or `style` is `.keep`.
    static func placingTone(_ syllable: String, style: NormalizerConfiguration.ToneMarkStyle) -> String {
        guard style != .keep, mayPlaceToneElsewhere(syllable),
              syllable.contains(where: { VietnameseAlphabet.letter($0).tone != .level }) else {
            return syllable
        }
        let letters = syllable.map(VietnameseAlphabet.letter)
        let tones = letters.map(\.tone).filter { $0 != .level }
        guard tones.count == 1, let tone = tones.first else { return syllable }
        let toneless = String(letters.map(\.base))
        guard let onset = onset(ofToneless: toneless.lowercased()) else { return syllable }

        let bases = letters.map(\.base)
        let lowered = bases.map { Character($0.lowercased()) }
        // "gi" + vowel: the i belongs to the onset ("giữa"); without a vowel after it, the i is
        // the nucleus ("gì", "gìn").
        let vowelAfterGi = lowered.dropFirst(2).contains(where: VietnameseAlphabet.isVowel)
        let onsetLength = onset == "gi" && !vowelAfterGi ? 1 : onset.count
        let vowelIndices = lowered.indices.dropFirst(onsetLength).filter { VietnameseAlphabet.isVowel(lowered[$0]) }
        guard let first = vowelIndices.first else { return syllable }
        let hasCoda = (vowelIndices.last! + 1) < lowered.count
        let nucleus = String(vowelIndices.map { lowered[$0] })

        let target: Int
        if let modified = vowelIndices.last(where: { "ăâêôơư".contains(lowered[$0]) }) {
            target = modified
        } else if hasCoda || vowelIndices.count == 3 {
            target = hasCoda ? vowelIndices.last! : vowelIndices[1]
        } else if vowelIndices.count == 2 {
            let secondIsNucleus = ["oa", "oe", "uy"].contains(nucleus) && style == .new
            target = secondIsNucleus ? vowelIndices[1] : first
        } else {
            target = first
        }
        var result = bases
        guard let marked = VietnameseAlphabet.compose(bases[target], tone) else { return syllable }
        result[target] = marked
        return String(result)
    }
}
