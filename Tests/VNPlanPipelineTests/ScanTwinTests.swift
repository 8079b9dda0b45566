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

    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scans.path).filter { $0.hasSuffix(".tif") }
            .map { String($0.prefix { $0 != "." }) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .sorted()
    }

    /// The goals: 90% of the fields on clean 300 dpi scans, 75% on the others (measured on
    /// 2026-11-26: 96.9% clean, 89.1% at 200 dpi, 89.1% askew, 96.9% degraded; BENCHMARKS.md).
    @Test(arguments: [("300dpi", 0.90), ("200dpi", 0.75), ("rotated", 0.75), ("degraded", 0.75)])
    func scanGivesTheTasksOfItsDOCX(degradation: String, goal: Double) throws {
        var equal = 0, total = 0
        for name in try Self.names() {
            let twin = try PipelineFixtures.pipeline.convert(
                InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("\(name).docx")))
            let scan = try PipelineFixtures.pipeline.convert(
                InputFile(contentsOf: Self.scans.appendingPathComponent("\(name).\(degradation).tif")))
            #expect(scan.source.format == .image && scan.source.ocr)
            let agreement = PlanAgreement(scan, twin: twin)
            print("\(name).\(degradation).tif: \(agreement.fieldsEqual)/\(agreement.fields) task fields as in the DOCX")
            equal += agreement.fieldsEqual
            total += agreement.fields
        }
        let share = Double(equal) / Double(max(total, 1))
        print("\(degradation): \(String(format: "%.1f", share * 100))% of \(total) task fields as in the DOCX twins")
        #expect(total > 0)
        #expect(share >= goal, "\(degradation): \(equal) of \(total) task fields")
    }
}

extension ScanTwinTests {
    /// A task's confidence is that of its least sure cell, so the rows OCR got wrong are
    /// the ones a reader is pointed to: over every sample scan, tasks with a field unlike
    /// the DOCX twin's are less sure than tasks that match it.
    @Test func wrongRowsAreTheUnsureOnes() throws {
        var right: [Double] = [], wrong: [Double] = []
        for name in try Self.names() {
            let twin = try PipelineFixtures.pipeline.convert(
                InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("\(name).docx")))
            for degradation in ["200dpi", "rotated"] {
                let scan = try PipelineFixtures.pipeline.convert(
                    InputFile(contentsOf: Self.scans.appendingPathComponent("\(name).\(degradation).tif")))
                for (task, expected) in zip(scan.tasks, twin.tasks) {
                    let isRight = PlanAgreement.fields(of: expected).allSatisfy { PlanAgreement.fields(of: task)[$0.key] == $0.value }
                    if isRight { right.append(task.confidence) } else { wrong.append(task.confidence) }
                }
                let unsure = scan.tasks.filter { $0.confidence < 0.5 }
                if !unsure.isEmpty {
                    #expect(scan.warnings.contains { $0.hasPrefix("OCR read a cell of \(unsure.count) row(s) unsurely") })
                }
            }
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(max(values.count, 1)) }
        #expect(!right.isEmpty && !wrong.isEmpty)
        #expect(mean(wrong) + 0.1 < mean(right), "wrong rows \(mean(wrong)), right rows \(mean(right))")
    }
}

/// The real scan of Nghị quyết 19/2026 (no text layer, a reception stamp over its number):
/// read as pages of geometry, its body comes in reading order with its diacritics, and the
/// stamp changes neither its type nor its title.
@Suite(.enabled(if: PipelineFixtures.hasShared)) struct RealScanTests {
    @Test func scannedResolutionKeepsItsTypeTitleAndReadingOrder() throws {
        let input = try PipelineFixtures.realDocument("NQ-19")
        let document = try PipelineFixtures.pipeline.read(input)
        #expect(document.metadata.usedOCR && document.metadata.pageCount == 6)
        let text = document.paragraphs.map(\.text).joined(separator: "\n")
        let articles = ["Điều 1. Phạm vi điều chỉnh", "Điều 2.", "Điều 3."].map { text.range(of: $0)?.lowerBound }
        #expect(articles.allSatisfy { $0 != nil })
        #expect(articles.compactMap { $0 }.sorted() == articles.compactMap { $0 })
        #expect(text.contains("Theo đề nghị của Bộ trưởng Bộ Công Thương"))
        let plan = try PipelineFixtures.pipeline.convert(input)
        #expect(plan.document.type == "Nghị quyết")
        #expect(plan.document.title?.hasPrefix("Cắt giảm, phân cấp, đơn giản hóa thủ tục hành chính") == true)
        #expect(plan.document.date == "2026-04-29")
        #expect(plan.document.place == "Hà Nội")
    }
}
