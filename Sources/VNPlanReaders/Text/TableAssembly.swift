import VNPlanModel

/// A cell as a text table form wrote it, before it is placed on the grid.
struct RawCell: Equatable {
    var text: String
    var isBold = false

    var isEmpty: Bool { text.allSatisfy(\.isWhitespace) }

    /// Cell text from its lines: markup removed, lines the converter wrapped joined.
    init(lines: [TextLine], wrapped: Bool = false) {
        let paragraphs = TextParagraphBuilder(wrapped: wrapped, markdown: false).paragraphs(of: lines)
        text = paragraphs.map(\.text).joined(separator: "\n")
        isBold = !paragraphs.isEmpty && paragraphs.allSatisfy(\.isBold)
    }

    init(text: String, isBold: Bool = false) {
        self.text = text
        self.isBold = isBold
    }
}

/// A run of cells between two places where a row may end. Text forms mark row ends
/// ambiguously (a blank line is also an empty paragraph inside a cell; "||" is also an
/// empty cell), so rows are assembled from segments by what a row must look like.
struct RowSegment {
    var cells: [RawCell]
    /// The text marks a new row here beyond doubt.
    var startsRow: Bool
    var page: Int?
}

struct RowAssembler {
    /// Whether the break between two pieces of one row stands for an empty cell (pipe
    /// form) or for nothing (an empty paragraph at the end of a cell).
    var breakIsEmptyCell: Bool

    /// Joins a segment to the row before it when the row still has room for it and the
    /// segment does not open a row itself (by an empty first cell, which in these forms is
    /// a merged cell of a new row, or by a row label such as "2", "b", "IV").
    func rows(from segments: [RowSegment]) -> [RowSegment] {
        let width = segments.map { Self.filledWidth($0.cells) }.max() ?? 0
        var rows: [RowSegment] = []
        for segment in segments {
            guard let last = rows.last, !segment.startsRow, let first = segment.cells.first,
                  !first.isEmpty, !LineShape.isRowLabel(first.text) else {
                rows.append(segment)
                continue
            }
            let gap = breakIsEmptyCell ? 1 : 0
            let lastWidth = Self.filledWidth(last.cells)
            if lastWidth < width, last.cells.count + gap + Self.filledWidth(segment.cells) <= width {
                rows[rows.count - 1].cells += Array(repeating: RawCell(text: ""), count: gap) + segment.cells
            } else {
                rows.append(segment)
            }
        }
        return rows
    }

    /// Cells up to the last one with text.
    static func filledWidth(_ cells: [RawCell]) -> Int {
        (cells.lastIndex { !$0.isEmpty } ?? -1) + 1
    }
}

/// Where one table's column structure ends and the next one's begins. Text forms write
/// tables that follow each other (a site's metadata box or a letterhead laid out as a table,
/// then the plan table) with the same row markers, so only the structure tells them apart: a
/// run of at least two rows of the first row's width or less, none opening with a row label
/// ("1", "II", "a"), followed by a row at least two cells wider is a table of its own.
enum TableBoundary {
    /// Rows of the leading table, if the rows start with one; the rest is another table.
    static func leadingTableEnd(_ rows: [RowSegment]) -> Int? {
        let widths = rows.map { RowAssembler.filledWidth($0.cells) }
        guard let first = widths.first, first > 0 else { return nil }
        var end = 0
        while end < rows.count, widths[end] <= first,
              !(rows[end].cells.first.map { LineShape.isRowLabel($0.text) } ?? false) {
            end += 1
        }
        guard end >= 2, end < rows.count, widths[end] >= first + 2 else { return nil }
        return end
    }

    /// The rows cut into the tables they hold: a leading table, then the rest.
    static func tables(_ rows: [RowSegment]) -> [[RowSegment]] {
        guard let end = leadingTableEnd(rows) else { return [rows] }
        return [Array(rows[..<end]), Array(rows[end...])]
    }
}

/// Places assembled rows on a grid and makes a `Table`.
enum TextTableBuilder {
    /// - Parameter mergingEmptyCells: the form writes a vertically merged cell as an empty
    ///   cell (Word table text): an empty cell continues the cell above it, and becomes
    ///   `rowSpan` of that cell.
    static func table(_ rows: [RowSegment], mergingEmptyCells: Bool) -> Table? {
        let rows = rows.filter { $0.cells.contains { !$0.isEmpty } }
        guard !rows.isEmpty else { return nil }
        let width = min(rows.map { RowAssembler.filledWidth($0.cells) }.max() ?? 0, GridLimits.columns)
        var tableRows: [TableRow] = rows.map { row in
            let cells = fitting(row.cells, into: width)
            return TableRow(
                cells: cells.enumerated().map { column, cell in
                    TableCell(text: String(cell.text.withoutSurroundingSpaces), column: column,
                              isBold: cell.isBold)
                },
                provenance: Provenance(page: row.page))
        }
        if mergingEmptyCells { mergeEmptyCells(&tableRows) }
        return Table(rows: tableRows, columnCount: width, provenance: Provenance(page: rows.first?.page))
    }

    /// The row's cells up to `width`; a row wider than a real table (`GridLimits`) keeps the
    /// text of the cells past it in its last cell, tab-separated as it came.
    private static func fitting(_ cells: [RawCell], into width: Int) -> ArraySlice<RawCell> {
        guard cells.count > width, width > 0, cells[width...].contains(where: { !$0.isEmpty }) else {
            return cells.prefix(width)
        }
        var kept = cells.prefix(width)
        kept[width - 1].text = cells[(width - 1)...].map(\.text).joined(separator: "\t")
        return kept
    }

    /// An empty cell is covered by the cell above it when that one has text (or continues
    /// one). A row above that is narrower than this one by more than a cell (a group row
    /// "II. …") is not extended, nor is the first row past the cells a row starts with (it
    /// may be the header, whose cells no data row continues).
    private static func mergeEmptyCells(_ rows: inout [TableRow]) {
        // origin[c]: the cell (row, index) covering column c in the previous row.
        var origin: [Int: (row: Int, cell: Int)] = [:]
        for rowIndex in rows.indices {
            var covering: [Int: (row: Int, cell: Int)] = [:]
            let width = rows[rowIndex].cells.count
            let previousWidth = (origin.keys.max() ?? -1) + 1
            let leadingCount = rows[rowIndex].cells.prefix { $0.text.isEmpty }.count
            var dropped: Set<Int> = []
            for (index, cell) in rows[rowIndex].cells.enumerated() where cell.text.isEmpty {
                guard rowIndex > 0, previousWidth + 1 >= width, let above = origin[cell.column],
                      above.row > 0 || index < leadingCount,
                      !rows[above.row].cells[above.cell].text.isEmpty,
                      above.row + rows[above.row].cells[above.cell].rowSpan == rowIndex else { continue }
                rows[above.row].cells[above.cell].rowSpan += 1
                covering[cell.column] = above
                dropped.insert(index)
            }
            for (index, cell) in rows[rowIndex].cells.enumerated() where !dropped.contains(index) {
                covering[cell.column] = (rowIndex, index - dropped.filter { $0 < index }.count)
            }
            rows[rowIndex].cells = rows[rowIndex].cells.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
            origin = covering
        }
    }
}
