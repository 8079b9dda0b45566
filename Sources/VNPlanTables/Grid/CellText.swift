/// Cell and paragraph text as a plan keeps it: lines trimmed, runs of spaces collapsed,
/// empty lines dropped. Wording is never changed.
enum CellText {
    static func clean(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// One line: paragraphs of a cell joined by a space (titles, names).
    static func singleLine(_ text: String) -> String {
        clean(text).replacingOccurrences(of: "\n", with: " ")
    }
}
