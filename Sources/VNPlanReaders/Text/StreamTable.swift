import VNPlanModel

/// PDF text in stream order (seed 001): every line was cut at its column's width and a
/// table's cells come out one after another — the row's label alone on a line, then the
/// content, then the narrower columns — with nothing marking where a cell ends.
///
/// A best effort, from the layout alone: the header gives the number of columns; a row
/// starts at its label; its lines are split into the columns by `CellSplitter`, which
/// scores where each cell could start by the shape of the lines (a capital after a line that
/// ended short of its column's width, an empty paragraph, narrow lines) and by each
/// column's width, learnt from the table's own rows. The text outside the table becomes
/// paragraphs.
enum StreamTable {
    static func blocks(lines: [TextLine], paragraphs: TextParagraphBuilder, hint: CellStartHint?) -> [Block] {
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            guard let table = StreamTableRegion(lines: lines, searchingFrom: index) else {
                blocks += paragraphs.paragraphs(of: lines[index...].filter { $0.kind != .blank }).map(Block.paragraph)
                break
            }
            blocks += paragraphs.paragraphs(of: lines[index..<table.header.lowerBound].filter { $0.kind != .blank })
                .map(Block.paragraph)
            if let read = table.table(hint: hint) { blocks.append(.table(read)) }
            index = table.end
        }
        return blocks
    }
}

/// How likely `line` opens the cell of the column headed `header` in a stream-order table:
/// positive when likely, negative when not, 0 when nothing is known. The reader knows no
/// plan words: the pipeline lends it the plan logic's judgement (`PlanCellStarts` in
/// VNPlanTables), and without one the cells are found by layout alone.
public typealias CellStartHint = @Sendable (_ header: String, _ line: String) -> Double

/// One table in stream-order text: its header lines, its rows' lines, where it ends.
struct StreamTableRegion {
    let lines: [TextLine]
    let header: Range<Int>
    let columns: [String]
    let end: Int

    /// A header opens with the number column's short capitalised heading and the content
    /// column's heading on one line (two or three capitals, then a capitalised word), shorter
    /// than a full line.
    private nonisolated(unsafe) static let headerOpening = /^\p{Lu}{2,4}\s+\p{Lu}\S*(?:\s+\S+){0,6}$/
    /// Header cells are short; more than this many is running text. A table of fewer
    /// columns (a number, a name and a figure) writes each row's name beside its number,
    /// which stream order cannot tell from a heading.
    private static let mostColumns = 8
    private static let fewestColumns = 4

    init?(lines: [TextLine], searchingFrom start: Int) {
        var candidate = start
        while let opening = lines[candidate...].firstIndex(where: { Self.opens($0) }) {
            if let region = Self.region(lines: lines, opening: opening) {
                self = region
                return
            }
            candidate = opening + 1
        }
        return nil
    }

    private init(lines: [TextLine], header: Range<Int>, columns: [String], end: Int) {
        self.lines = lines
        self.header = header
        self.columns = columns
        self.end = end
    }

    private static func opens(_ line: TextLine) -> Bool {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        // Capitals throughout are a heading or a letterhead, not a header row.
        return line.kind == .text && text.contains(headerOpening) && text.contains(where: \.isLowercase)
    }

    /// The header's other cells follow the opening line: each starts with a capital, wraps
    /// in lowercase, and the first row's label ends them. A header with fewer than three
    /// columns, or without a row after it, opens no table.
    private static func region(lines: [TextLine], opening: Int) -> StreamTableRegion? {
        var cells = openingCells(lines[opening].text)
        var index = opening + 1
        while index < lines.count, cells.count <= mostColumns {
            let text = lines[index].text.trimmingCharacters(in: .whitespaces)
            if lines[index].kind == .blank { index += 1; continue }
            if StreamRow.label(of: text) != nil || StreamRow.groupTitle(of: text) != nil { break }
            if text.count >= TextParagraphBuilder.fullWidth { return nil }
            if text.first?.isLowercase == true, !cells.isEmpty {
                cells[cells.count - 1] += " " + text
            } else {
                cells.append(text)
            }
            index += 1
        }
        guard cells.count >= fewestColumns, cells.count <= mostColumns, index < lines.count else { return nil }
        let end = lines[index...].firstIndex { LineShape.isSectionHeading($0.text) } ?? lines.endIndex
        return StreamTableRegion(lines: lines, header: opening..<index, columns: cells, end: end)
    }

    /// The opening line holds two header cells: the number column's and the content's.
    private static func openingCells(_ line: String) -> [String] {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let space = text.firstIndex(of: " ") else { return [text] }
        return [String(text[..<space]), String(text[text.index(after: space)...])]
    }

    /// Rows are split twice: first by the shape of their lines alone, then again knowing
    /// each column's width as the first split measured it.
    func table(hint: CellStartHint?) -> Table? {
        let streamRows = StreamRow.rows(in: lines[header.upperBound..<end])
        let columnHeaders = Array(columns.dropFirst())
        let firstPass = CellSplitter(headers: columnHeaders, widths: nil, hint: hint)
        let widths = CellSplitter.widths(of: streamRows.map { firstPass.split($0.lines) }, columns: columnHeaders.count)
        let splitter = CellSplitter(headers: columnHeaders, widths: widths, hint: hint)
        var rows = [RowSegment(cells: columns.map { RawCell(text: $0) }, startsRow: true, page: lines[header.lowerBound].page)]
        for row in streamRows {
            if let title = row.title {
                rows.append(RowSegment(cells: [RawCell(text: row.label), RawCell(text: title)], startsRow: true, page: row.page))
            }
            // A group's only row may come without a label of its own.
            if row.lines.contains(where: { $0.kind != .blank }) {
                let cells = splitter.split(row.lines)
                rows.append(RowSegment(cells: [RawCell(text: row.title == nil ? row.label : "")] + cells.map(Self.cell),
                                       startsRow: true, page: row.page))
            }
        }
        return TextTableBuilder.table(rows, mergingEmptyCells: false)
    }
}

extension StreamTableRegion {
    private nonisolated(unsafe) static let listItem = /^[-+•]\s/

    /// A cell's lines were cut at the column's width: they are one text, except where a
    /// line starts a list item.
    static func cell(_ lines: [TextLine]) -> RawCell {
        var text = ""
        for line in lines {
            let part = InlineMarkup.strip(line.text).text
            if part.isEmpty { continue }
            text += text.isEmpty ? part : (part.contains(Self.listItem) ? "\n" : " ") + part
        }
        return RawCell(text: text)
    }
}

/// A row of a stream-order table: a data row (label, then its cells' lines) or a group
/// row ("1 Công tác chỉ đạo …").
struct StreamRow {
    var label: String
    var title: String?
    var lines: [TextLine]
    var page: Int?

    /// A label alone on its line: "a", "đ", "1", "12", "II". Years ("2025", the end of a
    /// wrapped deadline) are not labels.
    static func label(of text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.contains(labelAlone) ? trimmed : nil
    }

    /// "1 Công tác chỉ đạo, điều hành …": a number, then a capitalised title.
    static func groupTitle(of text: String) -> (label: String, title: String)? {
        guard let match = text.trimmingCharacters(in: .whitespaces).firstMatch(of: labelThenTitle)
        else { return nil }
        return (String(match.label), String(match.title))
    }

    private nonisolated(unsafe) static let labelAlone = /^(?:[a-zđ]|\d{1,2}|[IVX]{1,4}\.?)$/
    private nonisolated(unsafe) static let labelThenTitle = /^(?<label>\d{1,2}|[IVX]{1,4}\.?)\s+(?<title>\p{Lu}.*)$/

    static func rows(in lines: ArraySlice<TextLine>) -> [StreamRow] {
        var rows: [StreamRow] = []
        for line in lines {
            if line.kind == .blank {
                // A space-only line is an empty paragraph: a hint that a cell ended.
                if !line.text.isEmpty, !rows.isEmpty { rows[rows.count - 1].lines.append(line) }
                continue
            }
            if let label = label(of: line.text) {
                rows.append(StreamRow(label: label, lines: [], page: line.page))
            } else if let group = groupTitle(of: line.text) {
                rows.append(StreamRow(label: group.label, title: group.title, lines: [], page: line.page))
            } else if rows.last?.title != nil, rows.last?.lines.isEmpty == true, line.text.first?.isLowercase == true {
                rows[rows.count - 1].title! += " " + line.text.trimmingCharacters(in: .whitespaces)
            } else if !rows.isEmpty {
                rows[rows.count - 1].lines.append(line)
            }
        }
        // A number alone followed by a few lines and then letters is a group row too.
        return rows.map { row in
            guard row.title == nil, row.label.first?.isNumber == true,
                  row.lines.filter({ $0.kind != .blank }).count <= 3 else { return row }
            let text = row.lines.filter { $0.kind != .blank }.map { $0.text.trimmingCharacters(in: .whitespaces) }
            return StreamRow(label: row.label, title: text.joined(separator: " "), lines: [], page: row.page)
        }
    }
}

/// Splits a row's lines into its cells: the content, then one cell per further column.
/// Every way of cutting the lines is scored and the best kept; lines after the last cell
/// (the content's overflow in stream order) go back to the content.
///
/// The score reads the layout: a cell starts with a capital, often after an empty
/// paragraph; the columns after the content are narrow; and once the columns' widths are
/// known, a cell's lines fit its width and each of its lines but the last was cut because
/// the next word did not fit (a line that ends well short of the width ended its cell).
/// A `CellStartHint` from the plan logic, when given, adds what the words say.
struct CellSplitter {
    /// The headers of the content column and the columns after it.
    let headers: [String]
    /// Each column's width in characters, when measured.
    let widths: [Int]?
    let hint: CellStartHint?

    private var columns: Int { headers.count }

    /// A cell after the content holds at most this many lines (units, a time): it bounds
    /// the search to linear time in the row's length.
    static let longestDetailCell = 16
    /// Characters of slack: proportional fonts make a count of characters a rough width.
    static let slack = 3

    func split(_ all: [TextLine]) -> [[TextLine]] {
        let details = columns - 1
        let hints = Set(all.indices.filter { all[$0].kind == .blank }.map { index in
            all[..<index].filter { $0.kind != .blank }.count
        })
        let lines = all.filter { $0.kind != .blank }
        guard details > 0, lines.count > details else {
            return [lines] + Array(repeating: [], count: max(0, details))
        }
        let shapes = lines.map(LineShapeFeatures.init)
        let widest = Double(shapes.map(\.length).max() ?? 1)
        let fits = widths.map { widths in (0..<columns).map { BreakFit(shapes, width: widths[$0]) } }
        var wideBefore = [0]
        for shape in shapes { wideBefore.append(wideBefore.last! + (Double(shape.length) > 0.75 * widest ? 1 : 0)) }

        func score(_ from: Int, _ end: Int, column: Int) -> Double {
            var score = hints.contains(from) ? 2.0 : 0
            score += shapes[from].startsUppercase ? 2 : -3
            // The columns after the content are narrow: their lines are shorter than the content's.
            score -= Double(wideBefore[end] - wideBefore[from]) * 2
            if let fit = fits?[column] { score -= fit.penalty(from, end) }
            if let hint { score += hint(headers[column], lines[from].text.trimmingCharacters(in: .whitespaces)) }
            return score
        }

        let n = lines.count
        // best[k][e]: the best score of cutting lines[0..<e] into the content and the first
        // k detail cells, with the cuts that give it.
        var best = Array(repeating: Array(repeating: (score: -Double.infinity, cuts: [Int]()), count: n + 1),
                         count: details + 1)
        for end in 1...n {
            best[0][end] = ((shapes[0].startsUppercase ? 1 : 0) - (fits?[0].penalty(0, end) ?? 0), [0, end])
        }
        for k in 0..<details {
            for from in 1..<n where best[k][from].score > -Double.infinity {
                for end in (from + 1)...min(n, from + Self.longestDetailCell) {
                    let total = best[k][from].score + score(from, end, column: k + 1)
                    if total > best[k + 1][end].score { best[k + 1][end] = (total, best[k][from].cuts + [end]) }
                }
            }
        }
        // Lines left after the last cell are the content's overflow, each a small cost.
        let finish = (1...n).max { a, b in
            best[details][a].score - Double(n - a) * 1.5 < best[details][b].score - Double(n - b) * 1.5
        }
        guard let finish, best[details][finish].score > -Double.infinity else {
            return [lines] + Array(repeating: [], count: details)
        }
        let cuts = best[details][finish].cuts
        var cells = zip(cuts, cuts.dropFirst()).map { Array(lines[$0..<$1]) }
        cells[0] += lines[finish...]
        return cells
    }

    /// Each column's width: the longest line of its cell, in the row at the 90th
    /// percentile (most cells of a narrow column are a word or two wide; a few badly split
    /// rows must not widen it).
    static func widths(of rows: [[[TextLine]]], columns: Int) -> [Int] {
        (0..<columns).map { column in
            let longest = rows.compactMap { cells in
                cells.count > column ? cells[column].map(\.text.count).max() : nil
            }.sorted()
            return longest.isEmpty ? 0 : longest[longest.count * 9 / 10]
        }
    }
}

/// How well a run of lines fits a column of a given width, as prefix sums so any run is
/// scored at once.
struct BreakFit {
    /// before[i]: misfits among lines[0..<i] (too long) and breaks before line i (short).
    private var tooLong = [0]
    private var shortBreaks = [0]

    init(_ shapes: [LineShapeFeatures], width: Int) {
        for (index, shape) in shapes.enumerated() {
            tooLong.append(tooLong.last! + (shape.length > width + CellSplitter.slack ? 1 : 0))
            // The next line's first word would have fitted on this one: the line was not
            // cut by the width, so a cell (or a list item) ended here.
            let short = index + 1 < shapes.count && !shapes[index + 1].startsItem
                && shape.length + 1 + shapes[index + 1].firstWord + CellSplitter.slack < width
            shortBreaks.append(shortBreaks.last! + (short ? 1 : 0))
        }
    }

    /// The cost of lines[from..<end] being one cell of this column.
    func penalty(_ from: Int, _ end: Int) -> Double {
        Double(tooLong[end] - tooLong[from]) * 3 + Double(shortBreaks[end - 1] - shortBreaks[from]) * 2
    }
}

/// What a line's shape says about the cell it may open.
struct LineShapeFeatures {
    let length: Int
    let startsUppercase: Bool
    /// The length of its first word.
    let firstWord: Int
    /// A list item ("- …", "+ …") starts a line whatever the width.
    let startsItem: Bool

    init(_ line: TextLine) {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        length = line.text.count
        startsUppercase = text.first?.isUppercase == true
        firstWord = text.prefix { $0 != " " }.count
        startsItem = text.first.map { "-+•".contains($0) } ?? false
    }
}

extension LineShape {
    private nonisolated(unsafe) static let romanHeading = /^[IVX]+\.\s+\p{Lu}/

    /// "III. TỔ CHỨC THỰC HIỆN": a numbered heading in capitals ends a table in stream text.
    static func isSectionHeading(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.contains(romanHeading) && isUppercase(trimmed)
    }
}
