import Testing
import VNPlanModel
@testable import VNPlanTables

/// Table shapes the reconstructor meets in text and PDF sources.
@Suite struct TableShapeTests {
    private func row(_ texts: [String]) -> TableRow {
        TableRow(cells: texts.enumerated().map { TableCell(text: $1, column: $0) })
    }

    private func table(_ rows: [[String]]) -> Table { Table(rows: rows.map(row)) }

    private let header = ["Stt", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"]

    @Test func pieceAfterAPageBreakContinuesTheRowAbove() {
        let first = table([header, ["1.", "Rà soát", "Công chức đầu", "Thường"]])
        let second = table([header, ["", "thủ tục", "mối", "xuyên"], ["2.", "Công khai", "Văn phòng", "Quý I"]])
        let joined = TableContinuation.join(first, second, nextDataRow: 1, numberColumns: [0])
        #expect(joined.rows.map { $0.cells.map(\.text) } == [
            header, ["1.", "Rà soát thủ tục", "Công chức đầu mối", "Thường xuyên"], ["2.", "Công khai", "Văn phòng", "Quý I"],
        ])
    }

    @Test func rowWhoseNumberIsPrintedBesideItsSecondHalf() {
        let first = table([header, ["1.1", "A", "B", "C"], ["", "Rà soát danh mục thủ tục hành", "Công chức", "Thường"]])
        let second = table([header, ["1.2", "chính được tích hợp", "kiểm soát TTHC", "xuyên"]])
        let joined = TableContinuation.join(first, second, nextDataRow: 1, numberColumns: [0])
        #expect(joined.rows.count == 3)
        #expect(joined.rows[2].cells.map(\.text)
            == ["1.2", "Rà soát danh mục thủ tục hành chính được tích hợp", "Công chức kiểm soát TTHC", "Thường xuyên"])
    }

    /// A column whose header names no role keeps its cells in the task's note, under the
    /// header's wording.
    @Test func unnamedColumnIsKeptInTheNote() throws {
        let grid = table([
            ["Stt", "Nội dung", "Địa điểm", "Cơ quan chủ trì", "Thời gian", "Ghi chú"],
            ["1", "Rà soát TTHC", "Bộ phận Một cửa", "Văn phòng", "Quý I", "Báo cáo quý"],
            ["2", "Công khai TTHC", "", "Văn phòng", "Quý II", ""],
        ])
        let layout = try #require(TableLayout.recognise(grid))
        #expect(layout.unnamed == [2: "Địa điểm"])
        var outline = SectionOutline()
        let tasks = TaskTableReader(table: grid, layout: layout, tableNumber: 1, planYear: 2026).read(into: &outline).tasks
        #expect(tasks.map(\.note) == ["Báo cáo quý\nĐịa điểm: Bộ phận Một cửa", nil])
    }

    @Test func numbersUnderASectionAreNotRepeated() {
        #expect(SectionOutline.join("III.1", "1.2") == "III.1.2")
        #expect(SectionOutline.join("II", "3") == "II.3")
        #expect(SectionOutline.join("A.I", "5") == "A.I.5")
        #expect(SectionOutline.join(nil, "2.1") == "2.1")
    }

    @Test func sectionsOfAnyDepth() {
        var outline = SectionOutline()
        #expect(outline.enter(SectionLabel("IX")!) == "IX")
        #expect(outline.enter(SectionLabel("1.")!) == "IX.1")
        #expect(outline.enter(SectionLabel("1.6")!) == "IX.1.6")
        #expect(outline.enter(SectionLabel("2.")!) == "IX.2")
        #expect(outline.path == "IX.2")
    }

    /// OCR reads a bold "I." alone in a cell as "L." or "i." and "II." as "H.": in an OCR
    /// reading, a letter that looks like the numeral due next is that numeral; elsewhere a
    /// letter stays a letter.
    @Test func romanLabelsMisreadByOCR() {
        var scanned = SectionOutline(readByOCR: true)
        let first = scanned.resolving(SectionLabel("i.")!)
        #expect(first == SectionLabel("I."))
        #expect(scanned.enter(first) == "I")
        #expect(scanned.enter(scanned.resolving(SectionLabel("1.")!)) == "I.1")
        let second = scanned.resolving(SectionLabel("H.")!)
        #expect(second == SectionLabel("II."))
        #expect(scanned.enter(second) == "II")
        // "IIL." read for "III." is a numeral (47) but not the one due; "IL." is no "III.";
        // "IV." after "III." is the one due and stays.
        #expect(scanned.resolving(SectionLabel("IL.")!) == SectionLabel("IL."))
        #expect(scanned.resolving(SectionLabel("IIL.")!) == SectionLabel("III."))
        #expect(scanned.enter(SectionLabel("III.")!) == "III")
        #expect(scanned.resolving(SectionLabel("IV.")!) == SectionLabel("IV."))
        // "B." is no numeral; "L." after "II." is not the one due.
        #expect(scanned.resolving(SectionLabel("B.")!) == SectionLabel("B."))
        #expect(scanned.resolving(SectionLabel("L.")!) == SectionLabel("L."))
        var typed = SectionOutline()
        #expect(typed.resolving(SectionLabel("H.")!) == SectionLabel("H."))
        #expect(typed.enter(SectionLabel("i.")!) == "i")
        #expect(RomanNumeral.value(of: "XIV") == 14)
        #expect(RomanNumeral.lookalike(of: "lH") == "III")
        #expect(RomanNumeral.lookalike(of: "e") == nil)
    }

    /// A heading label with the space after its point lost ("I.NHIỆM VỤ") still leads its
    /// line; a number or an abbreviation run into a word does not.
    @Test func leadingLabelWithoutItsSpace() throws {
        let heading = try #require(SectionLabel.leading("I.NHIỆM VỤ"))
        #expect(heading.0 == SectionLabel("I.") && heading.1 == "NHIỆM VỤ")
        #expect(SectionLabel.leading("II. TỔ CHỨC THỰC HIỆN")?.1 == "TỔ CHỨC THỰC HIỆN")
        #expect(SectionLabel.leading("2.5 tỷ đồng") == nil)
        #expect(SectionLabel.leading("TP.Hồ Chí Minh") == nil)
    }

    /// "(1) (2) … (9)" with a cell OCR misread ("(5)" as "ION") still numbers the columns;
    /// a row of counts does not.
    @Test func columnNumbersRowWithAMisreadCell() throws {
        let header = ["TT", "Nội dung", "Kết quả", "Chủ trì", "Phối hợp", "Thời gian"]
        let rows = [header, ["(1", "(2)", "ION", "(4)", "(5)", "(6)"],
                    ["1", "Rà soát TTHC", "Báo cáo", "Văn phòng", "Các phòng", "Quý I"],
                    ["2", "12", "15", "20", "30", "Quý II"]]
        let grid = table(rows)
        let layout = try #require(TableLayout.recognise(grid))
        var outline = SectionOutline()
        let tasks = TaskTableReader(table: grid, layout: layout, tableNumber: 1, planYear: 2026).read(into: &outline).tasks
        #expect(tasks.map(\.number) == ["1", "2"])
    }

    @Test func tableWithoutItsHeaderIsReadByWhatItsColumnsHold() throws {
        let rows = [
            ["Mục tiêu A", "Nhiệm vụ 1", "Hoạt động 1", "Kế hoạch", "Trung tâm Phục vụ hành chính công", "Các phòng chuyên môn", "Trước 30/01/2026"],
            ["", "", "Hoạt động 2", "Báo cáo", "Các phòng chuyên môn", "Trung tâm Phục vụ hành chính công", "Thường xuyên"],
            ["", "Nhiệm vụ 2", "Hoạt động 3", "Quyết định", "Phòng VH-XH", "Các phòng chuyên môn", "Hàng năm"],
        ]
        let layout = try #require(TableLayout.inferred(from: table(rows)))
        #expect(layout.roles == [0: .objective, 1: .task, 2: .activity, 3: .outputs, 4: .lead, 5: .support, 6: .deadline])
        #expect(layout.firstDataRow == 0)
    }

    @Test func proseTableIsNoPlanTable() {
        #expect(TableLayout.inferred(from: table([["Nơi nhận:", "CHỦ TỊCH"], ["a", "b"], ["c", "d"]])) == nil)
    }
}
