import Testing
@testable import VNPlanTables

/// Letterhead lines that OCR or a PDF text layer read across both columns.
@Suite struct LetterheadColumnsTests {
    @Test(arguments: [
        ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
        ("XÃ HÒA BÌNH Độc lập - Tự do - Hạnh phúc", ["XÃ HÒA BÌNH", "Độc lập - Tự do - Hạnh phúc"]),
        ("Số: 52/KH-UBND Hòa Bình, ngày 12 tháng 02 năm 2026", ["Số: 52/KH-UBND", "Hòa Bình, ngày 12 tháng 02 năm 2026"]),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
        ("Số: 52/KH-UBND", ["Số: 52/KH-UBND"]),
        ("Số lượng hồ sơ được giải quyết đúng hạn", ["Số lượng hồ sơ được giải quyết đúng hạn"]),
    ])
    func lineIsCutWhereTheRightColumnStarts(line: String, expected: [String]) {
        #expect(LetterheadColumns.split(Substring(line)).map(String.init) == expected)
    }
}
