import VNPlanModel

/// The text of a Word table copied out cell by cell: each cell starts on a line with a tab,
/// a cell's further paragraphs follow on lines without one, and rows end at a blank line
/// (or where a line starts with spaces then a tab). A vertically merged cell is written as
/// an empty cell (seeds 000, 003).
///
/// The first cell of a row may be written without its tab, as the text before the first
/// tab ("- Tỷ lệ …" on its own lines, then "\t- 100% …"); and a blank line also ends an
/// empty paragraph inside a cell, so rows are assembled from the segments between blank
/// lines by `RowAssembler`.
struct CellPerLineTable {
    let lines: [TextLine]

    /// A text group after blank lines belongs to the table only if it is this short.
    private static let longestFirstCell = 6

    /// Reads the table that starts at `start`; returns it and the index of the first line
    /// after it.
    func read(from start: Int) -> (tables: [Table], end: Int) {
        var segments: [RowSegment] = []
        // Lines of the cell being read; nil between a row's start and its first cell.
        var cellLines: [TextLine]?
        var blanks = 0
        var index = start
        // A first row written with a tab before its first cell may be indented by one.
        var firstRowIndented = true

        func closeCell() {
            if let open = cellLines, !segments.isEmpty {
                segments[segments.count - 1].cells.append(RawCell(lines: open))
            }
            cellLines = nil
        }
        func openRow(startsRow: Bool, page: Int?) {
            closeCell()
            segments.append(RowSegment(cells: [], startsRow: startsRow, page: page))
        }
        func finish(at end: Int) -> (tables: [Table], end: Int) {
            closeCell()
            let tables = TableBoundary.tables(segments).compactMap { piece in
                let rows = RowAssembler(breakIsEmptyCell: false)
                    .rows(from: firstRowIndented ? Self.withoutHeaderIndent(piece) : piece)
                return TextTableBuilder.table(rows, mergingEmptyCells: true)
            }
            return (tables, end)
        }

        while index < lines.count {
            let line = lines[index]
            switch line.kind {
            case .cell:
                let tab = line.text.firstIndex(of: "\t")!
                let beforeTab = line.text[..<tab]
                if !beforeTab.isEmpty {
                    // Spaces before the tab: the row's first cell, written without a tab.
                    if segments.isEmpty { firstRowIndented = false }
                    openRow(startsRow: true, page: line.page)
                    cellLines = [TextLine(text: String(beforeTab), page: line.page)]
                } else if segments.isEmpty || blanks > 0 {
                    openRow(startsRow: segments.isEmpty, page: line.page)
                }
                closeCell()
                cellLines = [TextLine(text: String(line.text[line.text.index(after: tab)...]), page: line.page)]
                blanks = 0
                index += 1
            case .blank:
                blanks += 1
                index += 1
            case .text where blanks == 0:
                cellLines = (cellLines ?? []) + [line]
                index += 1
            case .text:
                let run = paragraphRun(from: index)
                let next = lines[run.endIndex...].firstIndex { $0.kind != .blank }
                if run.endIndex < lines.count, lines[run.endIndex].kind == .cell, blanks == 1 {
                    // Further paragraphs of the cell, after an empty one.
                    cellLines = (cellLines ?? []) + [TextLine(text: "", page: line.page)] + run
                    index = run.endIndex
                } else if let next, next > run.endIndex, lines[next].kind == .cell,
                          run.filter({ $0.kind == .text }).count <= Self.longestFirstCell {
                    // A new row whose first cell is written before its first tab.
                    openRow(startsRow: true, page: line.page)
                    cellLines = Array(run)
                    index = next
                } else {
                    return finish(at: index - blanks)
                }
                blanks = 0
            case .row, .pipe:
                return finish(at: index - blanks)
            }
        }
        return finish(at: index - blanks)
    }

    /// Paragraphs from `start` that follow each other with single blank lines between them:
    /// one cell's text, or text after the table.
    private func paragraphRun(from start: Int) -> ArraySlice<TextLine> {
        var end = start
        while true {
            end = lines[end...].firstIndex { $0.kind != .text } ?? lines.endIndex
            guard end + 1 < lines.count, lines[end].kind == .blank, lines[end + 1].kind == .text else { break }
            end += 1
        }
        return lines[start..<end]
    }

    /// A first row that starts with empty cells and is wider than every other row is
    /// indented (a header over a table whose rows start one cell further left).
    static func withoutHeaderIndent(_ segments: [RowSegment]) -> [RowSegment] {
        guard var first = segments.first, first.cells.first?.isEmpty == true else { return segments }
        let others = segments.dropFirst().map { RowAssembler.filledWidth($0.cells) }.max() ?? 0
        while first.cells.count > others, first.cells.first?.isEmpty == true,
              segments.count > 1 || first.cells.count > 1 {
            first.cells.removeFirst()
        }
        return [first] + segments.dropFirst()
    }
}
