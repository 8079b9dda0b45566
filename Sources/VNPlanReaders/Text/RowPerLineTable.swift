import VNPlanModel

/// A table written one row per line, cells separated by tabs (PDF-to-markdown conversions,
/// seed 004). Each cell keeps its `<b>`/`**` bold; markdown rule rows ("---") are dropped.
/// A row with an empty first cell is kept as it is: in these conversions it is the part
/// of a row that a page break cut off, which the table reconstructor joins to the row above.
struct RowPerLineTable {
    let lines: [TextLine]

    func read(from start: Int) -> (tables: [Table], end: Int) {
        let end = lines[start...].firstIndex { $0.kind != .row && $0.kind != .cell } ?? lines.endIndex
        let rows = lines[start..<end].compactMap { line -> RowSegment? in
            let cells = line.text.split(separator: "\t", omittingEmptySubsequences: false).map { raw in
                let stripped = InlineMarkup.strip(String(raw))
                return RawCell(text: stripped.text, isBold: stripped.isBold)
            }
            if Self.isRule(cells) { return nil }
            return RowSegment(cells: cells, startsRow: true, page: line.page)
        }
        return (TableBoundary.tables(rows).compactMap { TextTableBuilder.table($0, mergingEmptyCells: false) }, end)
    }

    /// "-----\t----------\t…": the line under a markdown table header.
    private static func isRule(_ cells: [RawCell]) -> Bool {
        cells.allSatisfy { $0.text.allSatisfy { "-:| ".contains($0) } }
            && cells.contains { $0.text.contains("---") }
    }
}

/// The pipe form (`legal-vn.txt`): each cell is a line holding only "|" followed by the
/// cell's lines; "| |" (two pipe lines in a row, or two pipes on one line, as crawls write
/// it) ends a row, or stands for an empty cell.
/// The cell lines were wrapped by the converter and are joined back. The table ends at a
/// pipe line followed by a blank line.
struct PipeTable {
    let lines: [TextLine]

    func read(from start: Int) -> (tables: [Table], end: Int) {
        let (tokens, end) = self.tokens(from: start)
        var segments: [RowSegment] = []
        var broken = true
        for token in tokens {
            guard !token.isEmpty else { broken = true; continue }
            if broken {
                segments.append(RowSegment(cells: [], startsRow: segments.isEmpty, page: token.first?.page))
                broken = false
            }
            segments[segments.count - 1].cells.append(RawCell(lines: token, wrapped: true))
        }
        let tables = TableBoundary.tables(segments).compactMap { piece in
            TextTableBuilder.table(RowAssembler(breakIsEmptyCell: true).rows(from: piece), mergingEmptyCells: false)
        }
        return (tables, end)
    }

    /// The lines between consecutive pipe lines (an empty token where two pipes follow each
    /// other), and the index after the table.
    private func tokens(from start: Int) -> (tokens: [[TextLine]], end: Int) {
        var tokens: [[TextLine]] = []
        var current: [TextLine]?
        var index = start
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.kind == .pipe else {
                if line.kind != .blank || current?.isEmpty == false { current?.append(line) }
                continue
            }
            // "| |" on one line is two pipe lines: a row's end.
            for _ in 0..<line.text.utf8.count(where: { $0 == UInt8(ascii: "|") }) {
                if let current { tokens.append(current) }
                current = []
            }
            let next = lines[index...].firstIndex { $0.kind != .blank }
            if next != index, next.map({ lines[$0].kind != .pipe }) ?? true { break }
            index = next ?? index
        }
        if let current, !current.isEmpty { tokens.append(current) }
        return (tokens.map { $0.filter { $0.kind != .blank } }, index)
    }
}
