/// The rows of a borderless table, and the rows each of its cells spans, found from where
/// the cells lie when no ruling says where a row ends.
///
/// Word and LibreOffice set a cell's lines at the top of its row or centred in it, so the
/// cells of one row start at different heights, and a merged cell (a task over its
/// activities) sits across the rows it spans or centred over them. Two rules find the rows:
/// - two cells of one column are in two rows, so some row boundary lies in the gap between
///   them; the fewest boundaries that fall in every such gap are the table's (interval
///   stabbing), each where it crosses the fewest cells within the stretch the gaps share;
/// - a cell reaches past its own rows where its position says so: it lies across them, or it
///   is centred over empty rows of its column (nesting in the cell to its left), or (set at the top of its row) the rows below it are empty in its
///   column while the column to its left still covers them (a merge nests inside the one to
///   its left: TT, then the objective, then the task).
struct StreamRows {
    /// A column's lines that follow at the usual pitch, from the top of its first line to the
    /// bottom of its last.
    struct Cell {
        var column: Int
        var top: Double
        var bottom: Double
        var centre: Double { (top + bottom) / 2 }
    }

    /// Top and bottom of each row, top to bottom.
    let bands: [ClosedRange<Double>]
    /// For each cell (in the order given), the rows it spans.
    let spans: [ClosedRange<Int>]

    /// A cell reaches this many rows beyond those it lies across at most: centring is judged
    /// over a bounded number of rows, so the work stays linear in the cells.
    static let longestReach = 24
    /// A line reaching this share of a text height past a boundary only touches it.
    static let touch = 0.3

    /// - Parameters:
    ///   - top, bottom: where the stretch of table holding `cells` begins and ends (between
    ///     the rows that span every column).
    ///   - pitch: the usual step between lines inside a cell.
    ///   - em: the page's text height.
    init(cells: [Cell], columnCount: Int, top: Double, bottom: Double, pitch: Double, em: Double) {
        let touch = Self.touch * em
        let bands = Self.bands(of: cells, top: top, bottom: bottom, touch: touch)
        let spans = Self.spans(of: cells, columnCount: columnCount, bands: bands, pitch: pitch, touch: touch)
        // A row where no cell begins (a cell's first line a hair past the boundary above
        // it) is part of the row above.
        let starts = Set(spans.map(\.lowerBound))
        var kept: [Int] = []  // kept[new row] = old row
        var newRow = Array(repeating: 0, count: bands.count)
        for row in bands.indices {
            if starts.contains(row) || kept.isEmpty { kept.append(row) }
            newRow[row] = kept.count - 1
        }
        self.bands = kept.indices.map { index in
            let last = index + 1 < kept.count ? kept[index + 1] - 1 : bands.count - 1
            return bands[kept[index]].lowerBound...bands[last].upperBound
        }
        self.spans = spans.map { newRow[$0.lowerBound]...newRow[$0.upperBound] }
    }

    /// The rows, cut at the fewest heights that lie between every two cells of one column.
    private static func bands(of cells: [Cell], top: Double, bottom: Double, touch: Double) -> [ClosedRange<Double>] {
        var gaps: [ClosedRange<Double>] = []
        var previousInColumn: [Int: Cell] = [:]
        for cell in cells.sorted(by: { ($0.column, $0.top) < ($1.column, $1.top) }) {
            if let previous = previousInColumn[cell.column] {
                gaps.append(min(previous.bottom, cell.top)...max(previous.bottom, cell.top))
            }
            previousInColumn[cell.column] = cell
        }
        // Greedy stabbing: sorted by where they end, a gap that begins before the current
        // boundary's stretch ends shares that boundary and narrows its stretch.
        var shared: [ClosedRange<Double>] = []
        for gap in gaps.sorted(by: { ($0.upperBound, $0.lowerBound) < ($1.upperBound, $1.lowerBound) }) {
            if let last = shared.last, gap.lowerBound <= last.upperBound {
                shared[shared.count - 1] = max(last.lowerBound, gap.lowerBound)...last.upperBound
            } else {
                shared.append(gap)
            }
        }
        let cuts = shared.map { boundary(in: $0, cells: cells, touch: touch) }.filter { $0 > top && $0 < bottom }
        let edges = [top] + cuts + [bottom]
        return zip(edges, edges.dropFirst()).map { $0...max($0, $1) }
    }

    /// Where in the stretch the gaps share a boundary crosses the fewest cells (a cell
    /// centred in the row below may begin inside the stretch), nearest its middle.
    /// A region holds at most `StreamRegion.longestRun` lines, which bounds the cells compared.
    private static func boundary(in stretch: ClosedRange<Double>, cells: [Cell], touch: Double) -> Double {
        let middle = (stretch.lowerBound + stretch.upperBound) / 2
        let edges = cells.flatMap { [$0.top - touch, $0.bottom + touch] }.filter { stretch.contains($0) }
        let candidates = [middle, stretch.lowerBound, stretch.upperBound] + edges
        let scored = candidates.map { y in
            (y: y, crossed: cells.filter { $0.top + touch < y && $0.bottom - touch > y }.count, offset: abs(y - middle))
        }
        return scored.min { ($0.crossed, $0.offset) < ($1.crossed, $1.offset) }?.y ?? middle
    }

    private static func spans(of cells: [Cell], columnCount: Int, bands: [ClosedRange<Double>],
                              pitch: Double, touch: Double) -> [ClosedRange<Int>] {
        // `bands` holds one row at least: the stretch from `top` to `bottom`.
        let bandTops = bands.map(\.lowerBound)
        // The rows a cell lies across; a line touching a boundary does not cross it.
        var spans: [ClosedRange<Int>] = cells.map { cell in
            let first = max(0, lowerBound(bandTops, cell.top + touch) - 1)
            let last = max(first, lowerBound(bandTops, cell.bottom - touch) - 1)
            return first...min(last, bands.count - 1)
        }
        // owner[column][row]: the cell that covers that row of the column.
        var owner = Array(repeating: [Int?](repeating: nil, count: bands.count), count: columnCount)
        func claim(_ index: Int) {
            for row in spans[index] where cells[index].column < columnCount { owner[cells[index].column][row] = index }
        }
        cells.indices.forEach(claim)
        func centre(of rows: ClosedRange<Int>) -> Double {
            (bands[rows.lowerBound].lowerBound + bands[rows.upperBound].upperBound) / 2
        }
        func isFree(_ column: Int, _ row: Int) -> Bool { owner[column][row] == nil }
        // The rows the cell covering `row` of `column` spans.
        func leftSpan(_ column: Int, _ row: Int) -> ClosedRange<Int>? {
            owner[column][row].map { spans[$0] }
        }
        let tolerance = 0.5 * pitch
        let byColumn = Dictionary(grouping: cells.indices.filter { cells[$0].column < columnCount }, by: { cells[$0].column })
        // Column by column from the left, so that a cell nests in the settled one to its left.
        for column in byColumn.keys.sorted() {
            // A merge nests inside the cell to its left: that cell covers every row of it, or
            // none does (the cell to its left began on the page before).
            func nests(_ rows: ClosedRange<Int>) -> Bool {
                column == 0 || rows.allSatisfy { owner[column - 1][$0] == owner[column - 1][rows.lowerBound] }
            }
            var topAligned: [Int] = []
            for index in byColumn[column, default: []].sorted(by: { cells[$0].top < cells[$1].top }) {
                let cell = cells[index], own = spans[index]
                let isAtTop = cell.top - bands[own.lowerBound].lowerBound <= tolerance
                // Merges nest and often span alike (the number and the task over the task's
                // activities): centred over the rows of the cell to its left, it spans them,
                // even where its own lines fill a row and so also sit at that row's top.
                let alongLeft = column > 0 ? leftSpan(column - 1, own.lowerBound) : nil
                if let alongLeft, alongLeft != own, alongLeft.contains(own.lowerBound), alongLeft.contains(own.upperBound),
                   alongLeft.allSatisfy({ own.contains($0) || isFree(column, $0) }),
                   abs(centre(of: alongLeft) - cell.centre) <= tolerance {
                    spans[index] = alongLeft
                    claim(index)
                } else if isAtTop {
                    // Set at the top of its row, it may have been merged over the empty rows below.
                    topAligned.append(index)
                } else if let centred = centredSpan(around: own, column: column, rowCount: bands.count, centre: cell.centre,
                                                    tolerance: tolerance, isFree: isFree, centreOf: centre(of:),
                                                    accepting: { $0 != own && nests($0) }) {
                    // Centred over empty rows of its column around its own, it was merged over them.
                    spans[index] = centred
                    claim(index)
                }
            }
            for index in topAligned {
                var last = spans[index].upperBound
                while last + 1 < bands.count, last - spans[index].upperBound < Self.longestReach, isFree(column, last + 1),
                      column == 0 || owner[column - 1][last + 1] == owner[column - 1][last] {
                    last += 1
                }
                spans[index] = spans[index].lowerBound...last
                claim(index)
            }
        }
        return spans
    }

    /// The fewest rows around `own`, free in the column, that a cell centred at `centre` is
    /// centred over.
    private static func centredSpan(around own: ClosedRange<Int>, column: Int, rowCount: Int, centre: Double,
                                    tolerance: Double, isFree: (Int, Int) -> Bool,
                                    centreOf: (ClosedRange<Int>) -> Double,
                                    accepting: (ClosedRange<Int>) -> Bool) -> ClosedRange<Int>? {
        var highest = own.lowerBound
        while highest > 0, own.lowerBound - highest < Self.longestReach, isFree(column, highest - 1) { highest -= 1 }
        var lowest = own.upperBound
        while lowest + 1 < rowCount, lowest - own.upperBound < Self.longestReach, isFree(column, lowest + 1) { lowest += 1 }
        var best: (rows: ClosedRange<Int>, miss: Double)?
        for first in highest...own.lowerBound {
            for last in own.upperBound...lowest {
                let rows = first...last, miss = abs(centreOf(rows) - centre)
                guard miss <= tolerance, accepting(rows) else { continue }
                if best.map({ rows.count < $0.rows.count || (rows.count == $0.rows.count && miss < $0.miss) }) ?? true {
                    best = (rows, miss)
                }
            }
        }
        return best?.rows
    }
}

