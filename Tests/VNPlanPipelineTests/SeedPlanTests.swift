import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

/// The five seed extractions (`../shared/seeds`, not committed) converted end to end. Each
/// plan was checked by reading it against its seed: one task per data row, none invented,
/// lead, support and deadline in their fields. The reviewed plans are committed under
/// `samples/expected/seeds/`; the counts below say what the review found.
@Suite(.enabled(if: SeedFixtures.available)) struct SeedPlanTests {
    /// The normalizer's counts are its own stage's business (and its own tests'); this
    /// compares everything the table reconstruction decides.
    @Test(arguments: SeedFixtures.names)
    func seedGivesItsReviewedPlan(name: String) throws {
        let expectedURL = SeedFixtures.expected.appendingPathComponent(name.replacingOccurrences(of: ".txt", with: ".json"))
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        var plan = try SeedFixtures.plan(name)
        plan.normalization = try JSONDecoder().decode(Plan.self, from: Data(expected.utf8)).normalization
        #expect(try CanonicalJSON.string(plan) == expected,
                "regenerate with: vnplan convert ../shared/seeds/\(name) -o \(expectedURL.path) — after reviewing the difference")
    }

    /// Appendix table without its header: merged objectives and tasks carried onto each
    /// activity row; a cell with two dated steps.
    @Test func seed000() throws {
        let plan = try SeedFixtures.plan(SeedFixtures.name("000_"))
        #expect(plan.tasks.count == 17)
        #expect(plan.sections.map(\.path) == ["I", "II"])
        let first = plan.tasks[0]
        #expect(first.objective?.hasPrefix("- 100% các TTHC được rà soát") == true)
        #expect(first.task?.hasPrefix("Thường xuyên, kịp thời cập nhật") == true)
        #expect(first.lead == ["Trung tâm Phục vụ hành chính công"])
        #expect(first.support == ["Các phòng chuyên môn"])
        #expect(first.deadline?.end == "2026-01-30")
        #expect(plan.tasks[2].objective == first.objective)
        let milestones = try #require(plan.tasks[4].deadline)
        #expect((milestones.kind, milestones.milestones.map(\.end)) == (.by, ["2026-08-10", "2026-08-15"]))
        #expect(plan.tasks.last?.support == ["Trung tâm Phục vụ hành chính công"])
    }

    /// PDF text in stream order: the table put back in columns as far as it can be.
    @Test func seed001() throws {
        let plan = try SeedFixtures.plan(SeedFixtures.name("001_"))
        #expect(plan.tasks.count == 49)
        #expect(plan.sections.count == 10)
        #expect(plan.document.type == "Quyết định")
        #expect(plan.document.adopts?.type == "Kế hoạch")
        #expect(plan.document.number == nil && plan.document.date == nil)
        #expect(plan.document.signer?.name == "Đặng Quang Vinh")
        let first = plan.tasks[0]
        #expect(first.path == "II.1.a")
        #expect(first.activity == "Ban hành Quyết định Quy chế phối hợp trong hoạt động kiểm soát TTHC trên địa bàn thành phường Hòa Xuân")
        #expect(first.lead == ["Trung tâm Phục vụ hành chính công phường"])
        #expect(first.support == ["Các phòng, cơ quan chuyên môn phường"])
        #expect(first.deadline?.text == "Quý IV năm 2025")
        #expect((first.deadline?.kind, first.deadline?.start, first.deadline?.end) == (.period, "2025-10-01", "2025-12-31"))
        #expect(plan.legalBasis.map(\.number).contains("118/2025/NĐ-CP"))
    }

    /// OCR without Vietnamese data: no table can be read; the plan says so.
    @Test func seed002() throws {
        let plan = try SeedFixtures.plan(SeedFixtures.name("002_"))
        #expect(plan.tasks.isEmpty)
        #expect(plan.warnings.contains { $0.hasPrefix("No plan table was found") })
        #expect(plan.document.issuer == nil)
    }

    /// "Cơ quan, đơn vị thực hiện" split into chủ trì and phối hợp; A/B/I/II groups; indicators.
    @Test func seed003() throws {
        let plan = try SeedFixtures.plan(SeedFixtures.name("003_"))
        #expect(plan.tasks.count == 46)
        #expect(plan.indicators.count == 8)
        #expect(plan.document.issuer == "ỦY BAN NHÂN DÂN PHƯỜNG CẨM THÀNH")
        #expect(plan.document.signer == Signer(title: "CHỦ TỊCH", name: "Nguyễn Văn Hưng"))
        #expect(plan.legalBasis.count == 17)
        let first = plan.tasks[0]
        #expect(first.path == "A.1")
        #expect(first.lead == ["Trung tâm Phục vụ hành chính công phường"])
        #expect(first.support.count == 4)
        let task4 = try #require(plan.tasks.first { $0.number == "4" })
        #expect((task4.deadline?.kind, task4.deadline?.end) == (.by, "2025-08-15"))
        #expect(plan.indicators[1].target == Target(text: "Tối thiểu 60", comparator: .min, value: 60, unit: "%"))
    }

    /// Markdown tables cut at page breaks joined; part headings as sections; indicators.
    @Test func seed004() throws {
        let plan = try SeedFixtures.plan(SeedFixtures.name("004_"))
        #expect(plan.tasks.count == 80)
        #expect(plan.indicators.count == 17)
        #expect(plan.document.number == "169/KH-UBND")
        #expect(plan.document.date == "2024-03-04")
        #expect(plan.document.issuer == "Ủy ban nhân dân thị trấn Phú Mỹ")
        // Row 3 of part I continues on the next page: its halves are one task.
        let task = try #require(plan.tasks.first { $0.path == "I.3" })
        #expect(task.support == ["Văn phòng UBND", "các bộ, công chức chuyên môn có liên quan"])
        #expect(task.deadline?.start == "2024-01-01")
        #expect(plan.tasks.allSatisfy { $0.number != nil })
        let evaluated = try #require(plan.indicators.first)
        #expect(evaluated.evaluator == ["VP HĐND và UBND huyện"])
    }
}

enum SeedFixtures {
    static let folder = PipelineFixtures.shared.appendingPathComponent("seeds")
    static let expected = PipelineFixtures.expected.appendingPathComponent("seeds")
    static var available: Bool { FileManager.default.fileExists(atPath: folder.path) }
    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func name(_ prefix: String) throws -> String {
        try #require(names.first { $0.hasPrefix(prefix) })
    }

    static func plan(_ name: String) throws -> Plan {
        try PipelineFixtures.pipeline.convert(InputFile(contentsOf: folder.appendingPathComponent(name)))
    }
}
