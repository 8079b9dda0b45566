import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders
import VNPlanRepository
import VNPlanWriters

/// `vnplan report` on a repository holding the samples' DOCX and PDF files: each document and
/// task counted once, the lists relative to the day asked, and a real browser shows them.
@Suite struct RepositoryReportTests {
    static let asOf = CalendarDate(year: 2025, month: 9, day: 1)!

    /// Plans of every sample DOCX and ruled PDF, stored as ingest stores them, and the
    /// DOCX plans alone (what a count that is true must equal).
    static func repository() throws -> (PlanRepository, docx: [Plan]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vnplan-report-\(UUID().uuidString)")
        let repository = PlanRepository(root: root)
        let store = PlanStore(repository: repository)
        var docx: [Plan] = []
        for name in ["kh-huyen-an-phu-2026", "kh-thi-tran-phu-my-2025", "kh-xa-hoa-binh-2026", "qd-phuong-cam-thanh-2025"] {
            for ext in ["pdf", "docx"] {
                let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("\(name).\(ext)"))
                let plan = try PipelineFixtures.pipeline.convert(input)
                try store.store(plan, original: nil, originalExtension: ext)
                if ext == "docx" { docx.append(plan) }
            }
        }
        try PlanIndex(repository: repository).update()
        return (repository, docx)
    }

    @Test func aDocumentFromTwoFilesCountsOnceAndTheListsFollowTheDay() throws {
        let (repository, docx) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let overview = try PlanIndex(repository: repository).overview(asOf: Self.asOf, soonDays: 30)
        #expect(overview.totals.planFiles == 8)
        #expect(overview.totals.documents == 4)
        #expect(overview.totals.tasks == docx.map(\.tasks.count).reduce(0, +))
        #expect(overview.copies.count == 4 && overview.copies.allSatisfy { $0.copies.count == 1 })
        #expect(overview.issuers.map(\.tasks).reduce(0, +) == overview.totals.tasks)

        // Every day a DOCX task falls due before 2025-09-01 is in the overdue list, once.
        let dueDays = docx.flatMap { plan in plan.tasks.flatMap { task in
            task.deadline.map { deadline in ([deadline] + deadline.milestones).compactMap { $0.end ?? $0.start }.map { "\(plan.document.number ?? "-") \(task.path) \($0)" } } ?? []
        } }
        let expectedOverdue = Set(dueDays.filter { $0.suffix(10) < "2025-09-01" })
        // The PDFs were stored first; the DOCX plans stand for their documents all the same.
        #expect(Set(overview.overdue.map { "\($0.planNumber ?? "-") \($0.path) \($0.due)" }) == expectedOverdue)
        #expect(overview.overdue.count == expectedOverdue.count)
        #expect(!overview.overdue.isEmpty && !overview.dueSoon.isEmpty)
        #expect(overview.dueSoon.allSatisfy { ("2025-09-01"..."2025-09-30").contains($0.due) })
        #expect(overview.overdue.map(\.due) == overview.overdue.map(\.due).sorted())

        // The ward's centre ("… phường") and the district's ("… huyện") are one unit.
        let centres = overview.leads.filter { UnitName.canonicalKey($0.name) == UnitName.canonicalKey("Trung tâm Phục vụ hành chính công") }
        #expect(centres.count == 1)
        #expect(centres.first.map { $0.wordings >= 2 && $0.plans >= 2 } == true)
        #expect(overview.leads.map(\.tasks) == overview.leads.map(\.tasks).sorted(by: >))

        let report = RepositoryReport(overview)
        #expect(report.markdown == RepositoryReport(try PlanIndex(repository: repository).overview(asOf: Self.asOf)).markdown)
        for task in overview.overdue + overview.dueSoon {
            #expect(report.markdown.contains(task.path) && report.html.contains(PlanHTMLText.escaped(task.work)))
        }
        // The timeline draws each deadline of its lanes as one dot, and fetches nothing.
        let dots = report.html.components(separatedBy: "<circle cx=").count - 1
        #expect(dots == overview.lanes.flatMap(\.marks).count + 3)
        #expect(!report.html.contains("<script") && !report.html.contains("src=\"http") && !report.html.contains("href=\"http"))
    }

    @Test(.enabled(if: Browser.path != nil)) func aBrowserShowsTheReport() throws {
        let (repository, _) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let overview = try PlanIndex(repository: repository).overview(asOf: Self.asOf)
        let page = repository.root.appendingPathComponent("report.html")
        try Data(RepositoryReport(overview).html.utf8).write(to: page)
        let dom = try Browser.run(["--dump-dom", page.absoluteString])
        for task in overview.overdue + overview.dueSoon {
            #expect(dom.contains(PlanHTMLText.escaped(task.work)), "\(task.planID) \(task.path)")
        }
        #expect(dom.contains("<svg") && dom.contains("Tiến độ theo đơn vị chủ trì"))
        let screenshot = repository.root.appendingPathComponent("report.png")
        _ = try Browser.run(["--window-size=1300,1800", "--screenshot=\(screenshot.path)", page.absoluteString])
        let shot = try Data(contentsOf: screenshot)
        #expect(PlanViewsTests.pngSize(shot).map { $0 == (1300, 1800) } == true)
        #expect(shot.count > 60_000, "\(shot.count) bytes")
    }
}

/// HTML's escaping of text, as the writers apply it.
enum PlanHTMLText {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
