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
    static func tokens(of line: Substring) -> [TextToken] {
        var tokens: [TextToken] = []
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character.isWhitespace {
                let end = line[index...].firstIndex(where: { !$0.isWhitespace }) ?? line.endIndex
                tokens.append(TextToken(text: line[index..<end], kind: .space))
                index = end
                continue
            }
            let chunkEnd = line[index...].firstIndex(where: \.isWhitespace) ?? line.endIndex
            let chunk = line[index..<chunkEnd]
            // A chunk with a digit is a number or a code: its letters are no syllables.
            if chunk.contains(where: \.isNumber) {
                tokens.append(TextToken(text: chunk, kind: .code))
            } else {
                tokens.append(contentsOf: splitWords(chunk))
            }
            index = chunkEnd
        }
        return tokens
    }

    private static func splitWords(_ chunk: Substring) -> [TextToken] {
        var tokens: [TextToken] = []
        var index = chunk.startIndex
        while index < chunk.endIndex {
            if chunk[index].isLetter {
                let end = chunk[index...].firstIndex(where: { !$0.isLetter }) ?? chunk.endIndex
                tokens.append(TextToken(text: chunk[index..<end], kind: .word))
                index = end
            } else {
                let end = chunk.index(after: index)
                tokens.append(TextToken(text: chunk[index..<end], kind: .symbol))
                index = end
            }
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
