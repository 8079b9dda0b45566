/// How plans label their parts and list items: "I.", "A", "1.2", "b)", bullets, and the
/// "(1) (2) (3)" row that numbers a table's columns.
enum ListLabels {
    /// A label alone: "II", "B.", "1.2", "b)".
    nonisolated(unsafe) static let label = /(?<label>[IVXLC]+|[A-ZĐ]|\d+(?:\.\d+)*|[a-zđ])[\.\):]?/
    /// A label that starts a line: "II. THỰC HIỆN …", or "I.NHIỆM VỤ" as typed or read by
    /// OCR without the space, when a capitalised word follows the point.
    nonisolated(unsafe) static let leadingLabel =
        /(?<label>[IVXLC]+|[A-ZĐ]|\d+(?:\.\d+)*|[a-zđ])(?:[\.\)]\s+|\.(?=\p{Lu}\p{L}))(?<rest>.+)/
    /// Roman numerals; alone, only "I", "V" and "X" are numerals rather than letters.
    static let romanDigits = "IVXLC"
    static let romanLetters = "IVX"
    /// "(3)", "6 = 4 + 5": a cell of the row numbering the columns.
    nonisolated(unsafe) static let columnNumber = /^\(?(?<number>\d{1,2})\)?(\s*=\s*[\d\s\+\-x\*\/\(\)]+)?$/
    /// A bullet before an output.
    nonisolated(unsafe) static let bullet = /[-+•]\s*/
    /// A bullet before a unit: "- ", "* ", or a dash run into the name.
    nonisolated(unsafe) static let unitBullet = /[-+•–*]\s+|[-+•]/
}
