import VNPlanModel

/// PDF text in stream order (seed 001): every line was cut at its column's width and a
/// table's cells come out one after another — the row's number or letter alone on a line,
/// then the content, the units, the time — with nothing marking where a cell ends.
///
/// A best effort, using what such a row always has: the header names the columns; a row
/// starts at its label; its lines are split into the columns by `CellSplitter`, which
/// scores where each cell could start (a capital after a short line, a unit's name, a
/// deadline's wording). The text outside the table becomes paragraphs.
enum StreamTable {
    static func blocks(lines: [TextLine], paragraphs: TextParagraphBuilder) -> [Block] {
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            guard let table = StreamTableRegion(lines: lines, searchingFrom: index) else {
                blocks += paragraphs.paragraphs(of: lines[index...].filter { $0.kind != .blank }).map(Block.paragraph)
                break
            }
            blocks += paragraphs.paragraphs(of: lines[index..<table.header.lowerBound].filter { $0.kind != .blank })
                .map(Block.paragraph)
            if let read = table.table() { blocks.append(.table(read)) }
            index = table.end
        }
        return blocks
    }
}

/// One table in stream-order text: its header lines, its rows' lines, where it ends.
struct StreamTableRegion {
    let lines: [TextLine]
    let header: Range<Int>
    let columns: [String]
    let end: Int

    /// Header words of the columns after the content, as plans word them.
    private nonisolated(unsafe) static let headerOpening = /^(?:TT|STT|Stt|Số TT)\s+(?<content>Nội dung|Nhiệm vụ|Tên nhiệm vụ|Công việc|Hoạt động).*$/

    init?(lines: [TextLine], searchingFrom start: Int) {
        let filled = lines.indices.filter { $0 >= start && lines[$0].kind == .text }
        guard let opening = filled.first(where: { lines[$0].text.trimmingCharacters(in: .whitespaces).contains(Self.headerOpening) })
        else { return nil }
        // The header's other cells follow: each starts with a capital, wraps in lowercase,
        // and the first row's label ends them.
        var cells = Self.openingCells(lines[opening].text)
        var index = opening + 1
        while index < lines.count, cells.count < 8 {
            let text = lines[index].text.trimmingCharacters(in: .whitespaces)
            if lines[index].kind == .blank { index += 1; continue }
            if StreamRow.label(of: text) != nil || StreamRow.groupTitle(of: text) != nil { break }
            if text.first?.isLowercase == true, !cells.isEmpty {
                cells[cells.count - 1] += " " + text
            } else {
                cells.append(text)
            }
            index += 1
        }
        guard cells.count >= 3 else { return nil }
        self.lines = lines
        header = opening..<index
        columns = cells
        end = lines[index...].firstIndex { LineShape.isSectionHeading($0.text) } ?? lines.endIndex
    }

    /// "TT Nội dung công việc" holds two header cells.
    private static func openingCells(_ line: String) -> [String] {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let space = text.firstIndex(of: " ") else { return [text] }
        return [String(text[..<space]), String(text[text.index(after: space)...])]
    }

    func table() -> Table? {
        let roles = columns.dropFirst(2).map(StreamColumnRole.init(header:))
        var rows = [RowSegment(cells: columns.map { RawCell(text: $0) }, startsRow: true, page: lines[header.lowerBound].page)]
        for row in StreamRow.rows(in: lines[header.upperBound..<end]) {
            if let title = row.title {
                rows.append(RowSegment(cells: [RawCell(text: row.label), RawCell(text: title)], startsRow: true, page: row.page))
            }
            // A group's only row may come without a label of its own.
            if row.lines.contains(where: { $0.kind != .blank }) {
                let cells = CellSplitter(roles: roles).split(row.lines)
                rows.append(RowSegment(cells: [RawCell(text: row.title == nil ? row.label : "")] + cells.map(Self.cell),
                                       startsRow: true, page: row.page))
            }
        }
        return TextTableBuilder.table(rows, mergingEmptyCells: false)
    }
}

extension StreamTableRegion {
    /// A cell's lines were cut at the column's width: they are one text, except where a
    /// line starts a list item.
    static func cell(_ lines: [TextLine]) -> RawCell {
        var text = ""
        for line in lines {
            let part = InlineMarkup.strip(line.text).text
            if part.isEmpty { continue }
            text += text.isEmpty ? part : (part.contains(/^[-+•]\s/) ? "\n" : " ") + part
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
        return trimmed.contains(/^(?:[a-zđ]|\d{1,2}|[IVX]{1,4}\.?)$/) ? trimmed : nil
    }

    /// "1 Công tác chỉ đạo, điều hành …": a number, then a capitalised title.
    static func groupTitle(of text: String) -> (label: String, title: String)? {
        guard let match = text.trimmingCharacters(in: .whitespaces).firstMatch(of: /^(?<label>\d{1,2}|[IVX]{1,4}\.?)\s+(?<title>\p{Lu}.*)$/)
        else { return nil }
        return (String(match.label), String(match.title))
    }

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

enum StreamColumnRole {
    case units, time, other

    init(header: String) {
        let folded = header.lowercased()
        if folded.contains("thời gian") || folded.contains("thời hạn") || folded.contains("tiến độ") {
            self = .time
        } else if folded.contains(/chủ trì|phối hợp|đơn vị|cơ quan|thực hiện/) {
            self = .units
        } else {
            self = .other
        }
    }
}

/// Splits a row's lines into its cells: the content, then one cell per column role.
/// Every way of cutting the lines is scored and the best kept; lines after the time cell
/// (the content's overflow in stream order) go back to the content.
struct CellSplitter {
    let roles: [StreamColumnRole]

    func split(_ all: [TextLine]) -> [[TextLine]] {
        let hints = Set(all.indices.filter { all[$0].kind == .blank }.map { index in
            all[..<index].filter { $0.kind != .blank }.count
        })
        let lines = all.filter { $0.kind != .blank }
        guard lines.count > roles.count else {
            return [lines] + roles.map { _ in [] }
        }
        let features = lines.map(LineFeatures.init)
        let widest = Double(features.map(\.length).max() ?? 1)
        // Prefix sums: how many wide lines, and how many characters, before each line.
        var wideBefore = [0], charactersBefore = [0]
        for feature in features {
            wideBefore.append(wideBefore.last! + (Double(feature.length) > 0.75 * widest ? 1 : 0))
            charactersBefore.append(charactersBefore.last! + feature.length + 1)
        }
        func score(_ from: Int, _ end: Int, _ role: StreamColumnRole) -> Double {
            let first = features[from]
            var score = hints.contains(from) ? 2.0 : 0
            score += first.startsUppercase ? 2 : -3
            // Unit and time columns are narrow: their lines are shorter than the content's.
            score -= Double(wideBefore[end] - wideBefore[from]) * 2
            switch role {
            case .units: if first.startsUnit { score += 3 }
            case .time:
                score += first.startsTime ? 6 : -6
                if charactersBefore[end] - charactersBefore[from] > 60 { score -= 3 }
            case .other: break
            }
            return score
        }

        let n = lines.count
        // best[k][e]: the best score of cutting lines[0..<e] into the content and the first
        // k role cells, with the cuts that give it.
        var best = Array(repeating: Array(repeating: (score: -Double.infinity, cuts: [Int]()), count: n + 1),
                         count: roles.count + 1)
        for end in 1...n {
            best[0][end] = (features[0].startsUppercase ? 1 : 0, [0, end])
        }
        for (k, role) in roles.enumerated() {
            for from in 1..<n where best[k][from].score > -Double.infinity {
                for end in (from + 1)...n {
                    let total = best[k][from].score + score(from, end, role)
                    if total > best[k + 1][end].score { best[k + 1][end] = (total, best[k][from].cuts + [end]) }
                }
            }
        }
        // Lines left after the last cell are the content's overflow, each a small cost.
        let finish = (1...n).max { a, b in
            best[roles.count][a].score - Double(n - a) * 1.5 < best[roles.count][b].score - Double(n - b) * 1.5
        }
        guard let finish, best[roles.count][finish].score > -Double.infinity else {
            return [lines] + roles.map { _ in [] }
        }
        let cuts = best[roles.count][finish].cuts
        var cells = zip(cuts, cuts.dropFirst()).map { Array(lines[$0..<$1]) }
        cells[0] += lines[finish...]
        return cells
    }
}

/// What a line's start says about the cell it may open.
struct LineFeatures {
    let length: Int
    let startsUppercase: Bool
    /// A unit's name: "Trung tâm …", "Các phòng …", "UBND …".
    let startsUnit: Bool
    /// A deadline's wording: "Thường xuyên", "Quý IV …", "Tháng 10 …".
    let startsTime: Bool

    init(_ line: TextLine) {
        let text = line.text.trimmingCharacters(in: .whitespaces)
        length = line.text.count
        startsUppercase = text.first?.isUppercase == true
        startsUnit = text.contains(/^(?:Trung tâm|Các|Phòng|Văn phòng|UBND|Ủy ban|Uỷ ban|Công an|Ban|Hội|Đoàn|Sở|Cơ quan|Đơn vị|Bộ phận|Công chức)\b/)
        startsTime = text.contains(/^(?:Thường|Quý|Tháng|Trong|Năm|Trước|Hàng|Hằng|Định kỳ|Theo|Khi|Chậm|Từ|Ngày|Giai đoạn|\d)/)
    }
}

extension LineShape {
    /// "III. TỔ CHỨC THỰC HIỆN": a numbered heading in capitals ends a table in stream text.
    static func isSectionHeading(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.contains(/^[IVX]+\.\s+\p{Lu}/) && isUppercase(trimmed)
    }
}
