import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

/// The five seed extractions the project was specified from (`../shared/seeds`, not
/// committed): each read into the table shapes a person sees in it. Skipped where the
/// seeds are absent.
@Suite struct TextReaderSeedTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/seeds").standardizedFileURL

    static func seed(_ prefix: String) -> URL? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return names.first { $0.hasPrefix(prefix) }.map { seeds.appendingPathComponent($0) }
    }

    static func read(_ prefix: String) throws -> SourceDocument {
        let url = try #require(seed(prefix))
        return try TextReader().read(InputFile(contentsOf: url))
    }

    /// A cell's text by its grid position, whether it starts there or spans it.
    static func text(_ table: Table, _ row: Int, _ column: Int) -> String? {
        table.grid[row][column].reference.map { table[$0].text }
    }

    @Test(.enabled(if: seed("000_") != nil))
    func seed000MergedObjectivesAndTasks() throws {
        let tables = try Self.read("000_").tables
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        #expect((table.rows.count, table.columnCount) == (19, 9))
        #expect(table.rows[0].cells.map(\.text) == ["", "I.", "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"])
        // The first objective and its task cover the two activity rows below them.
        let objective = try #require(table.rows[1].cells.first { $0.column == 1 })
        #expect(objective.rowSpan == 3)
        #expect(objective.text.hasPrefix("- 100% các TTHC được rà soát"))
        #expect(Self.text(table, 3, 1) == objective.text)
        #expect(Self.text(table, 3, 3)?.hasPrefix("Cập nhật, công khai 100% TTHC") == true)
        // A row with a new task under the same objective.
        #expect(Self.text(table, 8, 1)?.hasPrefix("Tỷ lệ giải quyết hồ sơ đúng hạn") == true)
        #expect(Self.text(table, 8, 2)?.hasPrefix("Giám sát chặt chẽ") == true)
        #expect(Self.text(table, 5, 7)?.contains("trước ngày 15/8/2026") == true)
        // Every row has its time cell (column 7) or is a group row.
        let groupRows = table.rows.indices.filter { table.rows[$0].cells.count <= 3 }
        #expect(groupRows == [0, 6])
        #expect(table.rows.indices.filter { !groupRows.contains($0) }.allSatisfy { Self.text(table, $0, 7)?.isEmpty == false })
    }

    @Test(.enabled(if: seed("003_") != nil))
    func seed003TaskAndIndicatorTables() throws {
        let document = try Self.read("003_")
        let tables = document.tables
        let main = try #require(tables.first { $0.rows.count > 20 })
        #expect(main.columnCount == 5)
        #expect(main.rows[0].cells.map(\.text)
            == ["Stt", "Nội dung công việc", "Kết quả công việc", "Cơ quan, đơn vị thực hiện", "Thời gian thực hiện"])
        #expect(main.rows.count == 62)
        let numbered = main.rows.filter { $0.cells.first?.text.contains(/^\d+$/) == true }
        #expect(numbered.count == 46)
        #expect(main.rows[15].cells[4].text == "Theo yêu cầu của Bộ, ngành, Chủ tịch Ủy ban nhân dân tỉnh")
        let indicators = try #require(tables.last)
        #expect((indicators.rows.count, indicators.columnCount) == (9, 5))
        #expect(indicators.rows[2].cells[3].text == "Tối thiểu 60")
        // The decision's letterhead is a layout table; its body, paragraphs.
        #expect(tables.first?.rows.first?.cells.first?.text == "ỦY BAN NHÂN DÂN\nPHƯỜNG CẨM THÀNH")
        #expect(document.paragraphs.contains { $0.text.hasPrefix("Căn cứ Nghị định số 63/2010/NĐ-CP") })
    }

    @Test(.enabled(if: seed("004_") != nil))
    func seed004TablesCutAtPageBreaks() throws {
        let document = try Self.read("004_")
        let tables = document.tables
        #expect(tables.count == 40)
        #expect(tables.allSatisfy { $0.columnCount == 7 })
        #expect(tables.allSatisfy { ["Stt", "STT"].contains($0.rows.first?.cells.first?.text) })
        // Pieces of rows a page break cut off: an empty number cell right under the header.
        let continued = tables.filter { $0.rows.count > 1 && $0.rows[1].cells.first?.text == "" }
        #expect(continued.count == 20)
        let indicators = try #require(tables.first { $0.rows[0].cells.map(\.text).contains("Chỉ tiêu năm 2024") })
        #expect(indicators.rows[1].cells[0...1].map(\.isBold) == [true, true])
        #expect(document.paragraphs.first?.text == "Số: 169/KH-UBND")
    }

    @Test(.enabled(if: seed("001_") != nil))
    func seed001StreamOrderText() throws {
        let document = try Self.read("001_")
        #expect(document.paragraphs.contains {
            $0.text == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
        })
        #expect(document.paragraphs.contains { $0.text.hasPrefix("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ") })
        // The task table, its cells put back in their columns from the order they came in, by
        // layout alone (the pipeline adds the plan's words: SeedPlanTests.seed001).
        let table = try #require(document.tables.first)
        #expect(table.columnCount == 5)
        #expect(table.rows[0].cells.map(\.text)
            == ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"])
        #expect(table.rows[2].cells[0].text == "a")
        #expect(table.rows[2].cells[1].text.hasPrefix("Ban hành Quyết định Quy chế phối hợp trong hoạt động kiểm soát TTHC"))
        #expect(table.rows[2].cells[2...3].map(\.text) == ["Trung tâm Phục vụ hành chính công phường", "Các phòng, cơ quan chuyên môn phường"])
        #expect(table.rows[2].cells[4].text.hasPrefix("Quý IV năm"))
        let groups = table.rows.filter { $0.cells.count == 2 }
        #expect(groups.map { $0.cells[0].text } == ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
        let tasks = table.rows.dropFirst().filter { $0.cells.count == 5 }
        #expect(tasks.count == 49)
        #expect(tasks.allSatisfy { !$0.cells[4].text.isEmpty })
    }

    @Test(.enabled(if: seed("002_") != nil))
    func seed002DegradedOCRIsKeptAsText() throws {
        let document = try Self.read("002_")
        #expect(document.paragraphs.count > 50)
        #expect(document.paragraphs.first?.text == "Phu luc")
    }
}
