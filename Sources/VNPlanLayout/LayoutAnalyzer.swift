import VNPlanModel

/// The Layout stage: pages of geometry, given one at a time, become the blocks of a
/// `SourceDocument` — paragraphs, and tables with their spans — in reading order. A table
/// that runs on over the next page is joined into one.
///
/// It knows geometry only: not PDF, not pixels, not plans. Every distance is judged against
/// the page's own text height, so the same rules serve a PDF in points and a scan in pixels.
public struct LayoutAnalyzer: Sendable {
    private var blocks: [Block] = []
    private var warnings: [String] = []
    /// The last block is a table that may go on over the next page.
    private var openTable: OpenTable?

    private struct OpenTable {
        var columnEdges: [Double]
        var page: Int
        var gutters: [ClosedRange<Double>]?
    }

    public init() {}

    public mutating func add(_ page: PageGeometry) {
        let carried = openTable.flatMap { $0.page == page.number - 1 ? $0.gutters : nil }
        let pageLayout = PageLayout(page, carriedGutters: carried)
        let result = pageLayout.blocks()
        warnings += result.warnings
        for (index, positioned) in result.blocks.enumerated() {
            if index == 0, case .table(let table) = positioned.block, let open = openTable,
               open.page == page.number - 1, case .table(let previous)? = blocks.last,
               let joined = TableJoin(snap: max(pageLayout.scale.em, 1)).joined(previous, table, previousEdges: open.columnEdges,
                                                                    sameColumns: positioned.continuesPreviousPage) {
                blocks[blocks.count - 1] = .table(joined)
            } else {
                blocks.append(positioned.block)
            }
        }
        if let last = result.blocks.last, case .table(let table) = last.block {
            openTable = OpenTable(columnEdges: TableJoin.columnEdges(of: table), page: page.number, gutters: last.gutters)
        } else {
            openTable = nil
        }
    }

    /// The blocks and warnings of every page added.
    public func finish() -> (blocks: [Block], warnings: [String]) {
        (blocks, warnings)
    }
}
