import Testing
import VNPlanModel
@testable import VNPlanTables

@Suite struct LegalBasisTests {
    @Test func oneDecree() {
        let citations = LegalBasisParser.citations(in: [
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;",
        ])
        #expect(citations == [LegalCitation(
            type: "Nghị định", number: "63/2010/NĐ-CP", date: "2010-06-08", issuer: "Chính phủ",
            text: "Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính")])
    }

    @Test func severalDocumentsInOneLine() {
        let citations = LegalBasisParser.citations(in: [
            "Căn cứ Quyết định số 468/QĐ-TTg ngày 27 tháng 3 năm 2021 của Thủ tướng Chính phủ về việc phê duyệt Đề án đổi mới; Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022 của Thủ tướng Chính phủ về việc phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư; Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số;",
        ])
        #expect(citations.map(\.number) == ["468/QĐ-TTg", "06/QĐ-TTg", "766/QĐ-TTg"])
        #expect(citations.map(\.date) == ["2021-03-27", "2022-01-06", "2022-06-23"])
        #expect(citations.allSatisfy { $0.issuer == "Thủ tướng Chính phủ" && $0.type == "Quyết định" })
    }

    @Test func lawByName() {
        let citation = LegalBasisParser.citations(in: ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"]).first
        #expect(citation?.type == "Luật")
        #expect(citation?.number == nil)
        #expect(citation?.date == "2025-06-16")
        #expect(citation?.text == "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025")
    }

    @Test func wrappedStatementWithAmendments() {
        let lines = [
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của",
            "Chính phủ về kiểm soát thủ tục hành chính (được sửa đổi, bổ sung tại Nghị định",
            "số 48/2013/NĐ-CP ngày 14 năm 5 năm 2013 và Nghị định số 92/2017/NĐ-CP",
            "ngày 07 tháng 8 năm 2017);",
            "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về",
        ]
        let citations = LegalBasisParser.citations(in: lines)
        #expect(citations.map(\.number) == ["63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP", "118/2025/NĐ-CP"])
        #expect(citations.map(\.date) == ["2010-06-08", "2013-05-14", "2017-08-07", "2025-06-09"])
        #expect(citations[0].text == "Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính")
        #expect(citations[1].issuer == "Chính phủ")
    }

    @Test func implementingStatement() {
        let citations = LegalBasisParser.citations(in: [
            "Thực hiện Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về việc kiểm soát thủ tục hành chính; Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ sửa đổi;",
            "Căn cứ Quyết định số 354/QĐ-UBND ngày 20 tháng 02 năm 2024 của UBND huyện Phú Tân về việc ban hành Kế hoạch tổ chức hoạt động kiểm soát thủ tục hành chính",
        ])
        #expect(citations.map(\.number) == ["63/2010/NĐ-CP", "92/2017/NĐ-CP", "354/QĐ-UBND"])
        #expect(citations[2].issuer == "UBND huyện Phú Tân")
        #expect(citations[2].date == "2024-02-20")
    }

    @Test func circularByAMinister() {
        let citation = LegalBasisParser.citations(in: [
            "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;",
        ]).first
        #expect(citation?.type == "Thông tư")
        #expect(citation?.issuer == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")
    }

    @Test func provincialDecision() {
        let citation = LegalBasisParser.citations(in: [
            "Căn cứ Quyết định số 526/QĐ-UBND ngày 31 tháng 7 năm 2025 của Chủ tịch Uỷ ban nhân dân tỉnh Quảng Ngãi ban hành Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2025.",
        ]).first
        #expect(citation?.issuer == "Chủ tịch Uỷ ban nhân dân tỉnh Quảng Ngãi")
        #expect(citation?.number == "526/QĐ-UBND")
    }

    @Test func taskWordingIsNoCitation() {
        #expect(LegalBasisParser.citations(in: ["Thực hiện rà soát, đánh giá TTHC trên các lĩnh vực"]).isEmpty)
    }

    @Test func partyResolutionNumber() {
        let citation = LegalBasisParser.citations(in: [
            "Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học",
        ]).first
        #expect((citation?.number, citation?.issuer) == ("57-NQ/TW", "Bộ Chính trị"))
    }
}
