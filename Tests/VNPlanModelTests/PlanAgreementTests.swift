import Foundation
import Testing
import VNPlanModel

/// The measure the scan and borderless benchmarks report: tasks aligned in order, so that one
/// row lost or added costs that row and not every row after it.
@Suite struct PlanAgreementTests {
    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/expected/kh-huyen-an-phu-2026.json")

    static func plan() throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(contentsOf: expected))
    }

    @Test func aPlanAgreesWithItselfWholly() throws {
        let plan = try Self.plan()
        let agreement = PlanAgreement(plan, twin: plan)
        #expect(agreement.twinTasks == plan.tasks.count && agreement.tasksFound == plan.tasks.count)
        #expect(agreement.fieldsEqual == agreement.fields && agreement.fields > 4 * plan.tasks.count)
        #expect(agreement.extraTasks == 0 && agreement.documentFieldsMissed.isEmpty)
    }

    @Test func aLostRowAndAnAddedRowCostOnlyThemselves() throws {
        let twin = try Self.plan()
        var plan = twin
        let lost = plan.tasks.remove(at: 3)
        plan.tasks.insert(PlanTask(path: "X", activity: "Hàng thêm", source: RowSource(table: 9, row: 1), confidence: 1), at: 10)
        plan.tasks[20].lead = ["Sở Nội vụ"]
        plan.document.number = nil
        let agreement = PlanAgreement(plan, twin: twin)
        let lostFields = PlanAgreement.fields(of: lost).count
        #expect(agreement.tasksFound == twin.tasks.count - 1)
        #expect(agreement.extraTasks == 1)
        #expect(agreement.fieldsEqual == agreement.fields - lostFields - 1)
        #expect(agreement.documentFieldsMissed == ["number"])
    }
}
