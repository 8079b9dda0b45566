import VNPlanModel

/// Reads word/document.xml in one streaming pass into paragraphs and tables.
///
/// Tables keep Word's grid: `w:gridBefore`/`w:gridAfter` shift cells, `w:gridSpan` widens
/// them, `w:vMerge` continuation cells are folded into the `rowSpan` of the cell that
/// restarts the merge. Tables inside cells are kept as the cell's nested tables.
struct DocumentXMLParser {
    private var blocks: [Block] = []
    private var tables: [TableBuilder] = []
    private var paragraphs: [ParagraphBuilder] = []
    private var listCounter: ListCounter
    private let styles: StyleNumbering

    init(numbering: NumberingDefinitions, styles: StyleNumbering) {
        self.listCounter = ListCounter(definitions: numbering)
        self.styles = styles
    }

    /// Elements whose content is not document text: deleted revisions, field instructions,
    /// the fallback copy of drawings (the choice copy is read), comments' references.
    private static let ignoredElements: Set<String> = [
        "w:delText", "w:instrText", "mc:Fallback", "w:del", "w:moveFrom", "w:pPrChange",
        "w:rPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange", "w:sectPr", "w:footnoteReference",
    ]

    mutating func parse(_ parser: XMLPullParser) throws(XMLPartError) -> [Block] {
        var inRunProperties = false
        var inParagraphProperties = false
        /// Only w:t holds text; other elements' text (drawing offsets, say) is not content.
        var inText = false
        while let event = try parser.next() {
            switch event {
            case .start(let name, let isEmpty):
                if Self.ignoredElements.contains(name) {
                    if !isEmpty { try parser.skipElement() }
                    continue
                }
                switch name {
                case "w:p": paragraphs.append(ParagraphBuilder())
                case "w:t": inText = !isEmpty
                case "w:pPr": inParagraphProperties = !isEmpty
                case "w:rPr": inRunProperties = !isEmpty
                case "w:r": paragraphs.lastIndex.map { paragraphs[$0].runIsBold = false }
                case "w:b" where inRunProperties && !inParagraphProperties:
                    let value = parser.attribute("w:val")
                    paragraphs.lastIndex.map {
                        paragraphs[$0].runIsBold = value == nil || value == "1" || value == "true" || value == "on"
                    }
                case "w:jc" where inParagraphProperties:
                    paragraphs.lastIndex.map { paragraphs[$0].isCentered = parser.attribute("w:val") == "center" }
                case "w:pStyle" where inParagraphProperties:
                    if let style = parser.attribute("w:val"), let list = styles.numbering(ofStyle: style) {
                        paragraphs.lastIndex.map { paragraphs[$0].list = (list.numID, list.level) }
                    }
                case "w:numId" where inParagraphProperties:
                    paragraphs.lastIndex.map { paragraphs[$0].list.numID = parser.attribute("w:val") }
                case "w:ilvl" where inParagraphProperties:
                    let level = GridLimits.number(parser.attribute("w:val"), clampedTo: GridLimits.listLevels) ?? 0
                    paragraphs.lastIndex.map { paragraphs[$0].list.level = level }
                case "w:tab" where !inParagraphProperties && !inRunProperties: appendText("\t")
                case "w:br", "w:cr": appendText("\n")
                case "w:noBreakHyphen": appendText("-")
                case "w:sym": appendText("•")
                case "w:tbl": tables.append(TableBuilder())
                case "w:gridCol":
                    tables.lastIndex.map { tables[$0].gridColumnCount = min(tables[$0].gridColumnCount + 1, GridLimits.columns) }
                case "w:tr": tables.lastIndex.map { tables[$0].startRow() }
                case "w:gridBefore":
                    let count = GridLimits.number(parser.attribute("w:val"), clampedTo: 0...GridLimits.columns) ?? 0
                    tables.lastIndex.map { tables[$0].gridBefore(count) }
                case "w:tblHeader":
                    let value = parser.attribute("w:val")
                    tables.lastIndex.map { tables[$0].markHeader(value == nil || value == "1" || value == "true") }
                case "w:tc": tables.lastIndex.map { tables[$0].startCell() }
                case "w:gridSpan":
                    let span = GridLimits.number(parser.attribute("w:val"), clampedTo: 1...GridLimits.columns) ?? 1
                    tables.lastIndex.map { tables[$0].setGridSpan(span) }
                case "w:vMerge":
                    let restart = parser.attribute("w:val") == "restart"
                    tables.lastIndex.map { tables[$0].setVerticalMerge(restart ? .restart : .continuation) }
                default: break
                }
            case .end(let name):
                switch name {
                case "w:pPr": inParagraphProperties = false
                case "w:rPr": inRunProperties = false
                case "w:t": inText = false
                case "w:p": finishParagraph()
                case "w:tc": tables.lastIndex.map { tables[$0].finishCell() }
                case "w:tr": tables.lastIndex.map { tables[$0].finishRow() }
                case "w:tbl": finishTable()
                default: break
                }
            case .text(let text) where inText:
                appendText(text)
            case .text:
                break
            }
        }
        return blocks
    }

    private mutating func appendText(_ text: String) {
        guard let last = paragraphs.indices.last else { return }
        paragraphs[last].append(text)
    }

    private mutating func finishParagraph() {
        guard var paragraph = paragraphs.popLast() else { return }
        if let numID = paragraph.list.numID {
            paragraph.label = listCounter.nextLabel(numID: numID, level: paragraph.list.level ?? 0)
        }
        let finished = paragraph.build()
        if let table = tables.indices.last, tables[table].hasOpenCell {
            tables[table].appendToCell(finished)
        } else {
            blocks.append(.paragraph(finished))
        }
    }

    private mutating func finishTable() {
        guard let builder = tables.popLast() else { return }
        let table = builder.build(nestingDepth: tables.count)
        if let outer = tables.indices.last, tables[outer].hasOpenCell {
            tables[outer].appendNestedTable(table)
        } else {
            blocks.append(.table(table))
        }
    }
}

private extension Array {
    var lastIndex: Int? { indices.last }
}

/// A paragraph being read: its text, whether every run is bold, and its list membership.
private struct ParagraphBuilder {
    var text = ""
    var isCentered = false
    var list: (numID: String?, level: Int?) = (nil, nil)
    var label: String?
    var runIsBold = false
    private var sawText = false
    private var everyRunBold = true

    mutating func append(_ fragment: String) {
        text += fragment
        if !fragment.allSatisfy(\.isWhitespace) {
            sawText = true
            everyRunBold = everyRunBold && runIsBold
        }
    }

    func build() -> Paragraph {
        // Runs of marks may be cut across w:t elements: the whole paragraph is made stream-safe.
        Paragraph(text: MarkRuns.streamSafe(text), listLabel: label, isBold: sawText && everyRunBold, isCentered: isCentered)
    }
}

/// A table being read, row by row, on Word's column grid. Spans and shifts come clamped to
/// `GridLimits.columns`, and a cell past that many columns is no real table's: it is dropped,
/// so the grid stays as wide as Word's widest.
private struct TableBuilder {
    enum VerticalMerge { case restart, continuation }

    private struct PendingCell {
        var paragraphs: [Paragraph] = []
        var nested: [Table] = []
        var gridSpan = 1
        var verticalMerge: VerticalMerge?
    }

    private struct PendingRow {
        var cells: [(cell: PendingCell, column: Int)] = []
        var nextColumn = 0
        var isHeader = false
    }

    var gridColumnCount = 0
    private var rows: [PendingRow] = []
    private var openRow: PendingRow?
    private var openCell: PendingCell?

    var hasOpenCell: Bool { openCell != nil }

    mutating func startRow() { openRow = PendingRow() }
    mutating func gridBefore(_ count: Int) { openRow?.nextColumn += count }
    mutating func markHeader(_ isHeader: Bool) { openRow?.isHeader = isHeader }
    mutating func startCell() { openCell = PendingCell() }
    mutating func setGridSpan(_ span: Int) { openCell?.gridSpan = span }
    mutating func setVerticalMerge(_ merge: VerticalMerge) { openCell?.verticalMerge = merge }
    mutating func appendToCell(_ paragraph: Paragraph) { openCell?.paragraphs.append(paragraph) }
    mutating func appendNestedTable(_ table: Table) { openCell?.nested.append(table) }

    mutating func finishCell() {
        guard var cell = openCell, var row = openRow else { return }
        openCell = nil
        guard row.nextColumn < GridLimits.columns else { return }
        cell.gridSpan = min(cell.gridSpan, GridLimits.columns - row.nextColumn)
        row.cells.append((cell, row.nextColumn))
        row.nextColumn += cell.gridSpan
        openRow = row
    }

    mutating func finishRow() {
        if let openRow { rows.append(openRow) }
        openRow = nil
    }

    /// Folds vertical-merge continuations into the rowSpan of the cell above them.
    func build(nestingDepth: Int) -> Table {
        var built: [TableRow] = []
        /// For each grid column, the (row, cell) index of the merge that is still open there.
        var openMerges: [Int: (row: Int, cell: Int)] = [:]
        for pending in rows {
            var cells: [TableCell] = []
            for (cell, column) in pending.cells {
                if cell.verticalMerge == .continuation, let origin = openMerges[column] {
                    built[origin.row].cells[origin.cell].rowSpan += 1
                    continue
                }
                let text = cell.paragraphs.map(\.labeledText).joined(separator: "\n")
                let bold = cell.paragraphs.contains { !$0.text.isEmpty }
                    && cell.paragraphs.allSatisfy { $0.text.isEmpty || $0.isBold }
                cells.append(TableCell(text: text, column: column, columnSpan: cell.gridSpan,
                                       isBold: bold, nestedTables: cell.nested))
                for covered in column..<(column + cell.gridSpan) {
                    openMerges[covered] = cell.verticalMerge == .restart
                        ? (built.count, cells.count - 1) : nil
                }
            }
            built.append(TableRow(cells: cells, isRepeatedHeader: pending.isHeader))
        }
        let widest = built.map { $0.cells.map { $0.column + $0.columnSpan }.max() ?? 0 }.max() ?? 0
        return Table(rows: built, columnCount: max(gridColumnCount, widest), nestingDepth: nestingDepth)
    }
}
