import Foundation
import VNPlanModel

/// Reads the data rows of one recognised plan table into sections and tasks.
///
/// Cells are read through the table's grid, so a vertically merged objective or task is
/// carried onto every row it spans, and a merged number gives sub-paths ("I.1.a", "I.1.b").
struct TaskTableReader {
    let table: Table
    let layout: TableLayout
    /// 1-based position of the table among the document's tables, for `source.table`.
    let tableNumber: Int
    let planYear: Int?
    /// The unit of the Layout stage's boxes (a PDF's points, a scan's pixels); nil when the
    /// document has no pages (DOCX, text), and so no boxes.
    var boxUnit: PageBox.Unit? = nil

    struct Result {
        var sections: [Section] = []
        var tasks: [PlanTask] = []
        /// Rows of an indicator table (Chỉ tiêu, Đơn vị, Chỉ tiêu năm …).
        var indicators: [Indicator] = []
        var skippedRows: [String] = []
        /// Paths of the rows with a cell OCR read unsurely.
        var weaklyRead: [String] = []
    }

    /// Below this OCR confidence a cell's reading is worth checking against the page.
    static let weakCellConfidence = 0.5

    /// A task row waiting for the rows that continue it.
    private struct TaskRow {
        var path: String, section: String?, number: String?, cells: [Int: String], row: Int
        var ocrConfidence: Double?
        var boxes: RowBoxes

        /// A row with no number and no text of the work (task, activity) is the rest
        /// of the row above, cut by a page or by a table read without rulings: its words join
        /// that row's cells, column by column, rather than make a task of nothing.
        mutating func absorb(_ cells: [Int: String], boxes more: RowBoxes, ocrConfidence confidence: Double?) {
            boxes.add(more)
            for (column, text) in cells where !text.isEmpty && self.cells[column] != text {
                self.cells[column] = [self.cells[column], text].compactMap { $0 }.filter { !$0.isEmpty }
                    .joined(separator: "\n")
            }
            if let confidence { ocrConfidence = min(ocrConfidence ?? confidence, confidence) }
        }
    }

    func read(into outline: inout SectionOutline) -> Result {
        var result = Result()
        let grid = table.grid
        var ordinals: [String: Int] = [:]
        var pending: TaskRow?
        func noteIfWeak(_ path: String, _ confidence: Double?) {
            if let confidence, confidence < Self.weakCellConfidence { result.weaklyRead.append(path) }
        }
        func flush() {
            guard let row = pending else { return }
            pending = nil
            result.tasks.append(task(path: row.path, section: row.section, number: row.number, cells: row.cells,
                                     row: row.row, boxes: row.boxes, ocrConfidence: row.ocrConfidence))
            noteIfWeak(row.path, row.ocrConfidence)
        }

        for rowIndex in layout.firstDataRow..<table.rows.count {
            let row = table.rows[rowIndex]
            var cells: [Int: String] = [:]
            var originColumns = Set<Int>()
            var numberIsMerged = false
            // A row is read as surely as its least sure cell (a text-only OCR reading has
            // one confidence for the table).
            var ocrConfidence: Double?
            var boxes = RowBoxes()
            let rowPage = row.provenance.page ?? table.provenance.page
            for column in 0..<table.columnCount {
                guard let reference = grid[rowIndex][column].reference else { continue }
                cells[column] = CellText.clean(table[reference].text)
                let provenance = table[reference].provenance
                // A cell merged down from the page before is not on this row's page.
                boxes.columns[column] = provenance.page == nil || provenance.page == rowPage ? provenance.boundingBox : nil
                if let cell = provenance.ocrConfidence, !(cells[column] ?? "").isEmpty {
                    ocrConfidence = min(ocrConfidence ?? cell, cell)
                }
                if case .origin = grid[rowIndex][column] { originColumns.insert(column) }
                if layout.roles[column] == .number, table[reference].rowSpan > 1 { numberIsMerged = true }
            }
            ocrConfidence = ocrConfidence ?? table.provenance.ocrConfidence
            boxes.row = RowBoxes.ownBox(of: row, across: boxes.columns.values.compactMap { $0 })
            switch RowKind.classify(cells: cells, originColumns: originColumns, row: row,
                                    layout: layout, columnCount: table.columnCount) {
            case .empty, .columnNumbers, .repeatedHeader:
                continue
            case .group(let printed, let title):
                flush()
                let label = outline.resolving(printed)
                let path = outline.enter(label)
                result.sections.append(Section(path: path, number: label.number, title: title))
            case .task:
                let section = outline.path
                let number = text(of: .number, in: cells).map(Self.trimmedNumber)
                // A task merged down from above makes this row one of its activities, not its rest.
                let hasWork = [ColumnRole.task, .activity].flatMap(layout.columns(for:)).contains { !(cells[$0] ?? "").isEmpty }
                if pending != nil, (number ?? "").isEmpty, !hasWork, !layout.isIndicatorTable {
                    pending?.absorb(cells.filter { originColumns.contains($0.key) }, boxes: boxes, ocrConfidence: ocrConfidence)
                    continue
                }
                // A numbered row of the same section without the work's text lies under the
                // work cell of the row above, merged over it where the table drew no line to
                // show it (a borderless page): it takes that text, as a merged cell's rows do.
                if let above = pending, above.section == section, !hasWork, !layout.isIndicatorTable {
                    for column in Self.workRoles.flatMap(layout.columns(for:)) where (cells[column] ?? "").isEmpty {
                        cells[column] = above.cells[column]
                    }
                }
                flush()
                var path: String
                if let number, !number.isEmpty {
                    path = SectionOutline.join(section, number)
                    if numberIsMerged {
                        let index = ordinals[path, default: 0]
                        ordinals[path] = index + 1
                        path += "." + ListLabel.letter(index + 1)
                    }
                } else {
                    let key = section ?? ""
                    let index = ordinals[key, default: 0] + 1
                    ordinals[key] = index
                    path = [section, String(index)].compactMap { $0 }.joined(separator: ".")
                }
                if layout.isIndicatorTable {
                    result.indicators.append(indicator(path: path, number: number, cells: cells,
                                                       source: source(row: rowIndex, boxes: boxes)))
                    noteIfWeak(path, ocrConfidence)
                } else {
                    pending = TaskRow(path: path, section: section, number: number, cells: cells, row: rowIndex,
                                      ocrConfidence: ocrConfidence, boxes: boxes)
                }
            }
        }
        flush()
        return result
    }

    /// Chủ trì and phối hợp from their own columns and from a "Cơ quan thực hiện" column,
    /// with the wording each was read from.
    private func responsibility(in cells: [Int: String]) -> Responsibility.Split {
        var split = Responsibility.Split(lead: units(of: .lead, in: cells), support: units(of: .support, in: cells),
                                         leadText: text(of: .lead, in: cells), supportText: text(of: .support, in: cells))
        if let responsible = text(of: .responsible, in: cells) {
            let cell = Responsibility.parse(responsible)
            split.lead += cell.lead
            split.support += cell.support
            split.leadText = Self.joined(split.leadText, cell.leadText)
            split.supportText = Self.joined(split.supportText, cell.supportText)
        }
        return split
    }

    private static func joined(_ first: String?, _ second: String?) -> String? {
        let parts = [first, second].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// An indicator row: its target read with the unit of the "Đơn vị" column.
    private func indicator(path: String, number: String?, cells: [Int: String], source: RowSource) -> Indicator {
        let unit = text(of: .unit, in: cells)
        let name = text(of: .indicator, in: cells) ?? ""
        // Without a target column the goal is stated in the name: "… đạt tối thiểu 40%".
        let target = text(of: .target, in: cells).map { TargetParser.parse($0, unit: unit) ?? Target(text: $0) }
            ?? TargetParser.targets(in: name).first
        let units = responsibility(in: cells)
        return Indicator(path: path, number: number, name: name, unit: unit, target: target,
                         lead: units.lead, support: units.support, evaluator: self.units(of: .evaluator, in: cells),
                         leadText: units.leadText, supportText: units.supportText,
                         evaluatorText: text(of: .evaluator, in: cells), source: source)
    }

    private func task(path: String, section: String?, number: String?, cells: [Int: String], row: Int,
                      boxes: RowBoxes, ocrConfidence: Double?) -> PlanTask {
        let units = responsibility(in: cells)
        let (lead, support) = (units.lead, units.support)
        // The finest content column is the row's own work; a table with only "Nhiệm vụ"
        // has its tasks as activities.
        let task = text(of: .task, in: cells)
        var activity = text(of: .activity, in: cells)
        let hasActivityColumn = !layout.columns(for: .activity).isEmpty
        if !hasActivityColumn { activity = task }
        let deadline = text(of: .deadline, in: cells).map { DeadlineParser.parse($0, planYear: planYear) }

        var confidence = 1.0
        if activity == nil { confidence -= 0.4 }
        if lead.isEmpty && support.isEmpty { confidence -= 0.2 }
        if deadline == nil && !layout.columns(for: .deadline).isEmpty { confidence -= 0.1 }
        if let ocrConfidence { confidence *= ocrConfidence }

        let objective = text(of: .objective, in: cells)
        let targets = objective.map(TargetParser.targets(in:)) ?? []
        return PlanTask(
            path: path, section: section, number: number,
            objective: objective, targets: targets.isEmpty ? nil : targets,
            task: hasActivityColumn ? task : nil,
            activity: activity,
            outputs: lines(of: .outputs, in: cells),
            lead: lead, support: support, leadText: units.leadText, supportText: units.supportText,
            deadline: deadline,
            funding: text(of: .funding, in: cells), note: note(in: cells),
            source: source(row: row, boxes: boxes),
            confidence: (max(0, confidence) * 100).rounded() / 100)
    }

    /// Where the row is: its number, and from a page its box and its fields' cells' boxes.
    private func source(row: Int, boxes: RowBoxes) -> RowSource {
        var source = RowSource(page: table.rows[row].provenance.page ?? table.provenance.page,
                               table: tableNumber, row: row + 1)
        guard let unit = boxUnit else { return source }
        func pageBox(_ box: BoundingBox) -> PageBox {
            PageBox(x: box.x, y: box.y, width: box.width, height: box.height, unit: unit)
        }
        source.box = boxes.row.map(pageBox)
        var cells: [String: PageBox] = [:]
        let hasActivityColumn = !layout.columns(for: .activity).isEmpty
        for case let (column, box?) in boxes.columns {
            // A column whose header names no role is read into the note.
            let fields = switch layout.roles[column] {
            case .task? where !hasActivityColumn: ["activity"]
            case let role?: Self.fields(of: role)
            case nil: layout.unnamed[column] != nil ? ["note"] : []
            }
            for field in fields { cells[field] = cells[field].map { $0.union(pageBox(box)) } ?? pageBox(box) }
        }
        source.cells = cells.isEmpty ? nil : cells
        return source
    }

    /// The plan fields a column of this role is read into.
    private static func fields(of role: ColumnRole) -> [String] {
        switch role {
        case .responsible: ["lead", "support"]
        case .indicator: ["name"]
        default: [role.rawValue]
        }
    }

    /// The text of a role's columns in this row; several columns of one role (a header
    /// spanning two) are joined, each distinct text once.
    private func text(of role: ColumnRole, in cells: [Int: String]) -> String? {
        var parts: [String] = []
        for column in layout.columns(for: role) {
            if let text = cells[column], !text.isEmpty, !parts.contains(text) { parts.append(text) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// The note column, then the cells of columns whose header names no role, each under
    /// its header's wording, so that no cell of the row is left out of the task.
    private func note(in cells: [Int: String]) -> String? {
        let unnamed = layout.unnamed.keys.sorted().compactMap { column -> String? in
            guard let text = cells[column], !text.isEmpty, let header = layout.unnamed[column] else { return nil }
            return "\(header): \(text)"
        }
        let parts = [text(of: .note, in: cells)].compactMap { $0 } + unnamed
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    private func units(of role: ColumnRole, in cells: [Int: String]) -> [String] {
        text(of: role, in: cells).map(UnitList.split) ?? []
    }

    /// Outputs listed one per line or bullet.
    private func lines(of role: ColumnRole, in cells: [Int: String]) -> [String] {
        guard let text = text(of: role, in: cells) else { return [] }
        return text.split(separator: "\n").map {
            $0.trimmingPrefix(ListLabels.bullet).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    private static func trimmedNumber(_ raw: String) -> String {
        raw.trimmingCharacters(in: numberPunctuation)
    }

    /// The columns that say what the work is, outermost first.
    private static let workRoles: [ColumnRole] = [.objective, .task, .activity]

    private static let numberPunctuation = CharacterSet(charactersIn: " .):")
}

/// The boxes of a task row and of the cell covering each column, grown by the rows that
/// continue it.
private struct RowBoxes {
    var row: BoundingBox?
    var columns: [Int: BoundingBox?] = [:]

    /// The row's own stretch of the page: as wide as all its cells, as high as the cells that
    /// span it alone (a task merged over its activities is taller than each of their rows).
    static func ownBox(of row: TableRow, across cells: [BoundingBox]) -> BoundingBox? {
        let own = row.cells.filter { $0.rowSpan == 1 }.compactMap(\.provenance.boundingBox)
        guard let wide = BoundingBox.union(of: cells) else { return row.provenance.boundingBox }
        guard let high = BoundingBox.union(of: own) else { return row.provenance.boundingBox ?? wide }
        return BoundingBox(x: wide.x, y: high.y, width: wide.width, height: high.height)
    }

    mutating func add(_ more: RowBoxes) {
        row = BoundingBox.union(of: [row, more.row].compactMap { $0 })
        for (column, box) in more.columns {
            columns[column] = BoundingBox.union(of: [columns[column] ?? nil, box].compactMap { $0 })
        }
    }
}

enum ListLabel {
    /// 1 → "a", 26 → "z", 27 → "aa".
    static func letter(_ value: Int) -> String {
        let scalar = UnicodeScalar(UInt8(96 + (value - 1) % 26 + 1))
        return String(repeating: Character(scalar), count: (value - 1) / 26 + 1)
    }
}
