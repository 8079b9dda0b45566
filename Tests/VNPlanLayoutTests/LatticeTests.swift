import Testing
import VNPlanModel
@testable import VNPlanLayout

/// Pages drawn by hand in points, as a PDF reader would give them: 12 pt text, 0.5 pt lines.
enum Drawing {
    static func word(_ text: String, x: Double, y: Double, width: Double? = nil) -> PageWord {
        PageWord(text: text, box: BoundingBox(x: x, y: y, width: width ?? Double(text.count) * 6, height: 14))
    }

    static func horizontal(_ y: Double, _ from: Double, _ to: Double) -> RulingSegment {
        RulingSegment(orientation: .horizontal, position: y, start: from, end: to, thickness: 0.5)
    }

    static func vertical(_ x: Double, _ from: Double, _ to: Double) -> RulingSegment {
        RulingSegment(orientation: .vertical, position: x, start: from, end: to, thickness: 0.5)
    }

    static func table(of document: [Block]) -> Table? {
        document.lazy.compactMap { if case .table(let table) = $0 { table } else { nil } }.first
    }
}

@Suite struct LatticeTests {
    /// A 3 × 3 grid whose first row has no line between its first two columns, and whose
    /// first column has no line between its last two rows.
    @Test func missingInnerLinesBecomeSpans() throws {
        var page = PageGeometry(number: 1, width: 600, height: 800)
        page.rulings = [Drawing.horizontal(100, 50, 350), Drawing.horizontal(130, 50, 350),
                        Drawing.horizontal(160, 150, 350), Drawing.horizontal(190, 50, 350),
                        Drawing.vertical(50, 100, 190), Drawing.vertical(150, 130, 190),
                        Drawing.vertical(250, 100, 190), Drawing.vertical(350, 100, 190)]
        page.words = [Drawing.word("Mục", x: 60, y: 108), Drawing.word("tiêu", x: 90, y: 108),
                      Drawing.word("Hạn", x: 260, y: 108),
                      Drawing.word("Nhóm", x: 60, y: 150), Drawing.word("A", x: 160, y: 138),
                      Drawing.word("B", x: 160, y: 168), Drawing.word("2026", x: 260, y: 168)]
        var layout = LayoutAnalyzer()
        layout.add(page)
        let table = try #require(Drawing.table(of: layout.finish().blocks))
        #expect(table.columnCount == 3)
        #expect(table.rows.count == 3)
        let header = table.rows[0].cells
        #expect(header.map(\.text) == ["Mục tiêu", "Hạn"])
        #expect(header[0].columnSpan == 2)
        let merged = try #require(table.rows[1].cells.first { $0.column == 0 })
        #expect(merged.text == "Nhóm" && merged.rowSpan == 2)
        #expect(table.rows[2].cells.map(\.text) == ["B", "2026"])
        #expect(table.rows[2].cells.allSatisfy { $0.provenance.boundingBox != nil && $0.provenance.page == 1 })
    }

    /// Names set one per line, centred in a narrow cell (a LibreOffice render of KH-3957):
    /// the next name would fit after each line within the table's padding, so each line is
    /// the writer's; the cell beside it, flush left, wraps.
    @Test func centredLinesInANarrowCellStayApart() throws {
        var page = PageGeometry(number: 1, width: 600, height: 800)
        page.rulings = [Drawing.horizontal(100, 50, 350), Drawing.horizontal(170, 50, 350),
                        Drawing.vertical(50, 100, 170), Drawing.vertical(200, 100, 170), Drawing.vertical(350, 100, 170)]
        page.words = [Drawing.word("Rà", x: 54, y: 104, width: 20), Drawing.word("soát", x: 78, y: 104, width: 34),
                      Drawing.word("việc", x: 116, y: 104, width: 30), Drawing.word("đáp", x: 150, y: 104, width: 40),
                      Drawing.word("ứng", x: 54, y: 120, width: 30),
                      // Centred between 200 and 350: 95, 72 and 84 points wide.
                      Drawing.word("Đỗ", x: 227.5, y: 104, width: 17), Drawing.word("Mạnh", x: 248.5, y: 104, width: 34),
                      Drawing.word("Cường", x: 286.5, y: 104, width: 36),
                      Drawing.word("Vũ", x: 239, y: 120, width: 17), Drawing.word("Việt", x: 260, y: 120, width: 25),
                      Drawing.word("Linh", x: 289, y: 120, width: 22),
                      Drawing.word("Nguyễn", x: 233, y: 136, width: 40), Drawing.word("Thị", x: 277, y: 136, width: 18),
                      Drawing.word("Loan", x: 299, y: 136, width: 18)]
        var layout = LayoutAnalyzer()
        layout.add(page)
        let table = try #require(Drawing.table(of: layout.finish().blocks))
        #expect(table.rows.first?.cells.map(\.text) == ["Rà soát việc đáp ứng", "Đỗ Mạnh Cường\nVũ Việt Linh\nNguyễn Thị Loan"])
    }

    /// Lines that a renderer wrapped join with a space; a line that stops short, or a list
    /// item after a full stop, starts on a new line.
    @Test func wrappedLinesJoinAndBrokenLinesStay() {
        let lines = TextLine.lines(of: [
            Drawing.word("Trung", x: 0, y: 0, width: 40), Drawing.word("tâm", x: 44, y: 0, width: 40),
            Drawing.word("Phục", x: 0, y: 16, width: 40),
            Drawing.word("-", x: 0, y: 32, width: 5), Drawing.word("Lưu.", x: 9, y: 32, width: 40),
            Drawing.word("-", x: 0, y: 48, width: 5), Drawing.word("VT", x: 9, y: 48, width: 20),
        ])
        #expect(WrappedText.text(of: lines, width: 90) == "Trung tâm Phục\n- Lưu.\n- VT")
    }

    /// A table that goes on over the next page: its repeated header is marked, and the row
    /// the break cut (no number, text going on in lowercase) continues the row above.
    @Test func tableGoesOnOverThePage() throws {
        func page(_ number: Int, rows: [[String]]) -> PageGeometry {
            var page = PageGeometry(number: number, width: 600, height: 800)
            let top = 100.0
            for (index, row) in rows.enumerated() {
                for (column, text) in row.enumerated() where !text.isEmpty {
                    page.words.append(Drawing.word(text, x: 60 + Double(column) * 100, y: top + 8 + Double(index) * 30))
                }
            }
            let bottom = top + Double(rows.count) * 30
            page.rulings = (0...rows.count).map { Drawing.horizontal(top + Double($0) * 30, 50, 350) }
                + [50.0, 150, 250, 350].map { Drawing.vertical($0, top, bottom) }
            return page
        }
        var layout = LayoutAnalyzer()
        layout.add(page(1, rows: [["STT", "Nhiệm vụ", "Hạn"], ["1", "Rà soát", "Quý I"]]))
        layout.add(page(2, rows: [["STT", "Nhiệm vụ", "Hạn"], ["", "thủ tục", ""], ["2", "Công khai", "Quý II"]]))
        let blocks = layout.finish().blocks
        #expect(blocks.count == 1)
        let table = try #require(Drawing.table(of: blocks))
        #expect(table.rows.map { $0.isRepeatedHeader } == [false, false, true, false])
        #expect(table.rows[1].cells.map(\.text) == ["1", "Rà soát thủ tục", "Quý I"])
        #expect(table.rows[3].cells.map(\.text) == ["2", "Công khai", "Quý II"])
    }

    /// A page drawing more lines than a table has is read as text, in bounded time, and says so.
    @Test func aDrawingOfManyLinesIsNotATable() {
        var page = PageGeometry(number: 3, width: 600, height: 800)
        // Hatching: short dashes, too far apart to join into lines.
        for row in 0..<200 {
            for dash in 0..<100 {
                let x = Double(dash) * 6
                page.rulings.append(Drawing.horizontal(Double(row) * 4, x, x + 2))
            }
        }
        for column in 0..<100 { page.rulings.append(Drawing.vertical(Double(column) * 6, 0, 800)) }
        page.words = [Drawing.word("Hình", x: 10, y: 10)]
        var layout = LayoutAnalyzer()
        layout.add(page)
        let (blocks, warnings) = layout.finish()
        #expect(Drawing.table(of: blocks) == nil, "no table expected")
        #expect(warnings.contains { $0.contains("Page 3") })
    }
}
