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
        /// The least confidence of OCR in the words of the paragraph or cell the line is
        /// from; nil for text that OCR did not read.
        var confidence: Double? = nil
    }

    var lines: [Line] = []

    init(_ document: SourceDocument, skippingTables skipped: Set<Int>) {
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                append(paragraph.labeledText, block: index, column: nil, confidence: paragraph.provenance.ocrConfidence)
            case .table(let table) where !skipped.contains(index):
                for column in 0..<table.columnCount {
                    for row in table.rows {
                        for cell in row.cells where cell.column == column {
                            append(cell.text, block: index, column: column, confidence: cell.provenance.ocrConfidence)
                        }
                    }
                }
            case .table:
                continue
            }
        }
    }

    private mutating func append(_ text: String, block: Int, column: Int?, confidence: Double?) {
        for line in CellText.clean(text).split(separator: "\n") {
            for piece in LetterheadColumns.split(line) {
                lines.append(Line(text: String(piece), block: block, column: column, confidence: confidence))
            }
        }
    }
}

/// A letterhead's two columns run together on one line when a PDF text layer or OCR reads
/// across the page: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 52/KH-UBND Hòa
/// Bình, ngày 12 tháng 02 năm 2026". The right column always opens with the national motto
/// or with the place and date, so the line is cut there.
enum LetterheadColumns {
    private static let rightOpeners = DocumentWords.letterheadRightOpeners.map { Array($0.utf8) }

    /// Whether the bytes hold `needle`: a plain scan, which for a word of a few bytes costs
    /// less than any general search.
    private static func contains(_ bytes: Substring.UTF8View, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var index = bytes.startIndex
        while let start = bytes[index...].firstIndex(of: first) {
            if bytes[start...].starts(with: needle) { return true }
            index = bytes.index(after: start)
        }
        return false
    }

    static func split(_ line: Substring) -> [Substring] {
        // Nearly every line has neither; looking for them costs more than the line.
        guard line.hasPrefix(DocumentWords.numberLineOpener)
                || rightOpeners.contains(where: { contains(line.utf8, $0) }) else { return [line] }
        if let match = line.wholeMatch(of: DocumentWords.numberThenPlace) { return [match.1, match.2] }
        if let cut = line.firstMatch(of: DocumentWords.letterheadRightColumn), cut.range.lowerBound > line.startIndex {
            let left = line[..<cut.range.lowerBound].trimmingCharacters(in: .whitespaces)
            let right = line[cut.range.upperBound...]
            return left.isEmpty ? [right] : [Substring(left), right]
        }
        return [line]
    }
}
