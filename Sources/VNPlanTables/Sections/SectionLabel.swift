import Foundation

/// The label of a group or task row: "I.", "A", "1.2", "b)".
struct SectionLabel: Equatable {
    enum Style: Equatable {
        case upperLetter
        case upperRoman
        /// Decimal with `depth` parts: "1" is 1, "1.2" is 2.
        case decimal(depth: Int)
        case lowerLetter

        /// Styles that in plan tables mark groups rather than tasks.
        var isGroupStyle: Bool {
            switch self {
            case .upperLetter, .upperRoman: true
            default: false
            }
        }
    }

    var style: Style
    /// The label without its trailing punctuation: "II", "1.2", "b".
    var number: String

    init(style: Style, number: String) {
        self.style = style
        self.number = number
    }

    init?(_ raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let match = trimmed.wholeMatch(of: ListLabels.label) else {
            return nil
        }
        number = String(match.label)
        if number.allSatisfy({ ListLabels.romanDigits.contains($0) }) && (number.count > 1 || ListLabels.romanLetters.contains(number)) {
            style = .upperRoman
        } else if number.first!.isUppercase {
            style = .upperLetter
        } else if number.first!.isNumber {
            style = .decimal(depth: number.split(separator: ".").count)
        } else {
            style = .lowerLetter
        }
    }

    /// A label that starts a line of text, and the rest: "II. THỰC HIỆN …" → ("II", "THỰC HIỆN …").
    static func leading(_ text: String) -> (SectionLabel, String)? {
        guard let match = text.prefixMatch(of: ListLabels.leadingLabel),
              let label = SectionLabel(String(match.label)) else { return nil }
        return (label, String(match.rest))
    }
}

/// The open sections while reading a table top to bottom, to give each a unique path.
struct SectionOutline {
    private var open: [(style: SectionLabel.Style, path: String)] = []
    /// The document was read by OCR, which reads a bold "I." alone in a cell as "L." or "i."
    /// and "II." as "H.".
    let readByOCR: Bool
    /// The last roman numeral entered, opened or since closed.
    private var lastRoman = 0

    init(readByOCR: Bool = false) {
        self.readByOCR = readByOCR
    }

    /// The label as printed: in an OCR reading, a letter that looks like the roman numeral
    /// due next ("H." after "I.", "L." before any) is that numeral, and so is a numeral that
    /// is not the one due but looks like it ("IL." after "I." is "II.").
    func resolving(_ label: SectionLabel) -> SectionLabel {
        let misreadNumeral = label.style == .upperRoman
            && RomanNumeral.value(of: label.number) != lastRoman + 1
        guard readByOCR, label.style == .upperLetter || label.style == .lowerLetter || misreadNumeral,
              let numeral = RomanNumeral.lookalike(of: label.number),
              RomanNumeral.value(of: numeral) == lastRoman + 1 else { return label }
        return SectionLabel(style: .upperRoman, number: numeral)
    }

    /// Opens a section; a label of a style already open closes everything below it.
    mutating func enter(_ label: SectionLabel) -> String {
        if label.style == .upperRoman, let value = RomanNumeral.value(of: label.number) { lastRoman = value }
        if let level = open.firstIndex(where: { $0.style == label.style }) {
            open.removeSubrange(level...)
        }
        // "1.6" under an open "1" continues it: the path is "….1.6", not "….1.1.6".
        let path = Self.join(open.last?.path, label.number)
        open.append((label.style, path))
        return path
    }

    var path: String? { open.last?.path }

    /// A number under a section path, without repeating what the path already says:
    /// "1.2" under "III.1" is "III.1.2", not "III.1.1.2".
    static func join(_ section: String?, _ number: String) -> String {
        guard let section else { return number }
        let outer = section.split(separator: "."), inner = number.split(separator: ".")
        let overlap = (0...min(outer.count, inner.count - 1)).last { k in
            outer.suffix(k).elementsEqual(inner.prefix(k))
        } ?? 0
        return (outer + inner.dropFirst(overlap)).joined(separator: ".")
    }
}

/// Roman numerals of section labels, and the letters OCR reads in their place.
enum RomanNumeral {
    private static let digits: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]

    /// "XIV" → 14; nil when the text is not a numeral of at most four characters.
    static func value(of numeral: String) -> Int? {
        guard (1...4).contains(numeral.count) else { return nil }
        let values = numeral.compactMap { digits[$0] }
        guard values.count == numeral.count else { return nil }
        return zip(values, values.dropFirst() + [0]).reduce(0) { $0 + ($1.0 < $1.1 ? -$1.0 : $1.0) }
    }

    /// Strokes OCR reads in place of a serif "I" ("L", "l", "i", "|", "1"), and "H" for "II".
    private static let lookalikes: [Character: String] = [
        "I": "I", "L": "I", "l": "I", "i": "I", "|": "I", "1": "I", "H": "II", "V": "V", "X": "X",
    ]

    /// The numeral a misread label stands for: "H" → "II", "L" → "I".
    static func lookalike(of label: String) -> String? {
        let strokes = label.map { lookalikes[$0] }
        guard !strokes.contains(nil) else { return nil }
        let numeral = strokes.compactMap { $0 }.joined()
        return value(of: numeral) == nil ? nil : numeral
    }
}
