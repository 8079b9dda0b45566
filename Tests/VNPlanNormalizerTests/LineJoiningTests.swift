import Testing
@testable import VNPlanNormalizer

@Suite struct LineJoiningTests {
    @Test func syllableBrokenAcrossLinesIsRejoined() {
        #expect(LineJoining.joiningBrokenWords("kiểm soát thủ tụ\nc hành chính") == "kiểm soát thủ tục hành chính")
        #expect(LineJoining.joiningBrokenWords("Trung tâm Phục vụ hành chín-\nh công") == "Trung tâm Phục vụ hành chính công")
        #expect(LineJoining.joiningBrokenWords("kiem soat thu tu\nc hanh chinh") == "kiem soat thu tuc hanh chinh")
    }

    @Test func wholeWordsOnBothSidesKeepTheirLineBreak() {
        let text = "Trung tâm Phục vụ\nhành chính công"
        #expect(LineJoining.joiningBrokenWords(text) == text)
        #expect(LineJoining.joiningBrokenWords("kinh tế -\nxã hội") == "kinh tế -\nxã hội")
        // "c" alone is no syllable and "cóc" is one, but "c)" labels the next list item.
        let list = "b) Có\nc) Không"
        #expect(LineJoining.joiningBrokenWords(list) == list)
    }

    @Test func wrappedLinesJoinButListItemsStay() {
        let cell = "Rà soát, đơn giản hóa\nthủ tục hành chính;\n- Công khai TTHC\n+ trên Cổng\na) báo cáo"
        #expect(LineJoining.joiningWrappedLines(cell)
            == "Rà soát, đơn giản hóa thủ tục hành chính;\n- Công khai TTHC\n+ trên Cổng\na) báo cáo")
    }
}
