import Foundation
import Testing
import VNPlanModel
@testable import VNPlanWriters

/// Two plans told apart by what their tasks say, not by their rows.
@Suite struct PlanDiffTests {
    private func plan(_ name: String) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(contentsOf: PlanViewTests.expected.appendingPathComponent(name)))
    }

    @Test func aPlanIsLikeItself() throws {
        let district = try plan("kh-huyen-an-phu-2026.json")
        let diff = PlanDiff(old: district, new: district)
        #expect(diff.isEmpty)
        #expect(diff.unchanged == district.tasks.count)
    }

    /// Next year's plan: one task dropped, one new, one with another lead, the rows moved (a
    /// row inserted above shifts every row number), and a new number and date.
    @Test func nextYearsPlanIsToldApart() throws {
        let old = try plan("kh-xa-hoa-binh-2026.json")
        var new = old
        new.document.number = "15/KH-UBND"
        new.document.date = "2027-01-12"
        let dropped = new.tasks.remove(at: 2)
        new.tasks[0].lead = ["Văn phòng HĐND và UBND"]
        var added = new.tasks[1]
        added.path = "I.1.d"
        added.activity = "Số hóa hồ sơ thủ tục hành chính"
        new.tasks.insert(added, at: 2)
        for index in new.tasks.indices { new.tasks[index].source.row += 1 }
        let diff = PlanDiff(old: old, new: new)
        #expect(diff.document.map(\.field) == ["number", "date"])
        #expect(diff.removed.map(\.path) == [dropped.path])
        #expect(diff.added.map(\.activity) == ["Số hóa hồ sơ thủ tục hành chính"])
        #expect(diff.changed.map(\.path) == [old.tasks[0].path])
        #expect(diff.changed.first?.changes == [PlanDiff.Change(field: "lead", old: old.tasks[0].lead.joined(separator: "; "),
                                                                new: "Văn phòng HĐND và UBND")])
        #expect(diff.unchanged == old.tasks.count - 2)

        let text = PlanDiffText.render(diff, old: "2026.json", new: "2027.json", as: .text)
        #expect(text.contains("- \(dropped.path) "))
        #expect(text.contains("+ I.1.d Số hóa hồ sơ thủ tục hành chính"))
        #expect(text.contains("~ document.number: \"12/KH-UBND\" → \"15/KH-UBND\""))
        let json = try JSONDecoder().decode([String: JSONValue].self, from: Data(PlanDiffText.render(diff, old: "a", new: "b", as: .json).utf8))
        #expect(json["equal"] == .bool(false) && json["added"] == .array([.string("I.1.d")]))
        #expect(PlanDiffText.render(diff, old: "a", new: "b", as: .md).contains("## Changed"))
    }

    /// A task whose activity changed is matched by its path and shows the change.
    @Test func aRewordedTaskIsChangedNotReplaced() throws {
        let old = try plan("qd-phuong-cam-thanh-2025.json")
        var new = old
        new.tasks[3].activity = (new.tasks[3].activity ?? "") + " năm 2026"
        let diff = PlanDiff(old: old, new: new)
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.map(\.path) == [old.tasks[3].path])
        #expect(diff.changed.first?.changes.map(\.field) == ["activity"])
    }
}
