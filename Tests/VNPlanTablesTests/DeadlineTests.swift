import Testing
import VNPlanModel
@testable import VNPlanTables

/// One assertion of the parsed value per deadline form the plans use.
@Suite struct DeadlineTests {
    private func parse(_ text: String, year: Int? = 2025) -> Deadline {
        DeadlineParser.parse(text, planYear: year)
    }

    @Test func beforeADay() {
        #expect(parse("Trước 30/01/2026") == Deadline(text: "Trước 30/01/2026", kind: .by, end: "2026-01-30"))
    }

    @Test func atTheLatestSpelledDay() {
        let deadline = parse("Chậm nhất ngày 15 tháng 8 năm 2025")
        #expect(deadline.kind == .by)
        #expect(deadline.end == "2025-08-15")
        #expect(deadline.start == nil)
    }

    @Test func quarterWithYear() {
        let deadline = parse("Quý IV năm 2025", year: nil)
        #expect((deadline.kind, deadline.start, deadline.end) == (.period, "2025-10-01", "2025-12-31"))
    }

    @Test func quarterTakesThePlanYear() {
        let deadline = parse("Quý III", year: 2025)
        #expect((deadline.kind, deadline.start, deadline.end) == (.period, "2025-07-01", "2025-09-30"))
    }

    @Test func quarterWithoutAnyYearStaysOpen() {
        let deadline = parse("Quý III", year: nil)
        #expect(deadline.kind == .unknown || (deadline.start == nil && deadline.end == nil))
    }

    @Test func severalQuarters() {
        let deadline = parse("Quý II, III năm 2025")
        #expect((deadline.start, deadline.end) == ("2025-04-01", "2025-09-30"))
    }

    @Test func monthSpelled() {
        let deadline = parse("Tháng 10 năm 2025")
        #expect((deadline.kind, deadline.start, deadline.end) == (.period, "2025-10-01", "2025-10-31"))
    }

    @Test func monthWrappedOverLines() {
        let deadline = parse("Tháng \n10 năm \n2025")
        #expect((deadline.start, deadline.end) == ("2025-10-01", "2025-10-31"))
        #expect(deadline.text == "Tháng\n10 năm\n2025")
    }

    @Test func monthSlashYear() {
        let deadline = parse("Tháng 03/2024")
        #expect((deadline.kind, deadline.start, deadline.end) == (.period, "2024-03-01", "2024-03-31"))
    }

    @Test func februaryOfALeapYear() {
        #expect(parse("Tháng 02/2024").end == "2024-02-29")
    }

    @Test func monthRange() {
        let deadline = parse("Từ tháng 9 đến tháng 12 năm 2025")
        #expect((deadline.start, deadline.end) == ("2025-09-01", "2025-12-31"))
    }

    @Test func beforeAMonth() {
        let deadline = parse("Trước tháng 10/2025")
        #expect((deadline.kind, deadline.end) == (.by, "2025-09-30"))
    }

    @Test func withinTheYear() {
        let deadline = parse("Trong năm 2025", year: nil)
        #expect((deadline.kind, deadline.start, deadline.end) == (.period, "2025-01-01", "2025-12-31"))
    }

    @Test func yearAlone() {
        let deadline = parse("Năm 2024")
        #expect((deadline.kind, deadline.start, deadline.end) == (.period, "2024-01-01", "2024-12-31"))
    }

    @Test func yearRange() {
        let deadline = parse("Giai đoạn 2026-2030")
        #expect((deadline.start, deadline.end) == ("2026-01-01", "2030-12-31"))
    }

    @Test func firstHalfOfTheYear() {
        let deadline = parse("6 tháng đầu năm 2025")
        #expect((deadline.start, deadline.end) == ("2025-01-01", "2025-06-30"))
    }

    @Test func continually() {
        let deadline = parse("Thường xuyên")
        #expect((deadline.kind, deadline.every) == (.recurring, nil))
        #expect((deadline.start, deadline.end) == ("2025-01-01", "2025-12-31"))
    }

    @Test func yearly() {
        #expect((parse("Hàng năm").kind, parse("Hàng năm").every) == (.recurring, "P1Y"))
    }

    @Test func quarterly() {
        #expect(parse("Hàng quý").every == "P3M")
    }

    @Test func weekly() {
        #expect(parse("Hàng tuần").every == "P1W")
    }

    @Test func monthlyOnADay() {
        let deadline = parse("Ngày 05 hàng tháng")
        #expect((deadline.kind, deadline.every) == (.recurring, "P1M"))
    }

    @Test func everySixMonths() {
        #expect(parse("Định kỳ 06 tháng/01 lần").every == "P6M")
    }

    @Test func everyThreeMonths() {
        #expect(parse("- Định kỳ 3 tháng/lần.\n- Đột xuất theo thời điểm yêu cầu.").every == "P3M")
    }

    @Test func quarterlyOrYearlyReportsTheFirst() {
        #expect(parse("Hàng quý/năm").every == "P3M")
    }

    @Test func accordingToThePlan() {
        #expect(parse("Theo Kế hoạch").kind == .conditional)
        #expect(parse("Theo Kế hoạch của tỉnh").kind == .conditional)
    }

    @Test func onRequest() {
        #expect(parse("Khi có yêu cầu") == Deadline(text: "Khi có yêu cầu", kind: .conditional))
    }

    @Test func citedPlanDateIsNotADeadline() {
        #expect(parse("Theo Kế hoạch số 10/KH-UBND ngày 08/01/2026").kind == .conditional)
    }

    @Test func twoMilestonesInOneCell() {
        let text = "- Phòng chuyên môn gửi TTPVHCC tổng hợp: trước ngày 10/8/2026;\n"
            + "- Trung tâm PVHCC tham mưu báo cáo tỉnh trước ngày 15/8/2026"
        let deadline = parse(text)
        #expect((deadline.kind, deadline.end) == (.by, "2026-08-15"))
        #expect(deadline.milestones.map(\.end) == ["2026-08-10", "2026-08-15"])
        #expect(deadline.milestones.map(\.kind) == [.by, .by])
        #expect(deadline.milestones[0].text == "Phòng chuyên môn gửi TTPVHCC tổng hợp: trước ngày 10/8/2026")
    }

    @Test func singleDay() {
        let deadline = parse("Ngày 15/8/2025")
        #expect((deadline.kind, deadline.start, deadline.end) == (.date, "2025-08-15", "2025-08-15"))
    }

    @Test func impossibleDateIsNotRead() {
        #expect(parse("Trước 31/02/2026").end == nil)
    }

    @Test func unreadableWordingIsKept() {
        #expect(parse("Sau hội nghị tổng kết").kind == .conditional)
        #expect(parse("Giai đoạn tiếp theo") == Deadline(text: "Giai đoạn tiếp theo", kind: .unknown))
    }
}
