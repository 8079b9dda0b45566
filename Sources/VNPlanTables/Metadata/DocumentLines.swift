import Foundation
import VNPlanModel

/// The document's text as lines in reading order, for the metadata rules. Layout tables
/// (letterhead, signature) are read column by column, the way the eye reads them.
struct DocumentLines {
    struct Line: Equatable {
        var text: String
        /// Index of the block the line comes from.
        var block: Int
        /// Grid column, for lines from a layout table.
        var column: Int?
    }

    var lines: [Line] = []

    init(_ document: SourceDocument, skippingTables skipped: Set<Int>) {
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                append(paragraph.labeledText, block: index, column: nil)
            case .table(let table) where !skipped.contains(index):
                for column in 0..<table.columnCount {
                    for row in table.rows {
                        for cell in row.cells where cell.column == column {
                            append(cell.text, block: index, column: column)
                        }
                    }
                }
            case .table:
                continue
            }
        }
    }

    private mutating func append(_ text: String, block: Int, column: Int?) {
        for line in CellText.clean(MarkupText.strip(text)).split(separator: "\n") {
            for piece in LetterheadColumns.split(line) {
                lines.append(Line(text: String(piece), block: block, column: column))
            }
        }
    }
}

/// A letterhead's two columns run together on one line when a PDF text layer or OCR reads
/// across the page: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 52/KH-UBND Hòa
/// Bình, ngày 12 tháng 02 năm 2026". The right column always opens with the national motto
/// or with the place and date, so the line is cut there.
enum LetterheadColumns {
    nonisolated(unsafe) private static let rightColumn =
        /\s(?=CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do)/
    nonisolated(unsafe) private static let numberThenPlace = /^(Số:?\s*\S+)\s+(\S[^,]{1,40},\s*ngày\b.*)$/

    static func split(_ line: Substring) -> [Substring] {
        // Nearly every line has neither; looking for them costs more than the line.
        guard line.contains("CỘNG") || line.contains("Độc") || line.hasPrefix("Số") else { return [line] }
        if let match = line.wholeMatch(of: numberThenPlace) { return [match.1, match.2] }
        if let cut = line.firstMatch(of: rightColumn), cut.range.lowerBound > line.startIndex {
            let left = line[..<cut.range.lowerBound].trimmingCharacters(in: .whitespaces)
            let right = line[cut.range.upperBound...]
            return left.isEmpty ? [right] : [Substring(left), right]
        }
        return [line]
    }
}

/// Markup that earlier extractions leave in text: "## ", "**", "<b>", "<i>", "<p>".
enum MarkupText {
    // Built once: a regex literal is parsed again each time it is evaluated.
    nonisolated(unsafe) private static let tag = /<\/?(b|i|u|p|br|strong|em)\s*\/?>/.ignoresCase()
    nonisolated(unsafe) private static let heading = /(?m)^\s*#{1,6}\s+/

    static func strip(_ text: String) -> String {
        // Most text (every DOCX) has no markup; looking for it costs more than the text.
        guard text.contains(where: { $0 == "<" || $0 == "*" || $0 == "#" }) else { return text }
        var result = text.replacing(tag, with: "\n")
        result = result.replacingOccurrences(of: "**", with: "")
        return result.replacing(heading, with: "")
    }
}
