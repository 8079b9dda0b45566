import Testing
import VNPlanModel
@testable import VNPlanTables

@Suite struct TargetTests {
    @Test func minimumWithUnitFromItsColumn() {
        #expect(TargetParser.parse("Tối thiểu 80", unit: "%")
            == Target(text: "Tối thiểu 80", comparator: .min, value: 80, unit: "%"))
    }

    @Test func minimumPercentInAnObjective() {
        let target = TargetParser.parse("Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%")
        #expect((target?.comparator, target?.value, target?.unit) == (.min, 98, "%"))
    }

    @Test func plainPercentIsExact() {
        #expect(TargetParser.parse("100%") == Target(text: "100%", comparator: .eq, value: 100, unit: "%"))
        #expect(TargetParser.parse("100", unit: "%")?.comparator == .eq)
    }

    @Test func above() {
        #expect(TargetParser.parse("trên 90%")?.comparator == .min)
        #expect(TargetParser.parse("ít nhất 50 hồ sơ")?.comparator == .min)
        #expect(TargetParser.parse("đạt từ 80% trở lên")?.comparator == .min)
    }

    /// 400 digits read as infinity, which the plan's canonical JSON cannot hold.
    @Test func aNumberBeyondAnyTargetStatesNone() {
        let huge = String(repeating: "9", count: 400)
        #expect(TargetParser.parse("Tỷ lệ đạt \(huge)%") == nil)
        #expect(TargetParser.targets(in: "Tỷ lệ đạt \(huge)%; tỷ lệ hồ sơ đạt 98%").map(\.value) == [98])
        #expect(TargetParser.parse("1.000.000.000.000.000 hồ sơ") == nil)
        #expect(TargetParser.parse("100.000.000.000.000 hồ sơ")?.value == 1e14)
    }

    @Test func atMost() {
        #expect(TargetParser.parse("không quá 5%")?.comparator == .max)
        #expect(TargetParser.parse("tối đa 10 ngày")?.comparator == .max)
    }

    @Test func approximately() {
        let target = TargetParser.parse("khoảng 70%")
        #expect((target?.comparator, target?.value) == (.approx, 70))
    }

    @Test func decimalComma() {
        #expect(TargetParser.parse("Tối thiểu 98,5%")?.value == 98.5)
    }

    @Test func noQuantityIsNoTarget() {
        #expect(TargetParser.parse("Theo kế hoạch") == nil)
        #expect(TargetParser.parse("Trước 30/01/2026") == nil)
    }

    @Test func everyGoalOfAnObjective() {
        let targets = TargetParser.targets(in: "- Tỷ lệ cấp kết quả giải quyết TTHC điện tử đạt 100%; tỷ lệ khai thác, sử dụng lại thông tin dữ liệu số hóa đạt tối thiểu 80%;")
        #expect(targets.map(\.comparator) == [.eq, .min])
        #expect(targets.map(\.value) == [100, 80])
        #expect(targets[1].text == "tỷ lệ khai thác, sử dụng lại thông tin dữ liệu số hóa đạt tối thiểu 80%")
    }

    @Test func documentNumbersAreNotGoals() {
        #expect(TargetParser.targets(in: "Thực hiện Nghị định số 45/2020/NĐ-CP ngày 08/4/2020").isEmpty)
    }
}
