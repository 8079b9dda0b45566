import Testing
import VNPlanModel
@testable import VNPlanTables

/// Plans as agencies issue them: letterheads filled in by the signing software, seals over
/// the signer's name, prose plans, and a meeting's agenda in the annex.
@Suite struct AsIssuedTests {
    private func paragraph(_ text: String, bold: Bool = false) -> Block {
        .paragraph(Paragraph(text: text, isBold: bold))
    }

    private func table(_ rows: [[String]]) -> Block {
        .table(Table(rows: rows.map { TableRow(cells: $0.enumerated().map { TableCell(text: $1, column: $0) }) }))
    }

    private func plan(_ blocks: [Block]) -> Plan {
        PlanExtractor().plan(from: SourceDocument(
            metadata: SourceMetadata(fileName: "kh.pdf", sha256: String(repeating: "0", count: 64), format: .pdf),
            blocks: blocks))
    }

    private var letterhead: Block {
        table([["ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
               ["Số:277 /KH-UBND", "Hà Nội, ngày14 tháng7 năm 2026"]])
    }

    @Test func letterheadFilledInBySigningSoftware() {
        let document = plan([letterhead, paragraph("KẾ HOẠCH"), paragraph("Chuyển đổi số năm 2026"),
                             table([["Nơi nhận:\n- Như trên;", "KT.CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Lan ỦY BAN NHÂN DÂN"]])]).document
        #expect(document.number == "277/KH-UBND")
        #expect(document.date == "2026-07-14")
        #expect(document.place == "Hà Nội")
        #expect(document.issuer == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
        #expect(document.signer == Signer(title: "KT.CHỦ TỊCH PHÓ CHỦ TỊCH", name: "Nguyễn Thị Lan"))
    }

    /// A scan whose letterhead OCR read unsurely (a seal over it): what was read stays in the
    /// plan, but names no folder; a surely read number and date still stand.
    @Test func letterheadReadUnsurelyNamesNoFolder() {
        func cell(_ text: String, column: Int, confidence: Double) -> TableCell {
            TableCell(text: text, column: column, provenance: Provenance(page: 1, ocrConfidence: confidence))
        }
        let scanned = Block.table(Table(rows: [
            TableRow(cells: [cell("Ñ›) 7 Ý CHÍNH PHỦ ?HÙNG", column: 0, confidence: 0.31),
                             cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", column: 1, confidence: 0.93)]),
            TableRow(cells: [cell("Số: 19/NQ-CP", column: 0, confidence: 0.9),
                             cell("Hà Nội, ngày 12 tháng 5 năm 2026", column: 1, confidence: 0.95)]),
        ]))
        let unsure = plan([scanned, paragraph("KẾ HOẠCH"), paragraph("Chuyển đổi số năm 2026")])
        #expect(unsure.document.issuer == "Ñ›) 7 Ý CHÍNH PHỦ ?HÙNG")
        #expect(unsure.document.unsure == [.issuer])
        #expect(unsure.document.number == "19/NQ-CP" && unsure.document.date == "2026-05-12")
        #expect(unsure.id == "sha256-" + String(repeating: "0", count: 16))
        #expect(unsure.repositoryFolder == "plans/unknown-issuer/2026")
        #expect(unsure.warnings.contains { $0.hasPrefix("OCR read the letterhead's issuer below 70% confidence") })

        let sure = plan([letterhead, paragraph("KẾ HOẠCH"), paragraph("Chuyển đổi số năm 2026")])
        #expect(sure.document.unsure == nil)
        #expect(sure.repositoryFolder == "plans/uy-ban-nhan-dan-thanh-pho-ha-noi/2026")
    }

    /// Its parts are its headings; its numbered sentences are items, and no task is invented.
    @Test func prosePlanGivesItsSectionsAndNoTask() {
        let result = plan([letterhead, paragraph("KẾ HOẠCH"), paragraph("Tổ chức hội thảo chuyên môn"),
                           paragraph("I. MỤC ĐÍCH, YÊU CẦU", bold: true), paragraph("- Nâng cao chất lượng dạy học."),
                           paragraph("II. NỘI DUNG", bold: true),
                           paragraph("1. Phân tích đề thi năm 2025 – Trường THPT Cao Lãnh 2 thực hiện.", bold: false),
                           paragraph("III. THỜI GIAN, HÌNH THỨC", bold: true), paragraph("1. Thời gian", bold: true),
                           paragraph("Lúc 14 giờ 00 phút, ngày 28 tháng 4 năm 2026."),
                           paragraph("2. Hình thức:", bold: true), paragraph("PHỤ LỤC"),
                           paragraph("1. Danh sách", bold: true)])
        #expect(result.tasks.isEmpty)
        #expect(result.sections.map(\.path) == ["I", "II", "III", "III.1", "III.2"])
        #expect(result.sections.map(\.title) == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "THỜI GIAN, HÌNH THỨC", "Thời gian", "Hình thức"])
    }

    /// A row cut in two where no ruling said where it ends (a page, a borderless table): the
    /// piece with no number and no work joins the task above, so its words stay and no empty
    /// task is made.
    @Test func rowsWithoutWorkJoinTheTaskAbove() {
        let tasks = plan([table([["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
                                 ["1", "Rà soát thủ tục hành chính", "Văn phòng", "- Phòng"],
                                 ["", "", "", "chuyên môn gửi trước 10/8/2026"],
                                 ["2", "Công khai thủ tục", "Văn phòng", "Quý II năm 2026"]])]).tasks
        #expect(tasks.map(\.path) == ["1", "2"])
        #expect(tasks.first?.deadline?.text == "- Phòng\nchuyên môn gửi trước 10/8/2026")
    }

    /// Without rulings the work cell merged over a numbered row shows as an empty cell: the
    /// row takes the work above, as a merged cell's rows do, and is a task of its own.
    @Test func numberedRowUnderMergedWorkTakesIt() {
        let tasks = plan([table([["Stt", "Nội dung công việc", "Kết quả", "Thời gian"],
                                 ["1", "Xây dựng văn bản", "a) Quyết định ban hành kế hoạch", "Quý III"],
                                 ["2", "", "b) Kiện toàn đội ngũ đầu mối", "Quý III"]])]).tasks
        #expect(tasks.map(\.path) == ["1", "2"])
        #expect(tasks.map(\.activity) == ["Xây dựng văn bản", "Xây dựng văn bản"])
        #expect(tasks.map(\.outputs) == [["a) Quyết định ban hành kế hoạch"], ["b) Kiện toàn đội ngũ đầu mối"]])
    }

    /// A signature block set on under the task table, as a page without rulings shows it, ends
    /// the table: its lines are the signature, not a task's outputs or tasks of their own.
    @Test func signatureRowsEndTheTaskTable() {
        let result = plan([letterhead, paragraph("KẾ HOẠCH"), paragraph("Chuyển đổi số năm 2026"),
                           table([["STT", "Nội dung", "Sản phẩm", "Đơn vị chủ trì", "Thời gian"],
                                  ["1", "Rà soát thủ tục hành chính", "Báo cáo kết quả", "Văn phòng", "Quý I năm 2026"],
                                  ["", "", "TM. ỦY BAN NHÂN DÂN", "", ""],
                                  ["Nơi nhận:", "", "CHỦ TỊCH", "", ""],
                                  ["- Lưu: VT;", "", "", "", ""]]),
                           paragraph("Nguyễn Văn An")])
        #expect(result.tasks.map(\.path) == ["1"])
        #expect(result.tasks.first?.outputs == ["Báo cáo kết quả"])
        #expect(result.document.signer == Signer(title: "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", name: "Nguyễn Văn An"))
    }

    /// An agenda names content, a time and who: its times are of the day, so it is no plan table;
    /// a plan table beside it still gives its tasks.
    @Test func agendaIsNoPlanTable() {
        let agenda = table([["Thời gian", "Nội dung", "Người thực hiện"],
                            ["14h00 - 14h15", "Khai mạc, giới thiệu đại biểu", "Trường THPT Cao Lãnh 2"],
                            ["14h15 - 15h00", "Phân tích đề thi tốt nghiệp", "Tổ Lịch sử"],
                            ["15 giờ 00", "Thảo luận, tổng kết", "Ban Giám hiệu"]])
        let tasks = table([["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
                           ["1", "Rà soát thủ tục hành chính", "Văn phòng", "Quý I năm 2026"],
                           ["2", "Báo cáo kết quả", "Văn phòng", "Trước ngày 15/12/2026"]])
        let result = plan([letterhead, paragraph("KẾ HOẠCH"), paragraph("Hội thảo"), agenda, paragraph("PHỤ LỤC"), tasks])
        #expect(result.tasks.map(\.activity) == ["Rà soát thủ tục hành chính", "Báo cáo kết quả"])
        let clock = { (text: String) in text.contains(DeadlineWords.clockTime) }
        #expect(!clock("ngày 05 hàng tháng") && !clock("trước 30/01/2026") && !clock("điều 10: quý ii"))
        #expect(clock("8h00-8h30") && clock("08:30") && clock("lúc 14 giờ"))
    }

    /// A crawl's two-row header, written without spans: the units under "Đơn vị thực hiện",
    /// the other headers over both rows, the data rows a column wider than the top row.
    @Test func twoRowHeaderWithoutItsSpans() throws {
        let grid = Table(rows: [
            ["STT", "Nội dung thực hiện", "Đơn vị thực hiện", "Thời gian hoàn thành", "Sản phẩm"], ["Chủ trì", "Phối hợp"],
            ["1", "Rà soát thủ tục hành chính", "Văn phòng", "Các phòng", "Quý I năm 2026", "Báo cáo"],
        ].map { TableRow(cells: $0.enumerated().map { TableCell(text: $1, column: $0) }) })
        let layout = try #require(TableLayout.recognise(grid))
        #expect(layout.firstDataRow == 2)
        #expect(layout.roles == [0: .number, 1: .activity, 2: .lead, 3: .support, 4: .deadline, 5: .outputs])
        let result = plan([letterhead, paragraph("KẾ HOẠCH"), paragraph("Chuyển đổi số"), .table(grid)])
        #expect(result.tasks.count == 1)
        #expect(result.tasks.first?.lead == ["Văn phòng"] && result.tasks.first?.support == ["Các phòng"])
    }
}
