import VNPlanModel

/// The text of a box (a table cell, a column of a borderless table) from its lines: lines
/// that a renderer wrapped are joined with a space, the document's own line breaks kept
/// as `\n`.
///
/// A line was wrapped when the first word of the next line would not have fitted at its end;
/// it was broken by the writer when it stops short, or when the next line opens a list item.
enum WrappedText {
    /// `width` is the room the text had (a cell's inner width); by default the widest line's.
    /// `wordSpace` is the page's usual space between words (`PageScale.wordSpace`).
    static func text(of lines: [TextLine], width: Double? = nil, wordSpace: Double = 0) -> String {
        guard let first = lines.first else { return "" }
        let room = width ?? lines.map(\.box.width).max() ?? first.box.width
        var text = first.text
        for (previous, line) in zip(lines, lines.dropFirst()) {
            text += isBreak(after: previous, before: line, room: room, wordSpace: wordSpace) ? "\n" : " "
            text += line.text
        }
        return text
    }

    /// Widths, not edges, so that centred lines are judged as well as left-aligned ones.
    private static func isBreak(after previous: TextLine, before line: TextLine, room: Double,
                                wordSpace: Double) -> Bool {
        guard let nextWord = line.firstWord else { return false }
        // "Phòng Văn hóa / - Xã hội" is a wrap; "…10/8/2026; / - Trung tâm…" a new item.
        if opensListItem(nextWord.text), let end = previous.words.last?.text.last, ".;:!?".contains(end) { return true }
        let space = max(TextLine.spaceFraction * previous.lineHeight * 2, wordSpace)
        return previous.box.width + space + nextWord.box.width < room - space
    }

    /// "-", "+", "•", "a)", "1.", "2)": the marks a list item opens with.
    static func opensListItem(_ word: String) -> Bool {
        if ["-", "–", "—", "+", "•", "*", "·"].contains(word) { return true }
        guard let last = word.last, last == ")" || last == ".", word.count <= 4 else { return false }
        let body = word.dropLast()
        return !body.isEmpty && (body.allSatisfy(\.isNumber) || (body.count == 1 && body.allSatisfy(\.isLetter) && body.allSatisfy(\.isLowercase)))
    }
}
