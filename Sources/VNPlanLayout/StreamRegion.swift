import VNPlanModel

/// A run of lines that reads as a borderless table: whitespace runs down between its
/// columns (gutters) on every line, except for lines that span the columns (a group row
/// "I. KIỂM SOÁT THỦ TỤC HÀNH CHÍNH") and open at a column's edge.
struct StreamRegion {
    let lines: [TextLine]
    /// Index of the first line after the region.
    let end: Int
    /// The whitespace between columns, left to right.
    let gutters: [ClosedRange<Double>]
    /// Offsets (into `lines`) of lines that span the columns.
    let spanning: Set<Int>

    /// The table that starts at `start`, or nil when the lines there are not one.
    static func grow(from start: Int, in lines: [TextLine], scale: PageScale, pageCentre: Double) -> StreamRegion? {
        let em = scale.em
        let minimumGutter = StreamLayout.gutterFraction * em
        var occupied = Occupancy(lines[start])
        var end = start + 1
        // A first line in one column ("TM. ỦY BAN NHÂN DÂN" over "Nơi nhận: … CHỦ TỊCH")
        // belongs to the columns the next line opens.
        if occupied.gutters(wider: minimumGutter).isEmpty {
            guard end < lines.count, lines[end].box.y - lines[start].box.y < 1.6 * 1.3 * em else { return nil }
            let both = occupied.adding(lines[end])
            guard both.gutters(wider: StreamLayout.wideGutterFraction * em).count >= 1 else { return nil }
            occupied = both
            end += 1
        }
        var spanning: Set<Int> = []
        var pitches: [Double] = []
        while end < lines.count {
            let line = lines[end]
            let pitch = line.box.y - lines[end - 1].box.y
            let usualPitch = pitches.isEmpty ? 1.3 * em : pitches.sorted()[pitches.count / 2]
            if pitch > 1.6 * max(usualPitch, em) { break }
            if isCentredOnPage(line, gutters: occupied.gutters(wider: minimumGutter), centre: pageCentre, em: em) { break }
            let current = occupied.gutters(wider: minimumGutter)
            let merged = occupied.adding(line)
            let kept = merged.gutters(wider: minimumGutter).count
            // The first line's wide word gaps may look like gutters; the second line settles it.
            if kept == current.count || (end == start + 1 && kept >= 1) {
                occupied = merged
            } else if current.count >= 2, end - start >= 2, end + 1 < lines.count,
                      opensAtColumnEdge(line, gutters: current, em: em),
                      occupied.adding(lines[end + 1]).gutters(wider: minimumGutter).count == current.count {
                spanning.insert(end - start)
            } else {
                break
            }
            pitches.append(pitch)
            end += 1
        }
        let gutters = occupied.gutters(wider: minimumGutter)
        let region = StreamRegion(lines: Array(lines[start..<end]), end: end, gutters: gutters, spanning: spanning)
        let multiColumnLines = region.lines.indices.filter { !spanning.contains($0) && region.columnsUsed(by: region.lines[$0]) >= 2 }.count
        let isWide = gutters.contains { $0.upperBound - $0.lowerBound >= StreamLayout.wideGutterFraction * em }
        guard !gutters.isEmpty, multiColumnLines >= (isWide ? 1 : 3), region.lines.count >= (isWide ? 3 : 2) else { return nil }
        return region
    }

    /// A title under a letterhead ("KẾ HOẠCH") stands in one column's x-range but is centred
    /// on the page, not on the column.
    private static func isCentredOnPage(_ line: TextLine, gutters: [ClosedRange<Double>], centre: Double, em: Double) -> Bool {
        guard abs(line.box.midX - centre) < em else { return false }
        let edges = [-Double.infinity] + gutters.flatMap { [$0.lowerBound, $0.upperBound] } + [Double.infinity]
        return gutters.contains { $0.lowerBound < line.box.maxX + 2 * em && $0.upperBound > line.box.x - 2 * em }
            && edges.count > 2
    }

    private static func opensAtColumnEdge(_ line: TextLine, gutters: [ClosedRange<Double>], em: Double) -> Bool {
        guard let left = line.words.first?.box.x else { return false }
        return gutters.contains { abs($0.upperBound - left) < em } || left < (gutters.first?.lowerBound ?? 0)
    }

    private func column(ofX x: Double) -> Int {
        gutters.filter { ($0.lowerBound + $0.upperBound) / 2 < x }.count
    }

    private func columnsUsed(by line: TextLine) -> Int {
        Set(line.words.map { column(ofX: $0.box.midX) }).count
    }

    // MARK: The table

    /// A column's words on one line of the region.
    private struct Piece {
        var line: Int
        var column: Int
        var text: TextLine
    }

    func table(page: PageGeometry, scale: PageScale) -> Table {
        let columnCount = gutters.count + 1
        var pieces: [Piece] = []
        for (offset, line) in lines.enumerated() where !spanning.contains(offset) {
            var byColumn: [Int: [PageWord]] = [:]
            for word in line.words { byColumn[column(ofX: word.box.midX), default: []].append(word) }
            for (column, words) in byColumn.sorted(by: { $0.key < $1.key }) {
                pieces.append(Piece(line: offset, column: column, text: TextLine(words: words)))
            }
        }
        // Within a column, a cell goes on while the lines follow at the usual pitch.
        let pitch = usualPitch(of: pieces, scale: scale)
        var blocks: [[Piece]] = []
        var lastBlockOfColumn: [Int: Int] = [:]
        for piece in pieces {
            if let index = lastBlockOfColumn[piece.column], let previous = blocks[index].last,
               piece.text.box.y - previous.text.box.y <= 1.25 * pitch,
               !spanning.contains(where: { $0 > previous.line && $0 < piece.line }) {
                blocks[index].append(piece)
            } else {
                lastBlockOfColumn[piece.column] = blocks.count
                blocks.append([piece])
            }
        }
        // A row starts on a line where two cells start, or the first column's cell, or a
        // spanning line; a cell starting alone elsewhere goes on the cell above it.
        var startsOnLine: [Int: Int] = [:]
        for block in blocks { startsOnLine[block[0].line, default: 0] += 1 }
        var rowStarts = Set(spanning)
        rowStarts.insert(0)
        for block in blocks where startsOnLine[block[0].line, default: 0] >= 2 || block[0].column == 0 {
            rowStarts.insert(block[0].line)
        }
        let rowLines = rowStarts.sorted()
        let rowPositions = rowLines.map(Double.init)
        func row(ofLine line: Int) -> Int { max(0, lowerBound(rowPositions, Double(line) + 0.5) - 1) }

        var cellsByRow = Array(repeating: [Int: [Piece]](), count: rowLines.count)
        var lastLineOfCell: [Int: [Int: Int]] = [:]
        for block in blocks {
            let row = row(ofLine: block[0].line)
            cellsByRow[row][block[0].column, default: []] += block
            lastLineOfCell[row, default: [:]][block[0].column] = block.last?.line
        }
        let regionLeft = lines.map(\.box.x).min() ?? 0, regionRight = lines.map(\.box.maxX).max() ?? page.width
        // A borderless cell reaches to the middle of the gutters beside it.
        let middles = gutters.map { ($0.lowerBound + $0.upperBound) / 2 }
        let columnWidth = (0..<columnCount).map { column in
            (column < middles.count ? middles[column] : regionRight) - (column > 0 ? middles[column - 1] : regionLeft)
        }
        var rows: [TableRow] = []
        for (rowIndex, startLine) in rowLines.enumerated() {
            if spanning.contains(startLine) {
                let line = lines[startLine]
                rows.append(TableRow(cells: spanningCells(of: line, page: page, scale: scale),
                                     provenance: Provenance(page: page.number, boundingBox: line.box)))
                continue
            }
            var cells: [TableCell] = []
            var rowBox: BoundingBox?
            for (column, cellPieces) in cellsByRow[rowIndex].sorted(by: { $0.key < $1.key }) {
                let textLines = cellPieces.map(\.text)
                let lastLine = lastLineOfCell[rowIndex]?[column] ?? startLine
                let span = rowLines[(rowIndex + 1)...].filter { $0 <= lastLine }.count + 1
                let box = textLines.dropFirst().reduce(textLines[0].box) { $0.union($1.box) }
                var cell = TableCell(text: WrappedText.text(of: textLines, width: columnWidth[column]),
                                     column: column, rowSpan: span, isBold: textLines.allSatisfy(\.isBold))
                cell.provenance = Provenance(page: page.number, boundingBox: box,
                                             ocrConfidence: textLines.compactMap(\.confidence).min())
                cells.append(cell)
                rowBox = rowBox.map { $0.union(box) } ?? box
            }
            rows.append(TableRow(cells: cells, provenance: Provenance(page: page.number, boundingBox: rowBox)))
        }
        let box = lines.dropFirst().reduce(lines[0].box) { $0.union($1.box) }
        return Table(rows: rows, columnCount: columnCount,
                     provenance: Provenance(page: page.number, boundingBox: box,
                                            ocrConfidence: lines.compactMap(\.confidence).min()))
    }

    /// A spanning line is cut where a gap between its words lies over a gutter: "I." in the
    /// first column, the group's title across the rest.
    private func spanningCells(of line: TextLine, page: PageGeometry, scale: PageScale) -> [TableCell] {
        var groups: [[PageWord]] = []
        for word in line.words {
            if let last = groups.last?.last,
               word.box.x - last.box.maxX >= StreamLayout.gutterFraction * scale.em,
               gutters.contains(where: { $0.lowerBound < word.box.x && $0.upperBound > last.box.maxX }) {
                groups.append([word])
            } else if groups.isEmpty {
                groups.append([word])
            } else {
                groups[groups.count - 1].append(word)
            }
        }
        return groups.map { words in
            let piece = TextLine(words: words)
            let first = column(ofX: piece.box.x + 1), last = column(ofX: piece.box.maxX - 1)
            var cell = TableCell(text: piece.text, column: first, columnSpan: max(1, last - first + 1), isBold: piece.isBold)
            cell.provenance = Provenance(page: page.number, boundingBox: piece.box, ocrConfidence: piece.confidence)
            return cell
        }
    }

    private func usualPitch(of pieces: [Piece], scale: PageScale) -> Double {
        var previousInColumn: [Int: Piece] = [:]
        var pitches: [Double] = []
        for piece in pieces {
            if let previous = previousInColumn[piece.column] { pitches.append(piece.text.box.y - previous.text.box.y) }
            previousInColumn[piece.column] = piece
        }
        let sorted = pitches.filter { $0 > 0 }.sorted()
        // The shortest third: lines within a cell, not the steps between rows.
        return sorted.isEmpty ? 1.2 * scale.em : max(sorted[sorted.count / 3], scale.em)
    }
}

/// The x-ranges that words cover across a set of lines, merged; the gaps between them that
/// no line crosses are gutters.
struct Occupancy {
    private var ranges: [ClosedRange<Double>] = []

    init(_ line: TextLine) { self = Occupancy().adding(line) }
    private init() {}

    func adding(_ line: TextLine) -> Occupancy {
        var all = ranges + line.words.map { $0.box.x...$0.box.maxX }
        all.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Double>] = []
        for range in all {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var result = Occupancy()
        result.ranges = merged
        return result
    }

    func gutters(wider minimum: Double) -> [ClosedRange<Double>] {
        zip(ranges, ranges.dropFirst()).compactMap { left, right in
            right.lowerBound - left.upperBound >= minimum ? left.upperBound...right.lowerBound : nil
        }
    }
}
