/// Repairs line breaks inside one paragraph or table cell.
///
/// Extraction breaks lines where the page wrapped them: inside a syllable ("thủ tụ" / "c"),
/// after a hyphen ("chín-" / "h"), or between words. Breaks that carry structure — a list item
/// ("- ", "+ ", "a) ", "1. ") or a new sentence after ".", ":" or ";" — stay.
enum LineJoining {
    /// Joins the pieces of syllables and hyphenated words broken across lines. Safe on any text:
    /// it only joins when the two pieces make one syllable (marked or not) and one of them alone
    /// is none.
    static func joiningBrokenWords(_ text: String) -> String {
        join(text) { line, next in
            let head = leadingWord(of: next)
            guard let first = head.first, first.isLowercase, !startsListItem(next) else { return nil }
            let tail = trailingWord(of: line)
            guard !tail.isEmpty else { return nil }
            let joined = String(tail) + String(head)
            if line.hasSuffix("-"), line.dropLast().last?.isLetter == true {
                return VietnameseSyllable.isPossibleSyllable(joined) ? .without : nil
            }
            let brokenPiece = !VietnameseSyllable.isPossibleSyllable(tail) || !VietnameseSyllable.isPossibleSyllable(head)
            return brokenPiece && VietnameseSyllable.isPossibleSyllable(joined) ? .without : nil
        }
    }

    /// Also turns the line breaks of wrapped text into spaces: a line that does not end a
    /// sentence, followed by one that starts in lowercase and is no list item.
    static func joiningWrappedLines(_ text: String) -> String {
        join(joiningBrokenWords(text)) { line, next in
            guard let first = next.first(where: { !$0.isWhitespace }), first.isLowercase,
                  !startsListItem(next), let last = line.last(where: { !$0.isWhitespace }),
                  !".:;!?".contains(last) else { return nil }
            return .space
        }
    }

    private enum Joint { case without, space }

    /// Applies `joint` to every pair of neighbouring lines; nil keeps the line break.
    private static func join(_ text: String, joint: (Substring, Substring) -> Joint?) -> String {
        guard text.contains("\n") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result = String(lines[0])
        for (line, next) in zip(lines, lines.dropFirst()) {
            switch joint(line, next) {
            case .without:
                if result.hasSuffix("-") { result.removeLast() }
                result += next.drop(while: \.isWhitespace)
            case .space:
                while result.last?.isWhitespace == true { result.removeLast() }
                result += " " + next.drop(while: \.isWhitespace)
            case nil:
                result += "\n" + next
            }
        }
        return result
    }

    private static func trailingWord(of line: Substring) -> Substring {
        let trimmed = line.hasSuffix("-") ? line.dropLast() : line
        let start = trimmed.lastIndex(where: { !$0.isLetter }).map(trimmed.index(after:)) ?? trimmed.startIndex
        return trimmed[start...]
    }

    private static func leadingWord(of line: Substring) -> Substring {
        line.prefix(while: \.isLetter)
    }

    /// "- ", "+ ", "• ", "a) ", "b. ", "1. ", "2) ", "IV. " start list items.
    static func startsListItem(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: \.isWhitespace)
        if let first = trimmed.first, "-+•*–".contains(first) { return true }
        let label = trimmed.prefix(while: { $0.isLetter || $0.isNumber })
        guard !label.isEmpty, label.count <= 4 else { return false }
        let after = trimmed.dropFirst(label.count)
        guard let mark = after.first, ".)".contains(mark) else { return false }
        return label.allSatisfy(\.isNumber) || label.count == 1 || label.allSatisfy { "IVXLivxl".contains($0) }
    }
}
