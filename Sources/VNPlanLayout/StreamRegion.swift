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
        // A word or two mid-page narrower than that is a cell's ("Hệ" over "thống").
        func isTitle(_ line: TextLine) -> Bool {
            !hasGap(line, wider: minimumGutter) && abs(line.box.midX - centre) < 0.5 * em && line.box.x > textLeft + 2 * em
                && line.box.width > 2 * em
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
                // Across a gutter's middle, where the columns part: a word may reach into the
                // whitespace a carried gutter kept from the previous page.
                run[index].words.contains { word in
                    gutters.contains { word.box.x < ($0.lowerBound + $0.upperBound) / 2 && word.box.maxX > ($0.lowerBound + $0.upperBound) / 2 }
                }
            })
        }
        // A group row may cross the gutters: one in a short table, one line in eight in a long one.
        let crossings = run.count >= 4 ? max(1, run.count / 8) : 0
        var gutters = Self.gutters(of: run, wider: minimumGutter, crossings: crossings)
        if run.count >= Self.fewestLinesForEdges {
            gutters = Self.withAlignedEdges(gutters, of: run, crossings: crossings, em: em, wordGap: minimumGutter)
        }
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

    /// A column edge is trusted from alignment alone in a run of at least this many lines.
    static let fewestLinesForEdges = 6

    /// The gutters with the columns whose whitespace is no wider than a word space (cells
    /// padded by a few points): an x where words of several lines begin and (nearly) no
    /// word of the run reaches across is a column's left edge. Its gutter runs from the
    /// furthest any word to its left ends.
    ///
    /// Only a word that the line goes on after (within `wordGap`) shows an edge: a cell that
    /// fills its column's width wraps, so its lines go on past their first word, while the
    /// last words of wrapped lines ("ban hành" over "văn bản về kiểm") or of short cells
    /// ("Quý III") line up by chance.
    static func withAlignedEdges(_ gutters: [ClosedRange<Double>], of lines: [TextLine], crossings: Int,
                                 em: Double, wordGap: Double) -> [ClosedRange<Double>] {
        let snap = 0.2 * em
        // Where words begin after a space (not the pieces a font change cut a word into).
        var starts: [(x: Double, line: Int)] = []
        var spans: [(from: Double, to: Double)] = []
        for (index, line) in lines.enumerated() {
            for (position, word) in line.words.enumerated() {
                let previous = position > 0 ? line.words[position - 1] : nil
                let next = position + 1 < line.words.count ? line.words[position + 1] : nil
                let beginsAfterSpace = previous.map { word.box.x - $0.box.maxX > TextLine.spaceFraction * line.lineHeight } ?? true
                let lineGoesOn = next.map { $0.box.x - word.box.maxX < wordGap } ?? false
                if beginsAfterSpace && lineGoesOn { starts.append((word.box.x, index)) }
                spans.append((word.box.x, word.box.maxX))
            }
        }
        starts.sort { $0.x < $1.x }
        spans.sort { $0.from < $1.from }
        let froms = spans.map(\.from)
        let support = max(3, lines.count / 6)
        var edges: [ClosedRange<Double>] = []
        for run in clusters(starts, within: snap, position: \.x) where Set(run.map(\.line)).count >= support {
            let edge = run[0].x  // the starts are sorted
            // Words that begin left of the edge and end past it cross it.
            let before = spans[..<lowerBound(froms, edge - 0.5)]
            let crossing = before.filter { $0.to > edge + 0.5 }.count
            guard crossing <= crossings, let end = before.map(\.to).filter({ $0 <= edge + 0.5 }).max() else { continue }
            let gutter = min(end, edge - 0.5)...edge
            if !(gutters + edges).contains(where: { $0.lowerBound - em < gutter.upperBound && gutter.lowerBound < $0.upperBound + em }) {
                edges.append(gutter)
            }
        }
        return (gutters + edges).sorted { $0.lowerBound < $1.lowerBound }
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
        let piecesByColumn = Dictionary(grouping: pieces.map { ($0.column, $0.text) }, by: \.0)
        let regionEdges = (left: lines.map(\.box.x).min() ?? 0, right: lines.map(\.box.maxX).max() ?? page.width)
        let columnWidth = (0..<columnCount).map { column in
            roomOfColumn(column, pieces: piecesByColumn[column, default: []].map(\.1), regionEdges: regionEdges, scale: scale)
        }
        func cell(of block: [Piece], rowSpan: Int) -> TableCell {
            let textLines = block.map(\.text)
            let box = textLines.dropFirst().reduce(textLines[0].box) { $0.union($1.box) }
            var cell = TableCell(text: WrappedText.text(of: textLines, width: columnWidth[block[0].column],
                                                        wordSpace: scale.wordSpace),
                                 column: block[0].column, rowSpan: rowSpan, isBold: textLines.allSatisfy(\.isBold))
            cell.provenance = Provenance(page: page.number, boundingBox: box,
                                         ocrConfidence: textLines.compactMap(\.confidence).min())
            return cell
        }
        // The stretches between the lines that span the columns are laid out one by one.
        let blocksBySpanning = Dictionary(grouping: blocks) { block in spanning.filter { $0 < block[0].line }.count }
        var rows: [TableRow] = []
        for (stretch, spanningLine) in ([-1] + spanning.sorted()).enumerated() {
            if spanningLine >= 0 {
                let line = lines[spanningLine]
                rows.append(TableRow(cells: spanningCells(of: line, page: page, scale: scale),
                                     provenance: Provenance(page: page.number, boundingBox: line.box)))
            }
            guard let stretchBlocks = blocksBySpanning[stretch] else { continue }
            let cells = stretchBlocks.map { block in
                StreamRows.Cell(column: block[0].column, top: block.map(\.text.box.y).min() ?? 0,
                                bottom: block.map(\.text.box.maxY).max() ?? 0)
            }
            let top = cells.map(\.top).min() ?? 0, bottom = cells.map(\.bottom).max() ?? 0
            // A stretch begins and ends halfway to the spanning lines around it.
            let above = spanningLine >= 0 ? (lines[spanningLine].box.maxY + top) / 2 : top
            let nextSpanning = spanning.filter { $0 > spanningLine }.min()
            let below = nextSpanning.map { (lines[$0].box.y + bottom) / 2 } ?? bottom
            let layout = StreamRows(cells: cells, columnCount: columnCount, top: min(above, top),
                                    bottom: max(below, bottom), pitch: pitch, em: scale.em)
            var rowCells = Array(repeating: [TableCell](), count: layout.bands.count)
            for (block, span) in zip(stretchBlocks, layout.spans) {
                rowCells[span.lowerBound].append(cell(of: block, rowSpan: span.count))
            }
            for cells in rowCells where !cells.isEmpty {
                let sorted = cells.sorted { $0.column < $1.column }
                let box = sorted.compactMap(\.provenance.boundingBox).dropFirst()
                    .reduce(sorted[0].provenance.boundingBox) { $0?.union($1) }
                rows.append(TableRow(cells: sorted, provenance: Provenance(page: page.number, boundingBox: box)))
            }
        }
        let box = lines.dropFirst().reduce(lines[0].box) { $0.union($1.box) }
        return Table(rows: rows, columnCount: columnCount,
                     provenance: Provenance(page: page.number, boundingBox: box,
                                            ocrConfidence: lines.compactMap(\.confidence).min()))
    }

    /// The width a column's text had. Where its lines start flush left and the next column
    /// follows close (a gutter under a text height), it is the widest of them: the renderer
    /// wrapped every line short of it (a borderless cell's padding is nowhere to be seen, and
    /// a long word may stand out of it). Otherwise (lines centred as in a letterhead, or
    /// whitespace wider than the text needed) it reaches to the middle of the gutters beside
    /// the column.
    private func roomOfColumn(_ column: Int, pieces: [TextLine], regionEdges: (left: Double, right: Double),
                              scale: PageScale) -> Double {
        func middle(_ gutter: ClosedRange<Double>) -> Double { (gutter.lowerBound + gutter.upperBound) / 2 }
        let left = column > 0 ? middle(gutters[column - 1]) : regionEdges.left
        let right = column < gutters.count ? middle(gutters[column]) : regionEdges.right
        guard let start = pieces.map(\.box.x).min() else { return right - left }
        let flush = pieces.filter { $0.box.x - start <= 0.3 * scale.em }.count
        let isNarrowlyFollowed = column == gutters.count || gutters[column].upperBound - gutters[column].lowerBound < scale.em
        return 5 * flush >= 4 * pieces.count && isNarrowlyFollowed ? pieces.map(\.box.width).max() ?? 0 : right - left
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
