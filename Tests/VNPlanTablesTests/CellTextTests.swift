import Testing
@testable import VNPlanTables

/// Cell text as a plan keeps it; text that is clean already comes back as it is.
@Suite struct CellTextTests {
    @Test(arguments: [
        ("Trung tâm Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công"),
        ("Quý IV\nnăm 2025", "Quý IV\nnăm 2025"),
        ("  Quý  IV \n\n năm\t2025 ", "Quý IV\nnăm 2025"),
        ("Văn\u{A0}phòng", "Văn phòng"), ("Hòa Bình\n", "Hòa Bình"), ("à là", "à là"), ("", ""),
    ])
    func clean(raw: String, kept: String) {
        #expect(CellText.clean(raw) == kept)
    }
}
