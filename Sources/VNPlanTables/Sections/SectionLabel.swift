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

    /// Opens a section; a label of a style already open closes everything below it.
    mutating func enter(_ label: SectionLabel) -> String {
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
