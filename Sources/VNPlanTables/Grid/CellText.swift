/// Cell and paragraph text as a plan keeps it: lines trimmed, runs of spaces collapsed,
/// empty lines dropped. Wording is never changed.
enum CellText {
    static func clean(_ text: String) -> String {
        guard !isClean(text) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// Most cells are clean already: no tab, no-break space or double space, no space or
    /// line break at either end or beside a line break. Looked for in the bytes, which costs
    /// far less than splitting the text into words.
    private static func isClean(_ text: String) -> Bool {
        var previous: UInt8 = 0x0A
        for byte in text.utf8 {
            let isSpace = byte == 0x20, isBreak = byte == 0x0A
            // A tab, or a no-break space (C2 A0 in UTF-8).
            if byte == 0x09 || previous == 0xC2 && byte == 0xA0 { return false }
            if (isSpace || isBreak) && (previous == 0x20 || previous == 0x0A) { return false }
            if isBreak && previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20 && previous != 0x0A
    }

    /// One line: paragraphs of a cell joined by a space (titles, names).
    static func singleLine(_ text: String) -> String {
        clean(text).replacingOccurrences(of: "\n", with: " ")
    }
}
