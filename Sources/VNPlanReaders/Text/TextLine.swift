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
        let tabs = text.count { $0 == "\t" }
        if tabs == 0 { return text.allSatisfy(\.isWhitespace) ? .blank : .text }
        if trimmed.first == "\t" && tabs == 1 { return .cell }
        if trimmed.first == "\t" || tabs >= 2 { return .row }
        // One tab after some text: the text is a first cell written without its tab.
        return trimmed.prefix { $0 != "\t" }.allSatisfy(\.isWhitespace) ? .cell : .row
    }

    /// Splits decoded text into lines. A form feed starts a new page.
    static func lines(of text: String) -> [TextLine] {
        let paged = text.contains("\u{0C}")
        var page = 1
        var lines: [TextLine] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = Substring(raw)
            while let feed = line.firstIndex(of: "\u{0C}") {
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
}
