import Testing
@testable import VNPlanTables

@Suite struct UnitListTests {
    @Test func commaInsideANameKeepsTheName() {
        #expect(UnitList.split("Phòng Kinh tế, Hạ tầng và Đô thị") == ["Phòng Kinh tế, Hạ tầng và Đô thị"])
    }

    @Test func listOfKindsIsOneUnit() {
        #expect(UnitList.split("Các phòng, ban, ngành") == ["Các phòng, ban, ngành"])
        #expect(UnitList.split("Các cơ quan, đơn vị liên quan") == ["Các cơ quan, đơn vị liên quan"])
    }

    @Test func commaBeforeANewNameSplits() {
        #expect(UnitList.split("Văn phòng HĐND &UBND, Phòng Kinh tế-Hạ tầng & Đô thị, Phòng Văn hóa - Xã hội; Trung tâm Cung ứng dịch vụ công.")
            == ["Văn phòng HĐND &UBND", "Phòng Kinh tế-Hạ tầng & Đô thị", "Phòng Văn hóa - Xã hội",
                "Trung tâm Cung ứng dịch vụ công"])
    }

    @Test func abbreviationStartsAUnit() {
        #expect(UnitList.split("Các phòng chuyên môn, TTPVHCC") == ["Các phòng chuyên môn", "TTPVHCC"])
    }

    @Test func conjunctionBeforeANewUnitSplits() {
        #expect(UnitList.split("Sở Tài chính và Sở Nội vụ") == ["Sở Tài chính", "Sở Nội vụ"])
    }

    @Test func conjunctionInsideANameKeepsTheName() {
        #expect(UnitList.split("Văn phòng HĐND và UBND phường") == ["Văn phòng HĐND và UBND phường"])
        #expect(UnitList.split("Sở Giáo dục và Đào tạo") == ["Sở Giáo dục và Đào tạo"])
    }

    @Test func lineBreaksAndBullets() {
        #expect(UnitList.split("- Phòng Tư pháp\n- Công an xã") == ["Phòng Tư pháp", "Công an xã"])
    }

    @Test func semicolonThenLowercaseList() {
        #expect(UnitList.split("Trung tâm Phục vụ hành chính công; các phòng, cơ quan chuyên môn phường")
            == ["Trung tâm Phục vụ hành chính công", "các phòng, cơ quan chuyên môn phường"])
    }

    @Test func whatTheUnitDoesIsNotItsName() {
        #expect(UnitList.split("Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu")
            == ["Sở Khoa học và Công nghệ"])
        #expect(UnitList.split("Văn phòng HĐND và UBND huyện (Bộ phận tiếp nhận và trả kết quả)")
            == ["Văn phòng HĐND và UBND huyện (Bộ phận tiếp nhận và trả kết quả)"])
    }
}

@Suite struct ResponsibilityTests {
    @Test func labelledLeadAndSupport() {
        let cell = "- Bộ phận chủ trì: Trung tâm Phục vụ hành chính công phường.\n"
            + "- Bộ phận phối hợp: Văn phòng HĐND &UBND, Phòng Kinh tế-Hạ tầng & Đô thị, Phòng Văn hóa - Xã hội; Trung tâm Cung ứng dịch vụ công."
        let split = Responsibility.parse(cell)
        #expect(split.lead == ["Trung tâm Phục vụ hành chính công phường"])
        #expect(split.support == ["Văn phòng HĐND &UBND", "Phòng Kinh tế-Hạ tầng & Đô thị",
                                  "Phòng Văn hóa - Xã hội", "Trung tâm Cung ứng dịch vụ công"])
    }

    @Test func closingRoleWords() {
        let split = Responsibility.parse("- Công an phường chủ trì.\n- Trung tâm Phục vụ hành chính công, các cơ quan, đơn vị có liên quan phối hợp.")
        #expect(split.lead == ["Công an phường"])
        #expect(split.support == ["Trung tâm Phục vụ hành chính công", "các cơ quan, đơn vị có liên quan"])
    }

    @Test func unlabelledLineAfterALabelledLead() {
        let split = Responsibility.parse("- Các cơ quan, đơn vị có liên quan được giao nhiệm vụ chủ trì.\n"
            + "- Trung tâm Phục vụ hành chính công phường theo dõi, hướng dẫn, phối hợp trình Chủ tịch UBND phường xem xét, phê duyệt.")
        #expect(split.lead == ["Các cơ quan, đơn vị có liên quan"])
        #expect(split.support == ["Trung tâm Phục vụ hành chính công phường"])
    }

    @Test func unlabelledLineBeforeALabelledSupport() {
        let split = Responsibility.parse("- Phòng Kinh tế, Hạ tầng và Đô thị tham mưu thực hiện khi các cơ quan cấp trên yêu cầu.\n"
            + "- Bộ phận phối hợp: Trung tâm Phục vụ hành chính công phường, các Phòng, cơ quan đơn vị có liên quan")
        #expect(split.lead == ["Phòng Kinh tế, Hạ tầng và Đô thị"])
        #expect(split.support == ["Trung tâm Phục vụ hành chính công phường", "các Phòng, cơ quan đơn vị có liên quan"])
    }

    @Test func singleUnitLeads() {
        let split = Responsibility.parse("Trung tâm Phục vụ hành chính công phường tham mưu thực hiện khi cơ quan cấp trên yêu cầu.")
        #expect(split.lead == ["Trung tâm Phục vụ hành chính công phường"])
        #expect(split.support.isEmpty)
    }

    @Test func roleWordInsideAnActionIsNoLabel() {
        let split = Responsibility.parse("Trung tâm Phục vụ hành chính công phường tham mưu UBND phường phối hợp thực hiện (khi cơ quan cấp trên yêu cầu).")
        #expect(split.lead == ["Trung tâm Phục vụ hành chính công phường"])
        #expect(split.support.isEmpty)
    }
}
