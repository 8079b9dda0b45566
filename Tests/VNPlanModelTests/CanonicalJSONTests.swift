import Foundation
import Testing
@testable import VNPlanModel

@Suite struct CanonicalJSONTests {
    private func samplePlan(title: String) -> Plan {
        Plan(id: "x", source: PlanSource(file: "a.docx", sha256: "00", format: .docx),
             document: DocumentInfo(type: "Kế hoạch", title: title),
             tasks: [PlanTask(path: "1", activity: "Rà soát", source: RowSource(table: 1, row: 2), confidence: 0.85)])
    }

    @Test func keysAreSortedAndIndentedByTwoSpaces() throws {
        let json = try CanonicalJSON.string(samplePlan(title: "Kiểm soát"))
        let lines = json.split(separator: "\n")
        #expect(lines[1] == "  \"document\": {")
        let topKeys = lines.filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == topKeys.sorted())
        #expect(json.hasSuffix("}\n"))
    }

    @Test func decomposedTextIsWrittenInNFC() throws {
        let decomposed = "Kie\u{0302}\u{0309}m soa\u{0301}t"
        let json = try CanonicalJSON.string(samplePlan(title: decomposed))
        #expect(json.contains("\"title\": \"Kiểm soát\""))
        #expect(!json.unicodeScalars.contains { $0.value == 0x0302 })
    }

    @Test func sameValueGivesSameBytes() throws {
        let first = try CanonicalJSON.encode(samplePlan(title: "Quý IV"))
        let second = try CanonicalJSON.encode(samplePlan(title: "Quý IV"))
        #expect(first == second)
    }

    @Test func numbersAreShortestAndIntegralWithoutFraction() throws {
        let json = try CanonicalJSON.string(samplePlan(title: "t"))
        #expect(json.contains("\"confidence\": 0.85"))
        #expect(json.contains("\"row\": 2"))
        let target = try CanonicalJSON.string(Target(text: "Tối thiểu 80", comparator: .min, value: 80))
        #expect(target.contains("\"value\": 80\n"))
    }

    @Test func controlCharactersAndQuotesAreEscaped() throws {
        let json = try CanonicalJSON.string(["text": "a \"b\"\tc\u{1}"])
        #expect(json == "{\n  \"text\": \"a \\\"b\\\"\\tc\\u0001\"\n}\n")
    }

    @Test func planRoundTripsThroughStrictDecoding() throws {
        let plan = samplePlan(title: "Số hóa")
        let decoded = try StrictJSON.decode(Plan.self, from: CanonicalJSON.encode(plan))
        #expect(decoded == plan)
    }

    @Test func strictDecodingNamesTheUnknownKey() throws {
        var json = try CanonicalJSON.string(samplePlan(title: "t"))
        json = json.replacingOccurrences(of: "\"activity\":", with: "\"activty\": \"x\", \"activity\":")
        #expect(throws: UnknownKey(path: "tasks[0].activty")) {
            try StrictJSON.decode(Plan.self, from: Data(json.utf8))
        }
    }
}

@Suite struct FoldingTests {
    @Test func foldsDiacriticsAndDStroke() {
        #expect("Số hóa hồ sơ Đà Nẵng".foldingDiacritics == "So hoa ho so Da Nang")
    }

    @Test func slugIsLowercaseAsciiWithDashes() {
        #expect("ỦY BAN NHÂN DÂN PHƯỜNG CẨM THÀNH".slug == "uy-ban-nhan-dan-phuong-cam-thanh")
        #expect("169/KH-UBND".slug == "169-kh-ubnd")
    }

    @Test func identifierFallsBackToHashWhenNumberIsBlank() {
        let info = DocumentInfo(issuer: "UBND XÃ A", number: nil, date: "2025-01-02")
        #expect(Plan.identifier(for: info, sha256: "abcdef0123456789ffff") == "sha256-abcdef0123456789")
        let full = DocumentInfo(issuer: "UBND XÃ A", number: "12/KH-UBND", date: "2025-01-02")
        #expect(Plan.identifier(for: full, sha256: "ab") == "ubnd-xa-a-12-kh-ubnd-2025-01-02")
    }
}

@Suite struct GridTests {
    @Test func rowSpanCoversTheCellsBelow() {
        let table = Table(rows: [
            TableRow(cells: [TableCell(text: "merged", column: 0, rowSpan: 2), TableCell(text: "a", column: 1)]),
            TableRow(cells: [TableCell(text: "b", column: 1)]),
        ])
        let grid = table.grid
        #expect(grid[1][0] == .spanned(from: CellReference(row: 0, cell: 0)))
        #expect(grid[1][1] == .origin(CellReference(row: 1, cell: 0)))
        #expect(table[grid[1][0].reference!].text == "merged")
    }
}
