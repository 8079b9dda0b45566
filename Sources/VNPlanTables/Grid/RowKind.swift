import Foundation
import VNPlanModel

/// What a data row of a plan table is.
enum RowKind: Equatable {
    case task
    /// A group row ("I. KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"): it opens a section.
    case group(SectionLabel, title: String)
    /// "(1) (2) (3) …": the numbers of the columns, not data.
    case columnNumbers
    case repeatedHeader
    case empty
}

extension RowKind {
    /// Classifies a data row. `cells[column]` is the text of whatever cell covers that column
    /// in this row; `originColumns` are the columns where a cell of this row starts, so a
    /// title spanning the detail columns, or a lead merged down from above, is not the row's own.
    static func classify(cells: [Int: String], originColumns: Set<Int>, row: TableRow,
                         layout: TableLayout, columnCount: Int) -> RowKind {
        let own = row.cells.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
        if own.isEmpty { return .empty }
        if numbersTheColumns(own) { return .columnNumbers }
        if layout.isRepeatedHeader(row) { return .repeatedHeader }

        let detailsEmpty = layout.roles.allSatisfy { column, role in
            !ColumnRole.details.contains(role) || !originColumns.contains(column) || (cells[column] ?? "").isEmpty
        }
        guard detailsEmpty else { return .task }

        let numberText = layout.columns(for: .number).lazy.compactMap { cells[$0] }.first { !$0.isEmpty }
        let contentTexts = row.cells.map { CellText.singleLine($0.text) }.filter { !$0.isEmpty && $0 != numberText }
        let spansWide = row.cells.contains { $0.columnSpan * 2 >= columnCount }
        if let numberText, let label = SectionLabel(numberText) {
            let title = contentTexts.max(by: { $0.count < $1.count }) ?? ""
            // A label and a title and nothing else: no unit, time or result is a heading.
            if label.style.isGroupStyle || spansWide || row.cells.allSatisfy({ $0.isBold || $0.text.isEmpty })
                || title == title.uppercased() || contentTexts.count == 1 {
                return .group(label, title: title)
            }
            return .task
        }
        // The number cell holds the whole heading: "I. Kinh tế số".
        if let numberText, contentTexts.isEmpty, let (label, title) = SectionLabel.leading(numberText) {
            return .group(label, title: title)
        }
        // No number column: a bare label cell, then the title ("I." | "KIỂM SOÁT THỦ TỤC …").
        if numberText == nil, own.count == 2, let label = SectionLabel(own[0]) {
            return .group(label, title: CellText.singleLine(own[1]))
        }
        // No number column: the label leads the text ("II. THỰC HIỆN CƠ CHẾ MỘT CỬA").
        if numberText == nil, contentTexts.count == 1, let (label, title) = SectionLabel.leading(contentTexts[0]),
           label.style.isGroupStyle || spansWide || title == title.uppercased() {
            return .group(label, title: title)
        }
        return .task
    }

    /// "(1) (2) (3) …": every cell a column number, or, in a row of four cells or more, three
    /// in four of them counting up by one from (1) or (2) in their places, where OCR misread
    /// the rest ("(5)" as "ION").
    private static func numbersTheColumns(_ cells: [String]) -> Bool {
        let numbers = cells.enumerated().compactMap { place, cell in
            cell.firstMatch(of: ListLabels.columnNumber).flatMap { Int($0.output.number) }.map { (place, $0) }
        }
        if cells.count >= 2, numbers.count == cells.count { return true }
        guard cells.count >= 4, numbers.count * 4 >= cells.count * 3 else { return false }
        let offsets = Set(numbers.map { $0.1 - $0.0 })
        return offsets.count == 1 && offsets.isSubset(of: [1, 2])
    }
}
