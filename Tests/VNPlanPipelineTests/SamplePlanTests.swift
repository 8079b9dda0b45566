import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

/// The project's samples and, when present, the shared real documents.
enum PipelineFixtures {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = projectRoot.appendingPathComponent("samples")
    static let expected = samples.appendingPathComponent("expected")
    static let shared = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared.path) }

    static func sampleDOCXNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".docx") }.sorted()
    }

    static var hasRealDocuments: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("realdocs").path) }

    /// The real document whose name starts with `prefix` ("KH-58"), its PDF when it has one.
    static func realDocumentURL(_ prefix: String) throws -> URL {
        let folder = shared.appendingPathComponent("realdocs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) }.sorted()
        let name = try #require(names.first { $0.hasSuffix(".pdf") } ?? names.first)
        return folder.appendingPathComponent(name)
    }

    static func realDocument(_ prefix: String) throws -> InputFile {
        try InputFile(contentsOf: realDocumentURL(prefix))
    }

    static let pipeline = Pipeline(configuration: try! PipelineConfiguration.loadDefault())
}

@Suite struct SamplePlanTests {
    /// Every sample gives exactly its reviewed expected plan (`samples/expected/<name>.json`).
    @Test(arguments: try PipelineFixtures.sampleDOCXNames())
    func sampleGivesItsExpectedPlan(name: String) throws {
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent(name))
        let json = try CanonicalJSON.string(PipelineFixtures.pipeline.convert(input))
        let expectedURL = PipelineFixtures.expected.appendingPathComponent(
            name.replacingOccurrences(of: ".docx", with: ".json"))
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(json == expected, "regenerate with: vnplan convert samples/\(name) -o \(expectedURL.path) — after reviewing the difference")
    }

    @Test(arguments: try PipelineFixtures.sampleDOCXNames())
    func conversionIsByteIdenticalAcrossRuns(name: String) throws {
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent(name))
        let first = try CanonicalJSON.encode(PipelineFixtures.pipeline.convert(input))
        let second = try CanonicalJSON.encode(Pipeline(configuration: .loadDefault()).convert(input))
        #expect(first == second)
    }

    @Test func objectiveExposesItsMeasurableTarget() throws {
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("kh-xa-hoa-binh-2026.docx"))
        let task = try #require(try PipelineFixtures.pipeline.convert(input).tasks.first { $0.path == "II.3.a" })
        #expect(task.objective == "Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%")
        #expect(task.targets?.map(\.comparator) == [.min])
        #expect(task.targets?.map(\.value) == [98])
        #expect(task.targets?.map(\.unit) == ["%"])
    }

    /// The scanned first page of the commune plan: OCR reads the letterhead across both
    /// columns, and the metadata rules still find each part.
    @Test func scannedPageGivesTheLetterheadOfItsPlan() throws {
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("kh-xa-hoa-binh-2026.scan.png"))
        let plan = try PipelineFixtures.pipeline.convert(input)
        #expect(plan.source.format == .image)
        #expect(plan.source.ocr == true)
        // OCR word boxes hold only ink, so words stand further apart than in a text layer:
        // the two letterhead columns are still told from word spaces by the page's own spacing.
        #expect(plan.document.issuer == "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH")
        #expect(plan.document.number == "52/KH-UBND")
        #expect(plan.document.place == "Hòa Bình")
        #expect(plan.document.date == "2026-02-12")
        #expect(plan.document.type == "Kế hoạch")
        #expect(plan.legalBasis.map(\.number) == ["63/2010/NĐ-CP"])
    }

    @Test func notADocumentIsAClearError() throws {
        let input = InputFile(name: "photo.docx", data: Data([0x00, 0x01, 0x02, 0x03, 0x04, 0x05]))
        #expect(throws: PipelineError(file: "photo.docx", stage: .sniff,
                                      reason: "photo.docx: not a DOCX, PDF, image or text file (the first bytes match no known format)")) {
            try PipelineFixtures.pipeline.convert(input)
        }
    }
}

@Suite(.enabled(if: PipelineFixtures.hasShared)) struct RealDOCXTests {
    @Test func kh3957TaskRowsBecomeTasksAndLayoutTablesNothing() throws {
        let plan = try PipelineFixtures.pipeline.convert(PipelineFixtures.realDocument("KH-3957"))
        #expect(plan.tasks.count == 9)
        #expect(plan.tasks.map(\.number) == (1...9).map { "\($0)" })
        #expect(plan.tasks.allSatisfy { $0.source.table == 3 })
        #expect(plan.tasks[0].activity == "Rà soát việc đáp ứng các điều kiện của học viên")
        #expect(plan.tasks[0].lead == ["Đỗ Mạnh Cường", "Vũ Việt Linh", "Nguyễn Thị Loan"])
        #expect(plan.document.type == "Kế hoạch")
        #expect(plan.document.issuer == "UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG")
        #expect(plan.document.number == nil)
        #expect(plan.document.place == "Lào Cai")
        #expect(plan.document.signer == Signer(title: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", name: "Hoàng Văn Thuân"))
    }

    @Test(arguments: ["Quy-trinh-noi-bo", "ND-14"])
    func documentsThatAreNotPlansFinishWithWarnings(prefix: String) throws {
        let plan = try PipelineFixtures.pipeline.convert(PipelineFixtures.realDocument(prefix))
        #expect(plan.tasks.isEmpty)
        #expect(plan.warnings.contains { $0.contains("not a plan") || $0.contains("No plan table") })
    }
}
