/// One line of an earlier extraction, with the page it is on (form feeds separate pages;
/// without any, pages are unknown) and what its shape says it is.
struct TextLine: Equatable {
    enum Kind: Equatable {
        case blank
        /// Only "|": the pipe-table form, where each cell follows a "|" line.
        case pipe
        /// Starts with a tab (after optional spaces): one cell of a table whose cells are
        /// written one per line (text copied out of a Word table).
        case cell
        /// Tabs between cells on one line: a whole table row (markdown or PDF conversions).
        case row
        case text
    }

    let text: String
    let page: Int?
    let kind: Kind

    init(text: String, page: Int?) {
        self.text = text
        self.page = page
        kind = Self.kind(of: text)
    }

    private static func kind(of text: String) -> Kind {
        let trimmed = text.drop { $0 == " " }
        if trimmed.isEmpty { return .blank }
        if trimmed.allSatisfy({ $0 == "|" || $0 == " " }) && trimmed.first == "|" { return .pipe }
        let tabs = text.utf8.count { $0 == 0x09 }
        if tabs == 0 { return text.allSatisfy(\.isWhitespace) ? .blank : .text }
        if trimmed.first == "\t" && tabs == 1 { return .cell }
        if trimmed.first == "\t" || tabs >= 2 { return .row }
        // One tab after some text: the text is a first cell written without its tab.
        return trimmed.prefix { $0 != "\t" }.allSatisfy(\.isWhitespace) ? .cell : .row
    }

    /// Splits decoded text into lines. A form feed starts a new page.
    static func lines(of text: String) -> [TextLine] {
        let paged = text.utf8.contains(0x0C)
        var page = 1
        var lines: [TextLine] = []
        for raw in rawLines(of: text) {
            var line = raw
            while paged, let feed = line.firstIndex(of: "\u{0C}") {
                let before = line[..<feed]
                if !before.allSatisfy(\.isWhitespace) {
                    lines.append(TextLine(text: String(before), page: paged ? page : nil))
                }
                page += 1
                line = line[line.index(after: feed)...]
            }
            lines.append(TextLine(text: String(line), page: paged ? page : nil))
        }
        return lines
    }

    /// The text cut at "\n", "\r\n" and "\r", looking at bytes: splitting by characters
    /// (grapheme clusters) cost more than the rest of reading.
    private static func rawLines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = bytes.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = bytes.index(after: index)
            if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { index = bytes.index(after: index) }
            start = index
        }
        lines.append(text[start...])
        return lines
    }
}
