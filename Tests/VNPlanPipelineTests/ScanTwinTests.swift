import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

/// The sample scans (`scripts/make-scans.py`: each sample PDF printed to TIFF clean at 300 and
/// 200 dpi, fed in askew, and degraded) read through OCR and the Layout stage, against the plan
/// their DOCX twin gives: the share of task fields that come out equal.
@Suite struct ScanTwinTests {
    static let scans = PipelineFixtures.samples.appendingPathComponent("scans")

    /// The fields a reader of the plan looks at, as text; absent fields count when the twin has them.
    static func fields(of task: PlanTask) -> [String: String] {
        var fields: [String: String] = ["path": task.path, "outputs": task.outputs.joined(separator: "|"),
                                        "lead": task.lead.joined(separator: "|"),
                                        "support": task.support.joined(separator: "|")]
        fields["number"] = task.number
        fields["objective"] = task.objective
        fields["task"] = task.task
        fields["activity"] = task.activity
        fields["deadline"] = task.deadline?.text
        fields["funding"] = task.funding
        fields["note"] = task.note
        return fields.mapValues { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.value.isEmpty }
    }

    /// Equal fields and fields in all, task by task in order; a task the scan lacks counts as wrong.
    static func agreement(_ scan: Plan, twin: Plan) -> (equal: Int, total: Int) {
        var equal = 0, total = 0
        for (index, task) in twin.tasks.enumerated() {
            let expected = fields(of: task)
            let actual = index < scan.tasks.count ? fields(of: scan.tasks[index]) : [:]
            total += expected.count
            equal += expected.filter { actual[$0.key] == $0.value }.count
        }
        return (equal, total)
    }

    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scans.path).filter { $0.hasSuffix(".tif") }
            .map { String($0.prefix { $0 != "." }) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .sorted()
    }

    /// The goal (90% clean, 75% degraded) and the floor measured on 2026-11-26 (BENCHMARKS.md):
    /// below the floor is a regression; between floor and goal a known shortfall (tesseract's
    /// `vie` model reads a bold "I." alone in a cell as "L.", "ể" as "ế", and the 200 dpi and
    /// askew samples lose a table row).
    @Test(arguments: [("300dpi", 0.90, 0.86), ("200dpi", 0.75, 0.45), ("rotated", 0.75, 0.55),
                      ("degraded", 0.75, 0.69)])
    func scanGivesTheTasksOfItsDOCX(degradation: String, goal: Double, floor: Double) throws {
        var equal = 0, total = 0
        for name in try Self.names() {
            let twin = try PipelineFixtures.pipeline.convert(
                InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("\(name).docx")))
            let scan = try PipelineFixtures.pipeline.convert(
                InputFile(contentsOf: Self.scans.appendingPathComponent("\(name).\(degradation).tif")))
            #expect(scan.source.format == .image && scan.source.ocr)
            let agreement = Self.agreement(scan, twin: twin)
            print("\(name).\(degradation).tif: \(agreement.equal)/\(agreement.total) task fields as in the DOCX")
            equal += agreement.equal
            total += agreement.total
        }
        let share = Double(equal) / Double(max(total, 1))
        print("\(degradation): \(String(format: "%.1f", share * 100))% of \(total) task fields as in the DOCX twins")
        #expect(total > 0)
        #expect(share >= floor, "\(degradation): \(equal) of \(total) task fields")
        withKnownIssue("below the goal of \(Int(goal * 100))%", isIntermittent: true) {
            #expect(share >= goal, "\(degradation): \(equal) of \(total) task fields")
        }
    }
}
