import VNPlanModel

/// One page of geometry made into blocks, top to bottom: the ruled tables, the borderless
/// tables, and the paragraphs between them.
struct PageLayout {
    let page: PageGeometry
    let scale: PageScale
    /// The gutters of a borderless table the previous page ended with.
    let carriedGutters: [ClosedRange<Double>]?

    init(_ page: PageGeometry, carriedGutters: [ClosedRange<Double>]? = nil) {
        self.page = page
        self.carriedGutters = carriedGutters
        scale = PageScale(words: page.words, unitsPerInch: page.unitsPerInch)
    }

    struct Result {
        var blocks: [PositionedBlock]
        var warnings: [String]
    }

    /// A block and the top of its box, for ordering the page.
    struct PositionedBlock {
        var block: Block
        var top: Double
        /// A borderless table's gutters, so that the next page can go on with its columns.
        var gutters: [ClosedRange<Double>]? = nil
        /// A borderless table laid out with the previous page's gutters: it goes on that table.
        var continuesPreviousPage = false
    }

    func blocks() -> Result {
        var warnings = page.warnings
        let grids = LatticeTables(scale: scale).tables(in: page.rulings)
        if grids == nil {
            warnings.append("Page \(page.number) draws too many lines to be read as tables; its text was read as paragraphs.")
        }
        var cellWords = (grids ?? []).map { Array(repeating: [PageWord](), count: $0.cells.count) }
        var freeWords: [PageWord] = []
        for word in page.words {
            let centre = (x: word.box.midX, y: word.box.midY)
            if let (table, cell) = (grids ?? []).enumerated().lazy.compactMap({ index, grid in
                grid.cellIndex(x: centre.x, y: centre.y).map { (index, $0) } }).first {
                cellWords[table][cell].append(word)
            } else {
                freeWords.append(word)
            }
        }
        var blocks: [PositionedBlock] = []
        for (grid, words) in zip(grids ?? [], cellWords) where words.contains(where: { !$0.isEmpty }) {
            blocks.append(PositionedBlock(block: .table(ruledTable(grid, words: words)), top: grid.box.y))
        }
        let lines = TextLine.lines(of: freeWords)
        let tableFirst = blocks.map(\.top).min()
        blocks += StreamLayout(lines: lines, scale: scale, page: page,
                               carriedGutters: tableFirst == nil ? carriedGutters : nil).blocks()
        blocks.sort { $0.top < $1.top }
        return Result(blocks: blocks, warnings: warnings)
    }

    private func ruledTable(_ grid: RuledGrid, words: [[PageWord]]) -> Table {
        var rows = Array(repeating: [TableCell](), count: grid.rowAnchors.count - 1)
        var rowBoxes = Array(repeating: BoundingBox?.none, count: rows.count)
        let cellLines = words.map(TextLine.lines(of:))
        // The cells' padding is the table's, not each cell's: a centred cell's lines start
        // further in, and taking that for padding would leave its text no room to wrap in.
        let padding = zip(grid.cells, cellLines).compactMap { cell, lines in
            lines.map(\.box.x).min().map { max(0, $0 - cell.box.x) }
        }.min() ?? 0
        for (cell, lines) in zip(grid.cells, cellLines) {
            var tableCell = TableCell(text: WrappedText.text(of: lines, width: cell.box.width - 2 * padding,
                                                                    wordSpace: scale.wordSpace),
                                      column: cell.column, columnSpan: cell.columnSpan, rowSpan: cell.rowSpan,
                                      isBold: !lines.isEmpty && lines.allSatisfy(\.isBold))
            tableCell.provenance = provenance(cell.box, words: lines.flatMap(\.words))
            rows[cell.row].append(tableCell)
            rowBoxes[cell.row] = rowBoxes[cell.row].map { $0.union(cell.box) } ?? cell.box
        }
        let tableRows = zip(rows, rowBoxes).map { cells, box in
            TableRow(cells: cells, provenance: Provenance(page: page.number, boundingBox: box))
        }
        return Table(rows: tableRows, columnCount: grid.columnAnchors.count - 1,
                     provenance: provenance(grid.box, words: words.flatMap { $0 }))
    }

    func provenance(_ box: BoundingBox, words: [PageWord]) -> Provenance {
        Provenance(page: page.number, boundingBox: box, ocrConfidence: words.compactMap(\.confidence).min())
    }
}
