import Foundation
import Testing
import VNPlanModel
@testable import VNPlanWriters

/// The views of the samples' expected plans: every task's wording is there, as the document
/// wrote it, under its section, and the HTML needs nothing from outside itself.
@Suite struct PlanViewTests {
    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/expected")

    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: expected.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    private func plan(_ name: String) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(contentsOf: Self.expected.appendingPathComponent(name)))
    }

    @Test(arguments: try names())
    func markdownHasEveryTaskUnderItsSection(name: String) throws {
        let plan = try plan(name)
        let markdown = PlanMarkdown.render(plan)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Số ") }
        #expect(rows.count == plan.tasks.count + plan.indicators.count)
        var position = markdown.startIndex
        for part in PlanOutline(plan).parts {
            if let section = part.section {
                let heading = try #require(markdown.range(of: "# " + PlanWording.heading(of: section), range: position..<markdown.endIndex),
                                           "section \(section.path)")
                position = heading.upperBound
            }
            for task in part.tasks {
                // The task's row comes after its section's heading, its path first.
                let row = try #require(markdown.range(of: "| \(task.path)", range: position..<markdown.endIndex), "task \(task.path)")
                position = row.upperBound
            }
        }
        if let title = plan.document.title { #expect(markdown.hasPrefix("# " + title)) }
    }

    @Test(arguments: try names())
    func htmlHasEveryTaskAndNeedsNothingOutside(name: String) throws {
        let plan = try plan(name)
        let page = PlanHTML.render(plan)
        for task in plan.tasks {
            for (_, text) in PlanWording.work(of: task) {
                #expect(page.contains(PlanHTML.html(text).replacingOccurrences(of: "\n", with: "<br>")), "task \(task.path)")
            }
            for unit in task.lead { #expect(page.contains(PlanHTML.html(unit)), "task \(task.path) lead") }
        }
        #expect(page.components(separatedBy: "<tr id=\"t-").count - 1 == plan.tasks.count)
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"))
        #expect(page.contains("size: A4 landscape"))
    }

    /// A row's picture goes under its task, inline.
    @Test func rowPicturesAreInline() throws {
        let plan = try plan("kh-xa-hoa-binh-2026.json")
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let page = PlanHTML.render(plan, rowPictures: [plan.tasks[1].path: png])
        #expect(page.components(separatedBy: "data:image/png;base64,\(png.base64EncodedString())").count == 2)
        let task = try #require(page.range(of: "<tr id=\"t-\(plan.tasks[1].path.replacingOccurrences(of: ".", with: "-"))\""))
        let picture = try #require(page.range(of: "class=\"crop\""))
        #expect(task.upperBound < picture.lowerBound)
    }

    /// The document's own marks stay its words.
    @Test func markupInTheWordsIsEscaped() {
        let plan = Plan(id: "kh-1", source: PlanSource(file: "kh.docx", sha256: String(repeating: "0", count: 64), format: .docx, ocr: false),
                        document: DocumentInfo(title: "Kế hoạch <b>số 1</b> | 2026"),
                        tasks: [PlanTask(path: "1", activity: "Rà soát | công khai *TTHC* <script>", source: RowSource(table: 1, row: 2), confidence: 1)])
        let page = PlanHTML.render(plan)
        #expect(!page.contains("<b>số 1</b>") && !page.contains("<script>"))
        #expect(page.contains("Rà soát | công khai *TTHC* &lt;script&gt;"))
        let markdown = PlanMarkdown.render(plan)
        #expect(markdown.contains("Rà soát \\| công khai \\*TTHC\\* \\<script\\>"))
    }
}
