import Testing
import VNPlanModel

@Suite struct UnitNameTests {
    @Test func wordingsThatDifferByTheLevelSuffixOrSpellingShareAKey() {
        let centre = UnitName.canonicalKey("Trung tâm Phục vụ hành chính công")
        #expect(UnitName.canonicalKey("Trung tâm Phục vụ hành chính công huyện") == centre)
        #expect(UnitName.canonicalKey("Trung tâm phục vụ Hành chính công phường") == centre)
        #expect(UnitName.canonicalKey("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG thành phố") == centre)
        #expect(UnitName.canonicalKey("Văn phòng HĐND và UBND huyện") == UnitName.canonicalKey("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"))
        // Old and new tone placement, and punctuation.
        #expect(UnitName.canonicalKey("Uỷ ban Mặt trận Tổ quốc") == UnitName.canonicalKey("Ủy ban Mặt trận Tổ quốc."))
        #expect(UnitName.canonicalKey("Phòng Tài chính - Kế hoạch") == UnitName.canonicalKey("Phòng Tài chính – Kế hoạch"))
    }

    @Test func bodiesThatOnlyTheLevelTellsApartStayApart() {
        #expect(UnitName.canonicalKey("UBND huyện") != UnitName.canonicalKey("UBND xã"))
        #expect(UnitName.canonicalKey("Công an huyện") != UnitName.canonicalKey("Công an xã"))
        // A level word followed by the place's name is not a suffix.
        #expect(UnitName.canonicalKey("UBND xã Hòa Bình") != UnitName.canonicalKey("UBND xã An Phú"))
        #expect(UnitName.canonicalKey("Trung tâm Y tế thị xã") != UnitName.canonicalKey("Trung tâm Y tế thị"))
        #expect(UnitName.canonicalKey("Trung tâm Y tế thị xã") == UnitName.canonicalKey("Trung tâm Y tế"))
    }

    @Test func aPersonIsNotAUnit() {
        for person in ["Đỗ Mạnh Cường", "Nguyễn Thị Loan", "Vũ Việt Linh", "Ông Trần Văn Hùng", "đồng chí Lê Thị Hồng Nhung"] {
            #expect(UnitName.kind(of: person) == .person, "\(person)")
        }
        for unit in ["Phòng Tư pháp", "Đoàn Thanh Niên", "Đoàn TNCS Hồ Chí Minh", "Hồ Chí Minh", "Công an xã",
                     "Trường THPT Lê Quý Đôn", "Đảng ủy xã", "Văn Phòng Sở", "Hà Nội", "Chi cục Thuế khu vực"] {
            #expect(UnitName.kind(of: unit) == .unit, "\(unit)")
        }
    }
}
