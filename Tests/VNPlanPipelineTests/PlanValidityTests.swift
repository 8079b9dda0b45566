import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders
import VNPlanRepository

/// Nothing the pipeline writes is a plan `validate` refuses: every sample (DOCX, PDF, the
/// borderless render, scans, text) and every real document converts into a valid plan.
@Suite struct PlanValidityTests {
    static func documents(in folder: URL, recursive: Bool) -> [URL] {
        let formats: Set<String> = ["docx", "pdf", "png", "tif", "txt"]
        let names = (recursive ? FileManager.default.subpaths(atPath: folder.path)
                               : try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { formats.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    static func expectValidPlan(of url: URL) throws {
        let plan = try PipelineFixtures.pipeline.convert(InputFile(contentsOf: url))
        let issues = PlanValidator().validate(try CanonicalJSON.encode(plan), file: url.lastPathComponent,
                                              repositoryPath: nil)
        #expect(issues.isEmpty, "\(url.lastPathComponent): \(issues.map(\.description))")
        #expect(plan.tasks.allSatisfy { $0.task != nil || $0.activity != nil })
    }

    @Test func everySampleGivesAValidPlan() throws {
        let samples = Self.documents(in: PipelineFixtures.samples, recursive: true)
            .filter { !$0.path.contains("/expected/") }
        #expect(samples.count >= 15)
        for url in samples { try Self.expectValidPlan(of: url) }
    }

    @Test(.enabled(if: PipelineFixtures.hasRealDocuments)) func everyRealDocumentGivesAValidPlan() throws {
        let documents = Self.documents(in: PipelineFixtures.shared.appendingPathComponent("realdocs"), recursive: false)
        #expect(!documents.isEmpty)
        for url in documents { try Self.expectValidPlan(of: url) }
    }
}
