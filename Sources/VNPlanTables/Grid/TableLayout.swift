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
        let placed = count == 2 ? placedUnderGroup(table, upper: first) : nil
        for column in 0..<table.columnCount {
            // The lowest header cell is the most specific ("Chủ trì" under "Cơ quan thực hiện").
            let headers = placed?[column].map { [$0] } ?? (first..<(first + count)).reversed().compactMap { row in
                grid[row][column].reference.map { table[$0].text }
            }
            roles[column] = headers.lazy.compactMap { ColumnRole(header: $0) }.first
            if roles[column] == nil, let lowest = headers.first {
                let header = CellText.singleLine(lowest)
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

    /// A two-row header written without its spans (a crawl's pipe form, a text extraction):
    /// "STT | Nội dung | Đơn vị thực hiện | Thời gian" over "Chủ trì | Phối hợp", data rows five
    /// cells wide. The lower cells belong under the one upper cell that groups them (the units
    /// under "Đơn vị thực hiện"); the other upper cells span both rows. The header text of
    /// each data column, or nil when the rows are not so written or no upper cell groups them.
    static func placedUnderGroup(_ table: Table, upper: Int) -> [Int: String]? {
        let top = table.rows[upper].cells, bottom = table.rows[upper + 1].cells
        let packed = { (cells: [TableCell]) in
            cells.enumerated().allSatisfy { $0.element.column == $0.offset && $0.element.columnSpan == 1 }
        }
        guard packed(top), packed(bottom), bottom.count >= 2, top.count + bottom.count - 1 == table.columnCount
        else { return nil }
        let lowerRoles = Set(bottom.compactMap { ColumnRole(header: $0.text) })
        let group: Int?
        if !lowerRoles.isEmpty, lowerRoles.isSubset(of: [.lead, .support]) {
            group = top.firstIndex { ColumnRole(header: $0.text) == .responsible }
        } else if lowerRoles.count == 1, let role = lowerRoles.first {
            // "Thời gian" over "Bắt đầu | Kết thúc": the upper cell of the same role.
            group = top.indices.first { ColumnRole(header: top[$0].text) == role }
        } else {
            group = nil
        }
        guard let group else { return nil }
        var headers: [Int: String] = [:]
        for (index, cell) in top.enumerated() {
            let column = index < group ? index : index + bottom.count - 1
            if index != group { headers[column] = cell.text }
        }
        for (offset, cell) in bottom.enumerated() {
            let own = CellText.clean(cell.text)
            headers[group + offset] = own.isEmpty || ColumnRole(header: own) == nil ? top[group].text : own
        }
        return headers
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
