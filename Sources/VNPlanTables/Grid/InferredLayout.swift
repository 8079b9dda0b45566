import VNPlanModel

extension TableLayout {
    /// The layout of a plan table copied without its header row (an appendix table pasted on
    /// its own, seed 000), read from what its columns hold: a column of deadlines, the unit
    /// columns just before it (chủ trì, then phối hợp), the content columns before those
    /// (from the broadest, the objective, to the finest, the outputs), and funding or notes
    /// after it. Nil unless the table has that shape.
    static func inferred(from table: Table) -> TableLayout? {
        guard table.columnCount >= 4, table.rows.count >= 3 else { return nil }
        let texts = columnTexts(table)
        let rows = Double(table.rows.count)
        func share(_ column: Int, _ test: (String) -> Bool) -> Double {
            let filled = texts[column]
            return filled.isEmpty ? 0 : Double(filled.filter(test).count) / Double(filled.count)
        }
        let isDeadline = { (text: String) in DeadlineParser.parse(text, planYear: nil).kind != .unknown }
        guard let deadline = (0..<table.columnCount)
                .filter({ Double(texts[$0].count) >= rows / 2 && share($0, isDeadline) >= 0.6 })
                .max(by: { share($0, isDeadline) < share($1, isDeadline) }) else { return nil }

        var unitColumns: [Int] = []
        for column in stride(from: deadline - 1, through: 0, by: -1) {
            guard unitColumns.count < 2, share(column, { UnitNames.startsUnit(Substring($0)) }) >= 0.6 else { break }
            unitColumns.insert(column, at: 0)
        }
        guard let firstUnit = unitColumns.first else { return nil }
        let content = (0..<firstUnit).filter { Double(texts[$0].count) >= rows / 4 }
        guard !content.isEmpty else { return nil }

        var roles: [Int: ColumnRole] = [deadline: .deadline, firstUnit: .lead]
        if unitColumns.count > 1 { roles[unitColumns[1]] = .support }
        // More content columns than four: the broader ones are objectives too (a goal, then
        // the targets under it), kept together in `objective`.
        let contentRoles: [ColumnRole] = switch content.count {
        case 1: [.activity]
        case 2: [.activity, .outputs]
        case 3: [.task, .activity, .outputs]
        default: Array(repeating: .objective, count: content.count - 3) + [.task, .activity, .outputs]
        }
        for (column, role) in zip(content.suffix(contentRoles.count), contentRoles) { roles[column] = role }
        // A sparse column before the content holds few cells, each merged over many rows: row
        // labels, or a broad goal over the objectives.
        for column in 0..<firstUnit where roles[column] == nil && !texts[column].isEmpty {
            roles[column] = texts[column].allSatisfy { SectionLabel($0) != nil } ? .number : .objective
        }
        for column in (deadline + 1)..<table.columnCount where !texts[column].isEmpty {
            let funding = share(column) { $0.localizedLowercase.contains(ColumnWords.funding) }
            roles[column] = funding >= 0.5 ? .funding : .note
        }
        return TableLayout(headerRowCount: 0, firstHeaderRow: 0, roles: roles)
    }

    /// The non-empty texts of the cells that start in each column.
    private static func columnTexts(_ table: Table) -> [[String]] {
        var texts = Array(repeating: [String](), count: table.columnCount)
        for row in table.rows {
            for cell in row.cells where cell.column < table.columnCount {
                let text = CellText.clean(cell.text)
                if !text.isEmpty { texts[cell.column].append(text) }
            }
        }
        return texts
    }
}
