import VNPlanModel

/// A table recognised as a plan table: its header rows and the role of each grid column.
struct TableLayout: Equatable {
    var headerRowCount: Int
    /// Rows above the header (a title row inside the table), skipped.
    var firstHeaderRow: Int
    var roles: [Int: ColumnRole]
    /// Columns whose header names no role ("Địa điểm", "Hình thức"), with the header's
    /// wording: their cells are kept in the task's note under that wording.
    var unnamed: [Int: String] = [:]

    var firstDataRow: Int { firstHeaderRow + headerRowCount }

    func columns(for role: ColumnRole) -> [Int] {
        roles.filter { $0.value == role }.map(\.key).sorted()
    }

    var isIndicatorTable: Bool { roles.values.contains(.indicator) }

    /// The header rows are looked for among the first rows; a plan table names at least one
    /// content role (objective, task, activity, indicator) and one detail role.
    static func recognise(_ table: Table) -> TableLayout? {
        let grid = table.grid
        let searchLimit = min(table.rows.count, 4)
        guard let first = (0..<searchLimit).first(where: { isHeaderRow(table.rows[$0]) }) else { return nil }
        var count = 1
        while first + count < table.rows.count, isHeaderRow(table.rows[first + count]) { count += 1 }

        var roles: [Int: ColumnRole] = [:]
        var unnamed: [Int: String] = [:]
        for column in 0..<table.columnCount {
            // The lowest header cell is the most specific ("Chủ trì" under "Cơ quan thực hiện").
            for row in (first..<(first + count)).reversed() {
                guard let reference = grid[row][column].reference,
                      let role = ColumnRole(header: table[reference].text) else { continue }
                roles[column] = role
                break
            }
            if roles[column] == nil, let reference = grid[first + count - 1][column].reference {
                let header = CellText.singleLine(table[reference].text)
                if !header.isEmpty { unnamed[column] = header }
            }
        }
        // In an indicator table a bare "Đơn vị" is the unit of measure, not a responsible body.
        if roles.values.contains(.indicator) {
            for (column, role) in roles where role == .responsible {
                let header = grid[first + count - 1][column].reference.map { HeaderText.fold(table[$0].text) }
                if header == ColumnWords.bareUnit { roles[column] = .unit }
            }
        }
        let named = Set(roles.values)
        guard !named.isDisjoint(with: ColumnRole.content), !named.isDisjoint(with: ColumnRole.details)
                || named.contains(.number) && named.count >= 3 else { return nil }
        return TableLayout(headerRowCount: count, firstHeaderRow: first, roles: roles, unnamed: unnamed)
    }

    /// A row whose short cells mostly name column roles.
    static func isHeaderRow(_ row: TableRow) -> Bool {
        let filled = row.cells.filter { !CellText.clean($0.text).isEmpty }
        guard !filled.isEmpty, filled.allSatisfy({ $0.text.count <= 120 }) else { return false }
        let named = filled.filter { ColumnRole(header: $0.text) != nil }.count
        return named >= 2 && named * 2 >= filled.count || row.isRepeatedHeader && named >= 1
    }

    /// The same header repeated further down (a page break in a converted document).
    func isRepeatedHeader(_ row: TableRow) -> Bool {
        // Cell by cell first: a data row fails at its first cell, before any header test.
        row.cells.allSatisfy { cell in
            let text = CellText.clean(cell.text)
            return text.isEmpty || ColumnRole(header: text) == roles[cell.column]
        } && Self.isHeaderRow(row)
    }
}
