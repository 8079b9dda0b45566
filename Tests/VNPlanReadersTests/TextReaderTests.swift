import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

/// The text forms on small inputs written the way the archives write them.
@Suite struct TextReaderTests {
    private func read(_ text: String) throws -> SourceDocument {
        try TextReader().read(InputFile(name: "t.txt", data: Data(text.utf8)))
    }

    private func read(bytes: [UInt8]) throws -> SourceDocument {
        try TextReader().read(InputFile(name: "t.txt", data: Data(bytes)))
    }

    @Test func wordTableTextWithMergedCells() throws {
        let text = " \tMục tiêu A\n\tNhiệm vụ 1\n\tHoạt động 1\n\tThường xuyên\n\n"
            + "\t\n\t\n\t\n\tHoạt động 2\n\tQuý IV\n\n"
            + "\t\n\t\n\tNhiệm vụ 2\n\tHoạt động 3\n\tHàng năm\n"
        let table = try #require(try read(text).tables.first)
        #expect(table.rows.count == 3)
        #expect(table.columnCount == 5)
        // The objective spans all three rows, the first task two; merged cells are not listed.
        #expect(table.rows[0].cells.map(\.rowSpan) == [1, 3, 2, 1, 1])
        #expect(table.rows[1].cells.map(\.column) == [0, 3, 4])
        #expect(table.rows[2].cells.map(\.text) == ["", "Nhiệm vụ 2", "Hoạt động 3", "Hàng năm"])
        #expect(table.rows[2].cells.first?.column == 0)
        let objective = try #require(table.grid[0][1].reference)
        #expect(table.grid[2][1] == .spanned(from: objective))
    }

    /// Markup of markdown and HTML conversions removed in the reader, its meaning kept.
    @Test(arguments: [
        ("<b>Mục tiêu</b>", "Mục tiêu", true), ("**Kế hoạch**", "Kế hoạch", true),
        ("## I. MỤC TIÊU", "I. MỤC TIÊU", true), ("Dòng một<br/>dòng hai", "Dòng một\ndòng hai", false),
        ("<P>Đoạn</P>", "Đoạn", false), ("[bookmark: _Toc1]Căn cứ Luật", "Căn cứ Luật", false),
        ("*(chi tiết)* và a * b", "(chi tiết) và a * b", false), ("x < 5 và <bảng>", "x < 5 và <bảng>", false),
        ("<i>Hà Nội</i>, ***ngày***", "Hà Nội, ngày", false),
    ])
    func markupIsRemoved(raw: String, text: String, isBold: Bool) {
        #expect(InlineMarkup.strip(raw) == InlineMarkup.Stripped(text: text, isBold: isBold))
    }

    /// A site's metadata box, then the plan table, with the same row markers: the box ends
    /// where its two columns do, and the plan table is a table of its own.
    @Test func tableBeforeThePlanTableDoesNotSwallowIt() throws {
        let box = "Cơ quan ban hành\tUBND xã Hòa Bình\nSố ký hiệu\t52/KH-UBND\nNgày ban hành\t12/02/2026\n"
        let plan = "STT\tNội dung\tChủ trì\tPhối hợp\tThời gian\n"
            + "1\tRà soát TTHC\tTrung tâm Phục vụ hành chính công\tCác phòng chuyên môn\tQuý I\n"
            + "2\tCông khai TTHC\tVăn phòng\t\tThường xuyên\n"
        let tables = try read(box + plan).tables
        #expect(tables.map(\.columnCount) == [2, 5])
        #expect(tables.map(\.rows.count) == [3, 3])
        #expect(tables[1].rows[0].cells.map(\.text) == ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"])

        // Word table text, one cell per line: a letterhead laid out as a table, then the plan.
        let letterhead = "\tỦY BAN NHÂN DÂN\n\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n\tSố: 52/KH-UBND\n\tHòa Bình, ngày 12 tháng 02 năm 2026\n\n"
        let cells = "\tStt\n\tNội dung\n\tChủ trì\n\tThời gian\n\n\t1\n\tRà soát\n\tVăn phòng\n\tQuý III\n"
        let wordTables = try read(letterhead + cells).tables
        #expect(wordTables.map(\.columnCount) == [2, 4])
        #expect(wordTables[1].rows.map { $0.cells.map(\.text) } == [["Stt", "Nội dung", "Chủ trì", "Thời gian"], ["1", "Rà soát", "Văn phòng", "Quý III"]])
    }

    /// Rows narrower than the header (group rows labelled "I", "1") stay in their table.
    @Test func groupRowsAreNoTableOfTheirOwn() throws {
        let text = "I\tKiểm soát TTHC\n1\tRà soát\n2\tRà soát TTHC\tVăn phòng\tQuý I\n"
        #expect(try read(text).tables.count == 1)
    }

    @Test func blankLineInsideACellIsNoRowBreak() throws {
        let text = "\tStt\n\tNội dung\n\tThời gian\n\n\t1\n\tRà soát\n\n\tQuý III\n\n\t2\n\tCông khai\n\tThường xuyên\n"
        let table = try #require(try read(text).tables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["Stt", "Nội dung", "Thời gian"], ["1", "Rà soát", "Quý III"], ["2", "Công khai", "Thường xuyên"],
        ])
    }

    @Test func cellParagraphsAndWrappedLines() throws {
        let text = "\tCơ quan, đơn vị\n thực hiện\n\tGhi chú\n\n\t- Bộ phận chủ trì: A.\n- Bộ phận phối hợp: B.\n\tx\n"
        let table = try #require(try read(text).tables.first)
        #expect(table.rows[0].cells[0].text == "Cơ quan, đơn vị thực hiện")
        #expect(table.rows[1].cells[0].text == "- Bộ phận chủ trì: A.\n- Bộ phận phối hợp: B.")
    }

    @Test func paragraphsAroundATable() throws {
        let document = try read("QUYẾT ĐỊNH\nBan hành Kế hoạch\n\n\tStt\n\tNội dung\n\n\t1\n\tA\n\n\n\nNơi nhận:\n")
        #expect(document.blocks.count == 4)
        #expect(document.paragraphs.map(\.text) == ["QUYẾT ĐỊNH", "Ban hành Kế hoạch", "Nơi nhận:"])
    }

    @Test func markdownRowsWithMarkup() throws {
        let text = "## KẾ HOẠCH\n\n**I. Nội dung**\n\nStt\tNội dung\tThời gian\n-----\t-----\t-----\n"
            + "<b>1.</b>\t<b>Nhóm</b>\t\n1.1\tViệc <i>(chi tiết)</i>\tQuý I\n\tphần tiếp\t\n"
        let document = try read(text)
        #expect(document.paragraphs.map(\.text) == ["KẾ HOẠCH", "I. Nội dung"])
        #expect(document.paragraphs.allSatisfy { $0.isBold })
        let table = try #require(document.tables.first)
        #expect(table.rows.count == 4)
        #expect(table.rows[1].cells.map(\.isBold) == [true, true, false])
        #expect(table.rows[2].cells[1].text == "Việc (chi tiết)")
        // The piece of a row cut off by a page break keeps its empty number cell.
        #expect(table.rows[3].cells.map(\.text) == ["", "phần tiếp", ""])
    }

    @Test func tablesCutAtPageBreaksStaySeparate() throws {
        let text = "Stt\tNội dung\n1.\tA\n\nStt\tNội dung\n\tcòn lại của A\n2.\tB\n"
        let tables = try read(text).tables
        #expect(tables.map(\.rows.count) == [2, 3])
    }

    @Test func pipeRows() throws {
        let text = "Trước bảng\n|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Chủ trì**\n|\n|\n1\n|\nXây dựng kế hoạch thực hiện\nnăm 2026\n|\nSở Nội vụ\n|\n|\n2\n|\n|\nSở Tư pháp\n|\n\nSau bảng\n"
        let document = try read(text)
        #expect(document.paragraphs.map(\.text) == ["Trước bảng", "Sau bảng"])
        let table = try #require(document.tables.first)
        // "| |" ends a row, or is an empty cell where the row has room for one.
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["TT", "Nhiệm vụ", "Chủ trì"],
            ["1", "Xây dựng kế hoạch thực hiện năm 2026", "Sở Nội vụ"],
            ["2", "", "Sở Tư pháp"],
        ])
        #expect(table.rows[0].cells.allSatisfy { $0.isBold })
    }

    /// A web crawl writes a row's end as "| |" on one line, and wraps bold header cells
    /// inside their markup ("**Thời gian hoàn" / "thành**").
    @Test func crawlRowsEndAtAPipePair() throws {
        let text = "|\n**STT**\n|\n**Nội dung thực\nhiện**\n|\n**Thời gian hoàn\nthành**\n| |\n1\n|\nRà soát\n|\nQuý I\n| |\n2\n|\nCông khai\n|\nQuý II\n|\n\nNơi nhận:\n"
        let table = try #require(try read(text).tables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["STT", "Nội dung thực hiện", "Thời gian hoàn thành"], ["1", "Rà soát", "Quý I"], ["2", "Công khai", "Quý II"],
        ])
        #expect(table.rows[0].cells.allSatisfy { $0.isBold })
    }

    @Test func wrappedPDFLinesBecomeParagraphs() throws {
        var text = ""
        for line in ["ỦY BAN NHÂN DÂN ", "PHƯỜNG HOÀ XUÂN ", "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của ",
                     "Chính phủ về kiểm soát thủ tục hành chính; ", "Căn cứ Luật Tổ chức chính quyền địa phương ngày ",
                     "16 tháng 6 năm 2025; ", "QUYẾT ĐỊNH: ", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ",
                     "hoạt động kiểm soát thủ tục hành chính. ", "Điều 2. Quyết định này có hiệu lực. "] {
            text += line + "\n \n"
        }
        let texts = try read(text).paragraphs.map(\.text)
        #expect(texts.contains("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;"))
        #expect(texts.contains("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"))
        #expect(texts.prefix(2) == ["ỦY BAN NHÂN DÂN", "PHƯỜNG HOÀ XUÂN"])
    }

    @Test func formFeedsArePages() throws {
        let document = try read("Trang một\n\u{0C}Trang hai\n")
        #expect(document.paragraphs.map(\.provenance.page) == [1, 2])
        #expect(document.metadata.pageCount == 2)
    }

    @Test func utf8ByteOrderMark() throws {
        let document = try read(bytes: [0xEF, 0xBB, 0xBF] + Array("Kế hoạch".utf8))
        #expect(document.paragraphs.first?.text == "Kế hoạch")
    }

    @Test func utf16WithByteOrderMark() throws {
        let little: [UInt8] = [0xFF, 0xFE] + "Kế hoạch\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + "Kế hoạch\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let fromLittle = try read(bytes: little), fromBig = try read(bytes: big)
        #expect(fromLittle.paragraphs.first?.text == "Kế hoạch")
        #expect(fromBig.paragraphs.first?.text == "Kế hoạch")
    }

    @Test func legacyEightBitTextKeepsEveryByte() throws {
        // "Kõ ho¹ch" in TCVN3 (ABC): bytes that are not UTF-8, kept as Windows-1252.
        let document = try read(bytes: [0x4B, 0xF5, 0x20, 0x68, 0x6F, 0xB9, 0x63, 0x68, 0x20, 0x81])
        #expect(document.paragraphs.first?.text == "Kõ ho¹ch \u{81}")
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: ReaderError.empty(file: "t.txt")) { try read("\n \n") }
    }
}
