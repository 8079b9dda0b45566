/// A table as the reader found it: rows of cells placed on a column grid, with spans.
///
/// A cell covered by a vertical merge from a row above is not listed in its row; the cell
/// that starts the merge carries `rowSpan`. `grid` resolves the table into a dense matrix.
public struct Table: Sendable, Codable, Equatable {
    public var rows: [TableRow]
    public var columnCount: Int
    public var provenance: Provenance
    /// 0 for a table in the body, 1 for a table inside a cell of another table, and so on.
    public var nestingDepth: Int

    public init(rows: [TableRow], columnCount: Int? = nil, provenance: Provenance = Provenance(),
                nestingDepth: Int = 0) {
        self.rows = rows
        self.columnCount = columnCount
            ?? rows.map { $0.cells.map { $0.column + $0.columnSpan }.max() ?? 0 }.max() ?? 0
        self.provenance = provenance
        self.nestingDepth = nestingDepth
    }

    /// Every grid position of every row: which cell occupies it, and whether that cell
    /// starts there or reaches it through a span.
    public var grid: [[GridSlot]] {
        var slots = Array(repeating: Array(repeating: GridSlot.empty, count: columnCount),
                          count: rows.count)
        for (rowIndex, row) in rows.enumerated() {
            for (cellIndex, cell) in row.cells.enumerated() {
                let reference = CellReference(row: rowIndex, cell: cellIndex)
                for r in rowIndex..<min(rows.count, rowIndex + max(1, cell.rowSpan)) {
                    for c in cell.column..<min(columnCount, cell.column + max(1, cell.columnSpan)) {
                        slots[r][c] = (r == rowIndex && c == cell.column)
                            ? .origin(reference) : .spanned(from: reference)
                    }
                }
            }
        }
        return slots
    }

    public subscript(reference: CellReference) -> TableCell {
        rows[reference.row].cells[reference.cell]
    }
}

public struct TableRow: Sendable, Codable, Equatable {
    public var cells: [TableCell]
    /// The format marks this row as a header repeated on every page (DOCX `w:tblHeader`).
    public var isRepeatedHeader: Bool
    public var provenance: Provenance

    public init(cells: [TableCell], isRepeatedHeader: Bool = false,
                provenance: Provenance = Provenance()) {
        self.cells = cells
        self.isRepeatedHeader = isRepeatedHeader
        self.provenance = provenance
    }
}

public struct TableCell: Sendable, Codable, Equatable {
    /// Text of the cell; paragraphs inside it are separated by `\n`.
    public var text: String
    /// First grid column the cell occupies (0-based).
    public var column: Int
    public var columnSpan: Int
    public var rowSpan: Int
    public var isBold: Bool
    /// Tables nested inside this cell.
    public var nestedTables: [Table]
    public var provenance: Provenance

    public init(text: String, column: Int, columnSpan: Int = 1, rowSpan: Int = 1,
                isBold: Bool = false, nestedTables: [Table] = [], provenance: Provenance = Provenance()) {
        self.text = text
        self.column = column
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.isBold = isBold
        self.nestedTables = nestedTables
        self.provenance = provenance
    }
}

public struct CellReference: Sendable, Hashable, Codable {
    public var row: Int
    public var cell: Int
}

public enum GridSlot: Sendable, Equatable {
    case empty
    case origin(CellReference)
    case spanned(from: CellReference)

    public var reference: CellReference? {
        switch self {
        case .empty: nil
        case .origin(let r), .spanned(let r): r
        }
    }
}
