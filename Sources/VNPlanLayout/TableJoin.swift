import VNPlanModel

/// A table that a page break cut in two made one again.
///
/// The piece on the next page belongs to the table above when its columns stand where the
/// table's columns stand, or when it opens with the table's header. Its repeated header rows
/// and its "(1) (2) (3)" row are marked as repeated headers. A row that the break cut shows
/// as a first row without its first cell: its cells go on the cells above. A merged cell
/// (an objective over several activities) that the break cut goes on over the new page's
/// rows.
struct TableJoin {
    let snap: Double

    /// How far back a merged cell may start above the last row; rows further up are not
    /// searched, so a join costs the same on the tenth page as on the second.
    private static let spanLookBack = 200

    static func columnEdges(of table: Table) -> [Double] {
        var edges: Set<Double> = []
        for row in table.rows {
            for cell in row.cells where cell.columnSpan == 1 {
                if let box = cell.provenance.boundingBox { edges.insert((box.x * 10).rounded() / 10) }
            }
        }
        return edges.sorted()
    }

    /// `sameColumns`: the Layout stage laid the piece out on the table's own columns.
    func joined(_ table: Table, _ next: Table, previousEdges: [Double], sameColumns known: Bool = false) -> Table? {
        let headerCount = repeatedHeaderCount(table, next)
        guard next.columnCount == table.columnCount,
              known || headerCount > 0 || sameColumns(previousEdges, Self.columnEdges(of: next)) else { return nil }
        var rows = table.rows
        var incoming = next.rows
        for index in 0..<headerCount { incoming[index].isRepeatedHeader = true }
        let firstData = headerCount
        if firstData < incoming.count, let lastRow = rows.indices.last,
           incoming[firstData].cells.first(where: { $0.column == 0 }).map({ $0.text.isEmpty }) ?? true {
            let cut = isCut(rows[lastRow], incoming[firstData], borderless: known)
            var kept: [TableCell] = []
            for cell in incoming[firstData].cells {
                // Without rulings the cut row and the next may share a line: there a cell that
                // goes on a sentence in lowercase is the rest of the cell above ("thông)").
                let goesOn = cut || known && cell.text.first?.isLowercase == true
                guard let (row, index) = coveringCell(in: rows, column: cell.column, lastRow: lastRow),
                      rows[row].cells[index].columnSpan == cell.columnSpan,
                      goesOn || rows[row].cells[index].rowSpan > 1 else {
                    kept.append(cell)
                    continue
                }
                var above = rows[row].cells[index]
                if !cell.text.isEmpty { above.text += above.text.isEmpty ? cell.text : " " + cell.text }
                above.rowSpan += cell.rowSpan - (goesOn ? 1 : 0)
                rows[row].cells[index] = above
            }
            if cut && kept.isEmpty {
                incoming.remove(at: firstData)
            } else {
                incoming[firstData].cells = kept
            }
        }
        if known, let lastRow = rows.indices.last {
            carryMergedCells(&rows, lastRow: lastRow, over: incoming[firstData...], columnCount: table.columnCount)
        }
        return Table(rows: rows + incoming, columnCount: table.columnCount, provenance: table.provenance,
                     nestingDepth: table.nestingDepth)
    }

    /// A borderless table draws nothing where a merged cell goes on over the next page: a
    /// cell that covers the page's last row goes on over the next page's first rows that
    /// have no cell in its column, as far as the cell to its left goes on (merges nest: the
    /// number, then the task), the way `StreamRows` extends a cell set at the top of its row.
    private func carryMergedCells(_ rows: inout [TableRow], lastRow: Int, over incoming: ArraySlice<TableRow>,
                                  columnCount: Int) {
        // How many of the incoming rows the cell to the left covers.
        var reachOfLeft = Int.max
        for column in 0..<columnCount {
            guard let (row, index) = coveringCell(in: rows, column: column, lastRow: lastRow) else { return }
            // Rows the join already put under the cell (a row the break cut) are passed over.
            let covered = row + rows[row].cells[index].rowSpan - 1 - lastRow
            let free = incoming.dropFirst(covered).prefix { next in
                !next.cells.contains { $0.column <= column && column < $0.column + $0.columnSpan }
            }.count
            let reach = min(reachOfLeft, covered + free)
            guard reach > covered else { return }
            rows[row].cells[index].rowSpan += reach - covered
            reachOfLeft = reach
        }
    }

    /// The next piece's first rows that repeat the table's first rows word for word (the
    /// header, and the column-number row under it).
    private func repeatedHeaderCount(_ table: Table, _ next: Table) -> Int {
        var count = 0
        while count < min(3, table.rows.count, next.rows.count - 1),
              Self.texts(table.rows[count]) == Self.texts(next.rows[count]),
              Self.texts(table.rows[count]).contains(where: { !$0.isEmpty }) {
            count += 1
        }
        return count
    }

    private static func texts(_ row: TableRow) -> [String] {
        row.cells.map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    private func sameColumns(_ edges: [Double], _ other: [Double]) -> Bool {
        guard !edges.isEmpty, !other.isEmpty else { return false }
        // Every column edge of the new piece stands on an edge of the table above.
        return other.allSatisfy { edge in edges.contains { abs($0 - edge) <= snap } }
    }

    /// A cut row has fewer filled cells than the row above it (only the cells whose text ran
    /// past the page's end go on), or most of its cells go on a sentence in lowercase (a cut
    /// between "Phòng" and "Tài chính" leaves a capital, a date a figure; a new row's cells
    /// begin with capitals). Without rulings a row has fewer cells also where the cells to its
    /// left are merged over it: there a cell that begins with a capital starts a row.
    private func isCut(_ last: TableRow, _ first: TableRow, borderless: Bool) -> Bool {
        let filledAbove = last.cells.filter { !$0.text.isEmpty }.count
        let filled = first.cells.filter { !$0.text.isEmpty }
        let goingOn = filled.filter { $0.text.first?.isLowercase == true }.count
        let opensRow = borderless && filled.contains { $0.text.first?.isUppercase == true }
        return !filled.isEmpty && (filled.count < filledAbove && !opensRow || 2 * goingOn > filled.count)
    }

    /// The cell that covers `column` in the row `lastRow`: one starting there, or one above
    /// whose span reaches it.
    private func coveringCell(in rows: [TableRow], column: Int, lastRow: Int) -> (Int, Int)? {
        for row in stride(from: lastRow, through: max(0, lastRow - Self.spanLookBack), by: -1) {
            if let index = rows[row].cells.firstIndex(where: {
                $0.column <= column && column < $0.column + $0.columnSpan && row + $0.rowSpan > lastRow
            }) {
                return (row, index)
            }
        }
        return nil
    }
}
