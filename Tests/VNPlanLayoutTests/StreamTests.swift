import Testing
import VNPlanModel
@testable import VNPlanLayout

@Suite struct StreamTests {
    /// Words of one line; `cells` are (x, text) pairs, words 6 pt a letter with 3 pt gaps
    /// (a text layer's boxes) or `gap` (a scan's boxes, around the ink only).
    static func line(_ y: Double, _ cells: [(Double, String)], gap: Double = 3) -> [PageWord] {
        cells.flatMap { x, text -> [PageWord] in
            var left = x
            return text.split(separator: " ").map { piece in
                defer { left += Double(piece.count) * 6 + gap }
                return Drawing.word(String(piece), x: left, y: y, width: Double(piece.count) * 6)
            }
        }
    }

    /// A letterhead: two blocks side by side over a wide gutter, two rows.
    @Test func letterheadIsTwoColumns() throws {
        var page = PageGeometry(number: 1, width: 600, height: 800)
        page.words = Self.line(40, [(60, "ỦY BAN NHÂN DÂN"), (330, "CỘNG HÒA XÃ HỘI")])
            + Self.line(55, [(70, "XÃ HÒA BÌNH"), (335, "Độc lập - Tự do")])
            + Self.line(75, [(65, "Số: 12/KH-UBND"), (330, "Hòa Bình, ngày 15")])
            + Self.line(110, [(60, "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát")])
        var layout = LayoutAnalyzer()
        layout.add(page)
        let blocks = layout.finish().blocks
        let table = try #require(Drawing.table(of: blocks))
        #expect(table.columnCount == 2)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH", "CỘNG HÒA XÃ HỘI\nĐộc lập - Tự do"],
                                                             ["Số: 12/KH-UBND", "Hòa Bình, ngày 15"]])
        guard case .paragraph(let paragraph) = blocks.last else { Issue.record("no paragraph after the table"); return }
        #expect(paragraph.text.hasPrefix("Căn cứ"))
    }

    /// OCR boxes hold only ink, so its word spaces are half a text height: the page's own
    /// word space tells them from the letterhead's gutter, and a title or a line of prose
    /// does not open a table.
    @Test func inkBoxedWordsKeepTheirSpacesApartFromGutters() throws {
        var page = PageGeometry(number: 1, width: 600, height: 800)
        page.words = Self.line(40, [(60, "ỦY BAN NHÂN DÂN"), (330, "CỘNG HÒA XÃ HỘI")], gap: 7)
            + Self.line(55, [(70, "XÃ HÒA BÌNH"), (335, "Độc lập - Tự do")], gap: 7)
            + Self.line(75, [(65, "Số: 12/KH-UBND"), (330, "Hòa Bình, ngày 15")], gap: 7)
            + Self.line(100, [(265, "KẾ HOẠCH")], gap: 7)
            + Self.line(124, [(60, "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ")], gap: 7)
            + Self.line(142, [(60, "về kiểm soát thủ tục hành chính và các văn bản hướng dẫn thi hành")], gap: 7)
        var layout = LayoutAnalyzer()
        layout.add(page)
        let blocks = layout.finish().blocks
        let table = try #require(Drawing.table(of: blocks))
        #expect(table.columnCount == 2)
        #expect(table.rows.first?.cells.map(\.text) == ["ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH", "CỘNG HÒA XÃ HỘI\nĐộc lập - Tự do"])
        let paragraphs = blocks.compactMap { block -> String? in
            if case .paragraph(let paragraph) = block { paragraph.text } else { nil }
        }
        #expect(paragraphs.first == "KẾ HOẠCH")
        #expect(paragraphs.last?.hasPrefix("Căn cứ") == true)
    }

    /// Three columns without a line between them, a group row across two of them, and a cell
    /// of two lines (the first stops short: the line break is the document's).
    @Test func alignedWordsMakeColumnsAndRows() throws {
        var page = PageGeometry(number: 1, width: 600, height: 800)
        page.words = Self.line(100, [(60, "STT"), (120, "Nhiệm vụ"), (400, "Thời hạn")])
            + Self.line(125, [(60, "I."), (120, "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH TRÊN ĐỊA BÀN VÀ CÁC ĐƠN VỊ")])
            + Self.line(150, [(60, "1"), (120, "Rà soát các thủ tục hành chính"), (400, "Quý I")])
            + Self.line(165, [(120, "thuộc thẩm quyền")])
            + Self.line(190, [(60, "2"), (120, "Công khai thủ tục"), (400, "Quý II")])
        var layout = LayoutAnalyzer()
        layout.add(page)
        let table = try #require(Drawing.table(of: layout.finish().blocks))
        #expect(table.columnCount == 3)
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["STT", "Nhiệm vụ", "Thời hạn"],
            ["I.", "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH TRÊN ĐỊA BÀN VÀ CÁC ĐƠN VỊ"],
            ["1", "Rà soát các thủ tục hành chính\nthuộc thẩm quyền", "Quý I"],
            ["2", "Công khai thủ tục", "Quý II"],
        ])
        #expect(table.rows[1].cells[1].columnSpan == 2)
    }

    /// Cells centred in their rows, as LibreOffice and Word set them: the number and the task
    /// sit halfway down the two activities they were merged over, the deadlines halfway down
    /// their own rows, so no two cells of a row start on one line.
    @Test func centredCellsFindTheirRowsAndMergedCellsTheirSpans() throws {
        var page = PageGeometry(number: 1, width: 600, height: 800)
        page.words = Self.line(110, [(60, "TT"), (120, "Nhiệm vụ"), (260, "Hoạt động"), (375, "Thời hạn")])
            + Self.line(130, [(260, "Xây dựng kế hoạch")]) + Self.line(146, [(260, "kiểm soát thủ tục")])
            + Self.line(162, [(260, "hành chính năm nay")])
            + Self.line(145.5, [(375, "Quý I")])
            + Self.line(170, [(60, "1"), (120, "Kiểm soát")])
            + Self.line(186, [(260, "Rà soát các thủ tục")]) + Self.line(202, [(260, "ban hành chưa đúng")])
            + Self.line(194, [(375, "Quý II")])
            + Self.line(226, [(60, "2"), (120, "Công khai"), (260, "Niêm yết tại Bộ phận"), (375, "Thường xuyên")])
        var layout = LayoutAnalyzer()
        layout.add(page)
        let table = try #require(Drawing.table(of: layout.finish().blocks))
        #expect(table.columnCount == 4)
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["TT", "Nhiệm vụ", "Hoạt động", "Thời hạn"],
            ["1", "Kiểm soát", "Xây dựng kế hoạch kiểm soát thủ tục hành chính năm nay", "Quý I"],
            ["Rà soát các thủ tục ban hành chưa đúng", "Quý II"],
            ["2", "Công khai", "Niêm yết tại Bộ phận", "Thường xuyên"],
        ])
        #expect(table.rows[1].cells.map(\.rowSpan) == [2, 2, 1, 1])
        #expect(table.rows[2].cells.map(\.column) == [2, 3])
    }

    /// A number and a task merged over rows that a page break parts: nothing is drawn for
    /// them on the next page, and they go on over its rows until the next number.
    @Test func mergedCellsGoOnOverTheNextPage() throws {
        var first = PageGeometry(number: 1, width: 600, height: 800)
        first.words = Self.line(100, [(60, "TT"), (120, "Nhiệm vụ"), (260, "Hoạt động"), (362, "Thời hạn")])
            + Self.line(121, [(60, "1"), (120, "Kiểm soát"), (260, "Xây dựng kế hoạch"), (362, "Quý I")])
            + Self.line(136, [(260, "kiểm soát năm nay")])
            + Self.line(157, [(260, "Rà soát thủ tục"), (362, "Quý II")]) + Self.line(172, [(260, "hành chính")])
        var second = PageGeometry(number: 2, width: 600, height: 800)
        second.words = Self.line(60, [(260, "Công khai thủ tục"), (362, "Quý III")]) + Self.line(75, [(260, "trên cổng")])
            + Self.line(96, [(60, "2"), (120, "Tuyên truyền"), (260, "Phổ biến quy định"), (362, "Quý IV")])
            + Self.line(111, [(260, "cho người dân")])
            + Self.line(132, [(260, "Báo cáo kết quả"), (362, "Tháng 12")]) + Self.line(147, [(260, "hằng năm")])
        var layout = LayoutAnalyzer()
        layout.add(first)
        layout.add(second)
        let blocks = layout.finish().blocks
        let table = try #require(Drawing.table(of: blocks))
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["TT", "Nhiệm vụ", "Hoạt động", "Thời hạn"],
            ["1", "Kiểm soát", "Xây dựng kế hoạch kiểm soát năm nay", "Quý I"],
            ["Rà soát thủ tục hành chính", "Quý II"],
            ["Công khai thủ tục trên cổng", "Quý III"],
            ["2", "Tuyên truyền", "Phổ biến quy định cho người dân", "Quý IV"],
            ["Báo cáo kết quả hằng năm", "Tháng 12"],
        ])
        #expect(table.rows[1].cells.map(\.rowSpan) == [3, 3, 1, 1])
        #expect(table.rows[4].cells.map(\.rowSpan) == [2, 2, 1, 1])
    }
}
