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

    /// More lines than a page of a real table holds: a run stops there, so that trying every
    /// start of a hostile page of many thousand lines stays linear in them.
    static let longestRun = 400

    /// The table that starts at `start`, or nil when the lines there are not one.
    ///
    /// The run of lines that may be a table goes on while lines follow at the usual pitch and
    /// none reads as prose (a line across most of the text width with no gap) or as a title
    /// centred on the page. Its gutters are the x-ranges that (nearly) no line of the run
    /// covers: a few lines may cross them, the rows that span the columns.
    /// `carriedGutters`, the columns of a borderless table the previous page ended with, are
    /// kept when the run's words respect them: a table's page may leave some columns empty.
    static func grow(from start: Int, in lines: [TextLine], scale: PageScale, textLeft: Double,
                     textRight: Double, carriedGutters: [ClosedRange<Double>]? = nil) -> StreamRegion? {
        let em = scale.em
        let minimumGutter = scale.columnGap
        let centre = (textLeft + textRight) / 2
        func isProse(_ line: TextLine) -> Bool {
            !hasGap(line, wider: minimumGutter) && line.box.width > 0.6 * (textRight - textLeft)
        }
        func isTitle(_ line: TextLine) -> Bool {
            !hasGap(line, wider: minimumGutter) && abs(line.box.midX - centre) < 0.5 * em && line.box.x > textLeft + 2 * em
        }
        guard !isProse(lines[start]), !isTitle(lines[start]) else { return nil }
        var end = start + 1
        var pitches: [Double] = []  // kept sorted, for their median
        while end < lines.count, end - start < Self.longestRun {
            let line = lines[end]
            let pitch = line.box.y - lines[end - 1].box.y
            let usualPitch = pitches.isEmpty ? 1.3 * em : pitches[pitches.count / 2]
            if pitch > 1.6 * max(usualPitch, em) || isProse(line) || isTitle(line) { break }
            pitches.insert(pitch, at: lowerBound(pitches, pitch))
            end += 1
        }
        let run = Array(lines[start..<end])
        guard run.count >= 2 else { return nil }
        func crossing(_ gutters: [ClosedRange<Double>]) -> Set<Int> {
            Set(run.indices.filter { index in
                run[index].words.contains { word in gutters.contains { word.box.x < $0.upperBound - 0.5 && word.box.maxX > $0.lowerBound + 0.5 } }
            })
        }
        // A group row may cross the gutters: one in a short table, one line in eight in a long one.
        var gutters = Self.gutters(of: run, wider: minimumGutter, crossings: run.count >= 4 ? max(1, run.count / 8) : 0)
        if let carriedGutters, crossing(carriedGutters).count <= run.count / 8 { gutters = carriedGutters }
        let spanning = crossing(gutters)
        let region = StreamRegion(lines: run, end: end, gutters: gutters, spanning: spanning)
        let multiColumnLines = run.indices.filter { !spanning.contains($0) && region.columnsUsed(by: run[$0]) >= 2 }.count
        let widths = gutters.map { $0.upperBound - $0.lowerBound }
        let isWide = widths.contains { $0 >= StreamLayout.wideGutterFraction * em }
        // Two lines, both cut by a gutter of a text height or more, are two blocks side by
        // side (a letterhead's issuer beside the motto) rather than words of one line.
        let isSideBySide = run.count == 2 && multiColumnLines == 2 && widths.contains { $0 >= em }
        // Side-by-side blocks (a signature beside "Nơi nhận") need no line across a wide gutter.
        guard !gutters.isEmpty, isSideBySide || multiColumnLines >= (isWide ? 0 : 3), run.count >= (isWide ? 3 : 2)
        else { return nil }
        return region
    }

    private static func hasGap(_ line: TextLine, wider minimum: Double) -> Bool {
        line.coveredRanges(bridging: minimum).count > 1
    }

    /// The x-ranges, between the run's outer edges, that at most `crossings` lines cover (the
    /// rows that span the columns), each narrowed to its least covered stretch: a sweep over
    /// the lines' word ranges, each line counted once where its words overlap.
    static func gutters(of lines: [TextLine], wider minimum: Double, crossings: Int) -> [ClosedRange<Double>] {
        var events: [(x: Double, change: Int)] = []
        for line in lines {
            for range in line.coveredRanges(bridging: minimum) {
                events.append((range.lowerBound, 1))
                events.append((range.upperBound, -1))
            }
        }
        events.sort { ($0.x, $0.change) < ($1.x, $1.change) }
        guard let left = events.first?.x, let right = events.last?.x else { return [] }
        // Stretches between consecutive events, with how many lines cover each.
        var stretches: [(range: ClosedRange<Double>, depth: Int)] = []
        var depth = 0
        for (event, next) in zip(events, events.dropFirst()) {
            depth += event.change
            if next.x > event.x { stretches.append((event.x...next.x, depth)) }
        }
        var gutters: [ClosedRange<Double>] = []
        var run: [(range: ClosedRange<Double>, depth: Int)] = []
        func closeRun() {
            defer { run = [] }
            guard let least = run.map(\.depth).min() else { return }
            // The widest stretch of consecutive least-covered pieces.
            var best: ClosedRange<Double>?
            var current: ClosedRange<Double>?
            for piece in run {
                if piece.depth == least {
                    current = current.map { $0.lowerBound...piece.range.upperBound } ?? piece.range
                    if let candidate = current, candidate.upperBound - candidate.lowerBound > (best.map { $0.upperBound - $0.lowerBound } ?? -1) {
                        best = candidate
                    }
                } else {
                    current = nil
                }
            }
            if let best, best.upperBound - best.lowerBound >= minimum, best.lowerBound > left, best.upperBound < right {
                gutters.append(best)
            }
        }
        for stretch in stretches {
            if stretch.depth <= crossings { run.append(stretch) } else { closeRun() }
        }
        closeRun()
        return gutters
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
               piece.text.box.y - previous.text.box.y <= 1.12 * pitch,
               !spanning.contains(where: { $0 > previous.line && $0 < piece.line }) {
                blocks[index].append(piece)
            } else {
                lastBlockOfColumn[piece.column] = blocks.count
                blocks.append([piece])
            }
        }
        let rowLines = rowStarts(blocks: blocks, pitch: pitch)
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
                var cell = TableCell(text: WrappedText.text(of: textLines, width: columnWidth[column], wordSpace: scale.wordSpace),
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

    /// Where rows start. Cells of one row may start at different heights (a header centred
    /// in its cells, a number centred in a merged cell), so a row starts on a line where the
    /// cells of at least two columns begin after a step past the usual pitch (the end of the
    /// cells above them), and on a line that spans the columns.
    private func rowStarts(blocks: [[Piece]], pitch: Double) -> [Int] {
        var votes = Array(repeating: 0, count: lines.count)
        var previousInColumn: [Int: Piece] = [:]
        for piece in blocks.flatMap({ $0 }).sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
            if let previous = previousInColumn[piece.column], piece.text.box.y - previous.text.box.y > 1.12 * pitch {
                votes[piece.line] += 1
            }
            previousInColumn[piece.column] = piece
        }
        var starts = Set(spanning.flatMap { [$0, $0 + 1] }.filter { $0 < lines.count })
        starts.insert(0)
        for line in lines.indices where votes[line] >= 2 { starts.insert(line) }
        return starts.sorted()
    }

    /// A spanning line is cut where a gap between its words lies over a gutter: "I." in the
    /// first column, the group's title across the rest.
    private func spanningCells(of line: TextLine, page: PageGeometry, scale: PageScale) -> [TableCell] {
        var groups: [[PageWord]] = []
        for word in line.words {
            if let last = groups.last?.last,
               word.box.x - last.box.maxX >= scale.columnGap,
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
        // Among the shortest: lines within a cell, not the steps between rows.
        return sorted.isEmpty ? scale.em : max(sorted[sorted.count / 10], 0.6 * scale.em)
    }
}
