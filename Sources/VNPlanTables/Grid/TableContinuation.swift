import VNPlanModel

/// A plan table that page breaks cut into pieces (PDF and its conversions, seed 004) is one
/// table again: the next piece's header rows are dropped and its rows appended. A row that
/// the break split in two shows as a piece without its number: the first row of a piece
/// with an empty number cell continues the row above; the last row of a piece with an empty
/// number continues the next row when that one's text starts in lowercase (the number was
/// printed beside the second half).
enum TableContinuation {
    static func join(_ table: Table, _ next: Table, nextDataRow: Int, numberColumns: [Int]) -> Table {
        var rows = table.rows
        var incoming = Array(next.rows.dropFirst(nextDataRow))
        func isFragment(_ row: TableRow) -> Bool {
            row.cells.allSatisfy { $0.rowSpan == 1 && $0.columnSpan == 1 }
                && numberColumns.allSatisfy { column in
                    row.cells.first { $0.column == column }?.text.allSatisfy(\.isWhitespace) ?? true
                }
        }
        if let last = rows.last, let first = incoming.first, isFragment(last), !isFragment(first),
           startsInLowercase(first, skipping: numberColumns) {
            incoming[0] = joined(last, first)
            rows.removeLast()
        } else if let last = rows.last, let first = incoming.first, isFragment(first),
                  last.cells.allSatisfy({ $0.rowSpan == 1 && $0.columnSpan == 1 }) {
            rows[rows.count - 1] = joined(last, first)
            incoming.removeFirst()
        }
        return Table(rows: rows + incoming, columnCount: max(table.columnCount, next.columnCount),
                     provenance: table.provenance, nestingDepth: table.nestingDepth)
    }

    private static func startsInLowercase(_ row: TableRow, skipping columns: [Int]) -> Bool {
        let text = row.cells.first { !columns.contains($0.column) && !$0.text.isEmpty }?.text
        return text?.first?.isLowercase == true
    }

    /// The two halves of a row, cell by cell, the upper half first.
    private static func joined(_ upper: TableRow, _ lower: TableRow) -> TableRow {
        let columns = Set(upper.cells.map(\.column) + lower.cells.map(\.column)).sorted()
        let cells = columns.map { column -> TableCell in
            let top = upper.cells.first { $0.column == column }
            let bottom = lower.cells.first { $0.column == column }
            let text = [top?.text, bottom?.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return TableCell(text: text, column: column,
                             isBold: (top?.isBold ?? true) && (bottom?.isBold ?? true) && !text.isEmpty)
        }
        return TableRow(cells: cells, isRepeatedHeader: upper.isRepeatedHeader, provenance: upper.provenance)
    }
}
