import VNPlanModel

/// Tables drawn with ruling lines (a "lattice"): the lines are snapped and joined, lines
/// that touch make one table, the distinct line positions are the grid's row and column
/// anchors, and wherever an inner line is missing the slots on both sides are one cell.
struct LatticeTables {
    /// After joining, a page with more lines than this is a drawing; no table is looked for.
    static let lineLimit = 4_000

    /// Lines closer than this are one line (a double border, a border drawn twice).
    let snap: Double

    init(scale: PageScale) {
        snap = max(scale.em * 0.25, 0.5)
    }

    func tables(in rulings: [RulingSegment]) -> [RuledGrid]? {
        let horizontals = joined(rulings.filter { $0.orientation == .horizontal })
        let verticals = joined(rulings.filter { $0.orientation == .vertical })
        guard horizontals.count + verticals.count <= Self.lineLimit else { return nil }
        return connectedGroups(horizontals, verticals).flatMap(splitAtSeams).compactMap { group in
            RuledGrid(horizontals: group.horizontals, verticals: group.verticals, snap: snap)
        }
    }

    /// Two tables drawn one right under the other touch, and their outer borders may look
    /// continuous; but the columns change at the line between them: inner verticals end on it
    /// from above and others, at other places, start on it below. That line is a seam.
    private func splitAtSeams(_ group: Group) -> [Group] {
        let positions = Set(group.horizontals.map(\.position)).sorted()
        guard positions.count > 2 else { return [group] }
        func places(_ lines: [RulingSegment]) -> [Double] {
            lines.map { ($0.position / snap).rounded() * snap }.sorted()
        }
        let seams = positions.dropFirst().dropLast().filter { y in
            let ending = places(group.verticals.filter { abs($0.end - y) <= snap })
            let starting = places(group.verticals.filter { abs($0.start - y) <= snap })
            return !ending.isEmpty && !starting.isEmpty && Set(ending).isDisjoint(with: starting)
        }
        guard !seams.isEmpty else { return [group] }
        let bounds = [-Double.infinity] + seams + [Double.infinity]
        return zip(bounds, bounds.dropFirst()).map { top, bottom in
            Group(horizontals: group.horizontals.filter { $0.position >= top - snap && $0.position <= bottom + snap },
                  verticals: group.verticals.compactMap { line in
                      // A border that runs on through the seam is cut there, a piece to each table.
                      guard line.start < bottom - snap, line.end > top + snap else { return nil }
                      var piece = line
                      piece.start = max(line.start, top)
                      piece.end = min(line.end, bottom)
                      return piece
                  })
        }.filter { !$0.horizontals.isEmpty && !$0.verticals.isEmpty }
    }

    /// Collinear pieces that overlap or nearly touch become one line.
    private func joined(_ segments: [RulingSegment]) -> [RulingSegment] {
        let sorted = segments.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
        var lines: [RulingSegment] = []
        for cluster in clusters(sorted, within: snap, position: \.position) {
            let position = cluster.map(\.position).reduce(0, +) / Double(cluster.count)
            let first = lines.count
            for piece in cluster.sorted(by: { $0.start < $1.start }) {
                if lines.count > first, piece.start <= lines[lines.count - 1].end + snap {
                    lines[lines.count - 1].end = max(lines[lines.count - 1].end, piece.end)
                    lines[lines.count - 1].thickness = max(lines[lines.count - 1].thickness, piece.thickness)
                } else {
                    lines.append(RulingSegment(orientation: piece.orientation, position: position,
                                               start: piece.start, end: piece.end, thickness: piece.thickness))
                }
            }
        }
        return lines
    }

    private struct Group { var horizontals: [RulingSegment] = [], verticals: [RulingSegment] = [] }

    /// Lines that cross or touch belong to one table (union-find over crossings). Lines are
    /// sorted by position so a vertical line meets only the horizontals within its extent.
    private func connectedGroups(_ horizontals: [RulingSegment], _ verticals: [RulingSegment]) -> [Group] {
        var sets = DisjointSets(count: horizontals.count + verticals.count)
        let byPosition = horizontals.indices.sorted { horizontals[$0].position < horizontals[$1].position }
        let positions = byPosition.map { horizontals[$0].position }
        for (offset, vertical) in verticals.enumerated() {
            var index = lowerBound(positions, vertical.start - snap)
            while index < positions.count, positions[index] <= vertical.end + snap {
                let horizontal = horizontals[byPosition[index]]
                if vertical.position >= horizontal.start - snap, vertical.position <= horizontal.end + snap {
                    sets.join(byPosition[index], to: horizontals.count + offset)
                }
                index += 1
            }
        }
        var groups: [Int: Group] = [:]
        for (index, line) in horizontals.enumerated() { groups[sets.root(index), default: Group()].horizontals.append(line) }
        for (index, line) in verticals.enumerated() { groups[sets.root(horizontals.count + index), default: Group()].verticals.append(line) }
        return groups.values
            .filter { !$0.horizontals.isEmpty && !$0.verticals.isEmpty }
            .sorted { ($0.horizontals.map(\.position).min() ?? 0) < ($1.horizontals.map(\.position).min() ?? 0) }
    }
}

/// One ruled table: its row and column anchors and its cells, each the union of the grid
/// slots that no inner line separates.
struct RuledGrid {
    struct Cell {
        var row: Int, column: Int, rowSpan: Int, columnSpan: Int
        var box: BoundingBox
    }

    let rowAnchors: [Double]
    let columnAnchors: [Double]
    let cells: [Cell]
    /// Which cell holds each slot, row by row.
    private let slotCell: [[Int]]

    var box: BoundingBox {
        BoundingBox(x: columnAnchors[0], y: rowAnchors[0], width: columnAnchors[columnAnchors.count - 1] - columnAnchors[0],
                    height: rowAnchors[rowAnchors.count - 1] - rowAnchors[0])
    }

    init?(horizontals: [RulingSegment], verticals: [RulingSegment], snap: Double) {
        // The table's outer edges are anchors even where a border is not drawn.
        let rows = Self.anchors(horizontals.map(\.position) + [verticals.map(\.start).min() ?? 0, verticals.map(\.end).max() ?? 0], snap: snap)
        let columns = Self.anchors(verticals.map(\.position) + [horizontals.map(\.start).min() ?? 0, horizontals.map(\.end).max() ?? 0], snap: snap)
        guard rows.count >= 2, columns.count >= 2, (rows.count - 1) * (columns.count - 1) >= 2,
              (rows.count - 1) * (columns.count - 1) <= 100_000 else { return nil }
        rowAnchors = rows
        columnAnchors = columns
        let rowCount = rows.count - 1, columnCount = columns.count - 1

        // A slot joins its right (lower) neighbour when no line covers the middle of the
        // boundary between them.
        var slots = DisjointSets(count: rowCount * columnCount)
        let verticalsAt = Self.linesByAnchor(verticals, anchors: columns, snap: snap)
        let horizontalsAt = Self.linesByAnchor(horizontals, anchors: rows, snap: snap)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let slot = row * columnCount + column
                if column + 1 < columnCount,
                   !Self.covers(verticalsAt[column + 1], from: rows[row], to: rows[row + 1]) {
                    slots.join(slot + 1, to: slot)
                }
                if row + 1 < rowCount,
                   !Self.covers(horizontalsAt[row + 1], from: columns[column], to: columns[column + 1]) {
                    slots.join(slot + columnCount, to: slot)
                }
            }
        }
        // Each group's bounding rectangle of slots is a cell; a group that is not a
        // rectangle (an L of missing lines) is kept as one cell per slot row.
        var bounds: [Int: (minRow: Int, maxRow: Int, minColumn: Int, maxColumn: Int, count: Int)] = [:]
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let group = slots.root(row * columnCount + column)
                if let b = bounds[group] {
                    bounds[group] = (min(b.minRow, row), max(b.maxRow, row), min(b.minColumn, column), max(b.maxColumn, column), b.count + 1)
                } else {
                    bounds[group] = (row, row, column, column, 1)
                }
            }
        }
        var slotCell = Array(repeating: Array(repeating: -1, count: columnCount), count: rowCount)
        var cells: [Cell] = []
        func addCell(rows rowRange: ClosedRange<Int>, columns columnRange: ClosedRange<Int>) {
            for row in rowRange { for column in columnRange { slotCell[row][column] = cells.count } }
            cells.append(Cell(row: rowRange.lowerBound, column: columnRange.lowerBound,
                              rowSpan: rowRange.count, columnSpan: columnRange.count,
                              box: BoundingBox(x: columns[columnRange.lowerBound], y: rows[rowRange.lowerBound],
                                               width: columns[columnRange.upperBound + 1] - columns[columnRange.lowerBound],
                                               height: rows[rowRange.upperBound + 1] - rows[rowRange.lowerBound])))
        }
        for row in 0..<rowCount {
            for column in 0..<columnCount where slotCell[row][column] < 0 {
                let group = slots.root(row * columnCount + column)
                guard let b = bounds[group] else { continue }
                let isRectangle = (b.maxRow - b.minRow + 1) * (b.maxColumn - b.minColumn + 1) == b.count
                if isRectangle {
                    addCell(rows: b.minRow...b.maxRow, columns: b.minColumn...b.maxColumn)
                } else {
                    var end = column
                    while end + 1 < columnCount, slotCell[row][end + 1] < 0,
                          slots.root(row * columnCount + end + 1) == group { end += 1 }
                    addCell(rows: row...row, columns: column...end)
                }
            }
        }
        self.cells = cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        var index: [Int: Int] = [:]
        for (newIndex, cell) in self.cells.enumerated() { index[slotCell[cell.row][cell.column]] = newIndex }
        self.slotCell = slotCell.map { $0.map { index[$0] ?? 0 } }
    }

    /// The cell that holds a point, or nil outside the table.
    func cellIndex(x: Double, y: Double) -> Int? {
        guard box.contains(x: x, y: y) else { return nil }
        let row = min(max(lowerBound(rowAnchors, y) - 1, 0), rowAnchors.count - 2)
        let column = min(max(lowerBound(columnAnchors, x) - 1, 0), columnAnchors.count - 2)
        return slotCell[row][column]
    }

    private static func anchors(_ positions: [Double], snap: Double) -> [Double] {
        clusters(positions.sorted(), within: snap) { $0 }.map { $0.reduce(0, +) / Double($0.count) }
    }

    private static func linesByAnchor(_ lines: [RulingSegment], anchors: [Double], snap: Double) -> [[RulingSegment]] {
        var byAnchor = Array(repeating: [RulingSegment](), count: anchors.count)
        for line in lines {
            let index = lowerBound(anchors, line.position - snap)
            if index < anchors.count, abs(anchors[index] - line.position) <= snap { byAnchor[index].append(line) }
        }
        return byAnchor
    }

    /// Whether the lines cover the middle half of the stretch between two anchors.
    private static func covers(_ lines: [RulingSegment], from start: Double, to end: Double) -> Bool {
        let quarter = (end - start) / 4
        return lines.contains { $0.start <= start + quarter && $0.end >= end - quarter }
    }
}
