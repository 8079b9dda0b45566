import Foundation
import Testing
@testable import VNPlanTables

/// The plan vocabulary (`Sources/VNPlanTables/Vocabulary`): each pattern on the wordings it
/// is for and on wordings it must leave alone; and the readers free of it.
@Suite struct VocabularyTests {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A reader finds cells by layout: no reader source file (comments included) contains a
    /// column header's wording or a deadline's.
    @Test func readersHoldNoPlanWords() throws {
        let readers = Self.projectRoot.appendingPathComponent("Sources/VNPlanReaders")
        let files = try #require(FileManager.default.enumerator(at: readers, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count >= 10)
        let deadlineWords: [(String) -> Substring?] = [
            { $0.firstMatch(of: DeadlineWords.everyUnit)?.0 }, { $0.firstMatch(of: DeadlineWords.ongoing)?.output },
            { $0.firstMatch(of: DeadlineWords.atTheLatest)?.output }, { $0.firstMatch(of: DeadlineWords.quarter)?.output },
            { $0.firstMatch(of: DeadlineWords.firstHalf)?.output },
        ]
        var found: [String] = []
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            let folded = " " + HeaderText.fold(source) + " "
            for (role, phrases) in ColumnWords.headers {
                for phrase in phrases where folded.contains(phrase) {
                    found.append("\(file.lastPathComponent): \(role) header word \"\(phrase.trimmingCharacters(in: .whitespaces))\"")
                }
            }
            let lowercased = source.lowercased()
            for word in deadlineWords {
                if let match = word(lowercased) {
                    found.append("\(file.lastPathComponent): deadline word \"\(match)\"")
                }
            }
        }
        #expect(found.isEmpty, "plan words in reader sources: \(found.joined(separator: "; "))")
    }

    @Test(arguments: [
        ("Thường xuyên", true), ("hàng quý", true), ("định kỳ 6 tháng", true), ("Quý IV năm 2025", false),
    ])
    func ongoingOrRecurring(text: String, recurs: Bool) {
        let folded = text.lowercased()
        #expect((folded.contains(DeadlineWords.ongoing) || folded.contains(DeadlineWords.everyUnit)) == recurs)
    }

    @Test func deadlineCellOpenings() {
        #expect(["Thường xuyên", "Quý IV năm", "Tháng 10", "Trước 30/01/2026", "15/8/2025"]
            .allSatisfy { $0.contains(DeadlineWords.cellOpening) })
        #expect(!"Trung tâm Phục vụ hành chính công".contains(DeadlineWords.cellOpening))
    }

    @Test func letterheadWords() throws {
        let date = try #require("Phú Mỹ, ngày 04 tháng 03 năm 2024".firstMatch(of: DocumentWords.placeAndDate))
        #expect((date.place, date.day, date.month, date.year) == ("Phú Mỹ", "04", "03", "2024"))
        #expect("Số: 169/KH-UBND".firstMatch(of: DocumentWords.number)?.number == "169/KH-UBND")
        #expect("Số:     /QĐ-UBND".firstMatch(of: DocumentWords.number) == nil)
        #expect("KT. CHỦ TỊCH".contains(DocumentWords.signingOnBehalf))
        #expect(DocumentWords.types.contains { $0.heading == "KẾ HOẠCH" && $0.name == DocumentWords.plan })
    }

    @Test(arguments: [("II.", "II"), ("b)", "b"), ("1.2", "1.2"), ("Đ", "Đ")])
    func listLabel(text: String, label: String) {
        #expect(text.wholeMatch(of: ListLabels.label)?.label == Substring(label))
    }

    @Test func columnNumbersRow() {
        #expect(["(1)", "3", "(6) = (4) + (5)"].allSatisfy { $0.contains(ListLabels.columnNumber) })
        #expect(!"Quý IV".contains(ListLabels.columnNumber))
    }

    @Test func responsibilityLabels() throws {
        let match = try #require("Bộ phận chủ trì: Công an phường".firstMatch(of: ResponsibilityWords.labelled))
        #expect((match.role, match.units) == ("chủ trì", "Công an phường"))
        #expect("Trung tâm Phục vụ hành chính công chủ trì".firstMatch(of: ResponsibilityWords.closingRole)?.role == "chủ trì")
    }

    @Test func targetComparators() {
        #expect("đạt tối thiểu ".contains(TargetWords.atLeast))
        #expect("không quá ".contains(TargetWords.atMost))
        #expect("% trở lên".contains(TargetWords.orMore))
        #expect("1.000".contains(TargetWords.groupedThousands) && !"98,5".contains(TargetWords.groupedThousands))
    }

    @Test func legalBasisWords() {
        #expect("Căn cứ Luật Tổ chức chính quyền địa phương".contains(LegalBasisWords.opening))
        #expect(!"Căn cứ vào đó".contains(LegalBasisWords.documentStart))
        #expect(LegalBasisWords.issuerBySuffix.first { "118/2025/NĐ-CP".contains($0.suffix) }?.issuer == "Chính phủ")
    }

    @Test func fundingColumn() {
        #expect("ngân sách xã".contains(ColumnWords.funding))
        #expect(!"UBND xã".contains(ColumnWords.funding))
    }

    /// The judgement lent to the text reader for stream-order tables.
    @Test func cellStartsForTheTextReader() {
        #expect(PlanCellStarts.score(header: "Thời gian thực hiện", line: "Quý IV năm") > 0)
        #expect(PlanCellStarts.score(header: "Thời gian thực hiện", line: "Phục vụ hành") < 0)
        #expect(PlanCellStarts.score(header: "Đơn vị chủ trì", line: "Trung tâm") > 0)
        #expect(PlanCellStarts.score(header: "Nội dung", line: "Trung tâm") == 0)
    }
}
