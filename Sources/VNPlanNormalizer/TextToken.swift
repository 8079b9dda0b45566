/// One piece of a line as the restorer and the language model see it.
struct TextToken: Equatable {
    enum Kind: Equatable {
        /// A run of letters: a syllable, an abbreviation, a name, a foreign word.
        case word
        /// Anything with a digit in it, kept whole: "169/KH-UBND", "30/01/2026", "2.1.", "B6".
        case code
        /// One punctuation or symbol character.
        case symbol
        /// Spaces and tabs between the others, kept as they were.
        case space
    }

    var text: Substring
    var kind: Kind

    /// Splits a line (no newlines) into tokens that concatenate back to the line exactly.
    /// Works on Unicode scalars with an ASCII fast path: it runs over every line of the corpus.
    static func tokens(of line: Substring) -> [TextToken] {
        let scalars = line.unicodeScalars
        var tokens: [TextToken] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if ScalarClass(scalars[index]) == .space {
                let end = scalars[index...].firstIndex { ScalarClass($0) != .space } ?? scalars.endIndex
                tokens.append(TextToken(text: line[index..<end], kind: .space))
                index = end
                continue
            }
            let chunkEnd = scalars[index...].firstIndex { ScalarClass($0) == .space } ?? scalars.endIndex
            let chunk = scalars[index..<chunkEnd]
            // A chunk with a digit is a number or a code: its letters are no syllables.
            if chunk.contains(where: { ScalarClass($0) == .digit }) {
                tokens.append(TextToken(text: line[index..<chunkEnd], kind: .code))
            } else {
                var start = index
                while start < chunkEnd {
                    if ScalarClass(scalars[start]) == .letter {
                        let end = scalars[start..<chunkEnd].firstIndex { ScalarClass($0) != .letter } ?? chunkEnd
                        tokens.append(TextToken(text: line[start..<end], kind: .word))
                        start = end
                    } else {
                        let end = scalars.index(after: start)
                        tokens.append(TextToken(text: line[start..<end], kind: .symbol))
                        start = end
                    }
                }
            }
            index = chunkEnd
        }
        return tokens
    }

    /// The language model's token for this one: words lowercased, codes as one class,
    /// punctuation as itself; nil for spaces and for symbols such as markdown `**` or table
    /// pipes, which say nothing about the next syllable.
    var modelToken: String? {
        switch kind {
        case .word: text.lowercased()
        case .code: LanguageModelVocabulary.number
        case .symbol: LanguageModelVocabulary.punctuation.contains(text) ? String(text) : nil
        case .space: nil
        }
    }
}

/// What a scalar is to the tokenizer; combining marks belong to the letter before them.
enum ScalarClass: Equatable {
    case space, letter, digit, other

    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A: self = .letter
        case 0x30...0x39: self = .digit
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: self = .space
        case 0..<0x80: self = .other
        // Latin letters with marks, Vietnamese ones included, and combining marks: most of
        // the non-ASCII text the restorer sees, answered without a Unicode property lookup.
        case 0xC0...0x24F where scalar.value != 0xD7 && scalar.value != 0xF7: self = .letter
        case 0x1EA0...0x1EF9, VietnameseAlphabet.combiningMarks: self = .letter
        default:
            let properties = scalar.properties
            if properties.isWhitespace { self = .space }
            else if properties.isAlphabetic || properties.generalCategory == .nonspacingMark { self = .letter }
            else if properties.numericType != nil { self = .digit }
            else { self = .other }
        }
    }
}
