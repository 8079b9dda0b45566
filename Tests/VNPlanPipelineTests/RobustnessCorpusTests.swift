import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

/// The regression corpus (`Tests/Corpus/robustness`): every input that ever crashed, hung or
/// blew up a conversion, kept forever as SQLite keeps its crash inputs. Each is converted by
/// the built executable, as a user would, and must end in a plan or one line naming the file.
@Suite struct RobustnessCorpusTests {
    static let corpus = PipelineFixtures.projectRoot.appendingPathComponent("Tests/Corpus/robustness")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    /// Far above any input's real time: it only stops a hang from stopping the test run.
    static let hangGuard: TimeInterval = 120

    @Test(arguments: inputs)
    func endsInAPlanOrOneLineNamingTheFile(name: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = BatchIngestTests.vnplan
        process.arguments = ["convert", Self.corpus.appendingPathComponent(name).path, "-o", output.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.hangGuard) { [process] in
            if process.isRunning { process.terminate() }
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "\(name) ended by signal \(process.terminationStatus)")
        let lines = stderr.split(whereSeparator: \.isNewline)
        switch process.terminationStatus {
        case 0:
            let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: output))
            #expect(plan.source.file == name)
            // A library's own lines (poppler's "Syntax Error …") never reach the terminal.
            #expect(stderr.isEmpty, "\(name): \(stderr)")
        case 1:
            #expect(lines.count == 1 && lines[0].contains(name), "\(name): \(stderr)")
        default:
            Issue.record("\(name) exited with \(process.terminationStatus): \(stderr)")
        }
    }

    /// What poppler reported of a damaged content stream is told once per page in the plan,
    /// the first messages quoted, instead of on stderr.
    @Test func popplerFaultsBecomeAWarning() throws {
        let input = try InputFile(contentsOf: Self.corpus.appendingPathComponent("pdf-damaged-stream.pdf"))
        let plan = try PipelineFixtures.pipeline.convert(input)
        let faults = plan.warnings.filter { $0.contains("poppler reported") }
        #expect(faults.first?.hasPrefix("Page 1: poppler reported") == true)
        #expect(faults.count <= plan.source.pages ?? 0)
    }

    @Test func theCorpusIsSmall() throws {
        let sizes = try Self.inputs.map {
            try FileManager.default.attributesOfItem(atPath: Self.corpus.appendingPathComponent($0).path)[.size] as? Int ?? 0
        }
        #expect(!sizes.isEmpty)
        #expect(sizes.reduce(0, +) < 2 * 1_048_576)
    }
}

@Suite struct PlanContentTests {
    @Test func aSampleHoldsAPlan() throws {
        let name = try #require(try PipelineFixtures.sampleDOCXNames().first)
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent(name))
        #expect(try PipelineFixtures.pipeline.convert(input).hasContent)
    }

    @Test func proseWithoutLetterheadTitleOrTasksIsNoPlan() throws {
        let text = "Hôm nay trời đẹp, chúng tôi đi chợ mua rau và cá cho cả nhà.\nBuổi chiều cả nhà đi dạo ven sông.\n"
        let plan = try PipelineFixtures.pipeline.convert(InputFile(name: "nhat-ky.txt", data: Data(text.utf8)))
        #expect(!plan.hasContent)
    }
}

@Suite struct FormatMismatchTests {
    @Test func aDOCXNamedAsAPDFIsReadWithAWarning() throws {
        let name = try #require(try PipelineFixtures.sampleDOCXNames().first)
        let data = try Data(contentsOf: PipelineFixtures.samples.appendingPathComponent(name))
        let plan = try PipelineFixtures.pipeline.convert(InputFile(name: "misnamed.pdf", data: data))
        #expect(plan.source.format == .docx)
        #expect(plan.warnings.contains("The file is named as PDF but its content is DOCX; it was read as DOCX."))
    }
}
