import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanRepository

@Suite(.serialized) struct BatchIngestTests {
    static let pipeline = Pipeline(configuration: try! PipelineConfiguration.loadDefault())
    static let sources = BatchCorpus.convertibleDOCX(pipeline: pipeline)

    /// Every file under the folder (hidden ones too, so a leftover temporary file shows)
    /// with its bytes; lock files, empty and of no state, and the runs' reports left out.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  url.pathExtension != "lock" else { continue }
            // Each run's record is its own (reports/, and the latest as ingest-report.json).
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            guard !relative.hasPrefix("reports/"), !relative.hasPrefix("ingest-report") else { continue }
            files[relative] = try? Data(contentsOf: url)
        }
        return files
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("vnplan-batch-tests/\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A batch as `vnplan ingest` runs it: each document in a worker process.
    static func ingest(_ folder: URL, into repository: PlanRepository, jobs: Int = 2) throws -> [DocumentOutcome] {
        let batch = try BatchIngest(pipeline: pipeline, options: IngestOptions(
            repository: repository, jobs: jobs, isolation: .workers(WorkerCommand(executable: vnplan))))
        let outcomes = try batch.run(try BatchInputs.expand([folder.path]))
        try IngestReport(outcomes: outcomes, shard: .whole).write(to: IngestReport.defaultURL(in: repository, shard: .whole))
        return outcomes
    }

    /// The vnplan executable built beside the test bundle.
    static var vnplan: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vnplan")
    }

    @Test(.enabled(if: !sources.isEmpty, "no convertible DOCX in samples/ or ../shared/realdocs"))
    func thousandDocumentsWithBrokenOnesSurviveAKillAndARerun() throws {
        let work = try Self.temporaryFolder("thousand")
        defer { try? FileManager.default.removeItem(at: work) }
        let corpus = try BatchCorpus(in: work.appendingPathComponent("input"), total: 1000, brokenPerKind: 10,
                                     sources: Self.sources)
        #expect(corpus.goodCount == 950)

        // An uninterrupted run: every good document in, every broken one reported.
        let reference = PlanRepository(root: work.appendingPathComponent("reference"))
        let outcomes = try Self.ingest(corpus.folder, into: reference)
        #expect(outcomes.count == 1000)
        #expect(outcomes.filter { $0.status == .written }.count == 950)
        let failures = outcomes.filter { $0.status == .failed }
        #expect(Set(failures.map { ($0.file as NSString).lastPathComponent }) == Set(corpus.broken.keys))
        for failure in failures {
            let kind = try #require(corpus.broken[(failure.file as NSString).lastPathComponent])
            let reason = try #require(failure.reason)
            #expect(Self.reason(reason, fits: kind), "\(kind): \(reason)")
        }
        let report = try JSONDecoder().decode(IngestReport.self, from: Data(contentsOf: IngestReport.defaultURL(in: reference, shard: .whole)))
        #expect(report.documents == 1000 && report.inRepository == 950 && report.failed.count == 50)
        let plans = try reference.planFiles()
        #expect(plans.count == 950)
        #expect(try reference.heldSourceHashes().count == 950)
        let issues = plans.flatMap { PlanValidator().validate(fileAt: $0, file: $0.lastPathComponent,
                                                              repositoryPath: String($0.path.dropFirst(reference.root.path.count + 1))) }
        #expect(issues.isEmpty, "vnplan validate must accept every plan ingest writes; \(issues.count) problems, first: \(issues.prefix(3))")
        let finished = Self.snapshot(reference.root)

        // A second run does nothing: everything skipped, the same files, byte for byte.
        let again = try Self.ingest(corpus.folder, into: reference)
        #expect(again.filter { $0.status == .skipped }.count == 950)
        #expect(again.filter { $0.status == .written }.isEmpty)
        #expect(Self.snapshot(reference.root) == finished)

        // A run killed with SIGKILL midway, then started again, ends in the same repository.
        let interrupted = work.appendingPathComponent("interrupted")
        let written = try Self.runVNPlanAndKill(arguments: ["ingest", corpus.folder.path, "--repo", interrupted.path, "--jobs", "2"],
                                                afterLines: 300)
        #expect(written >= 300)
        let partial = try PlanRepository(root: interrupted).planFiles().count
        #expect(partial < 950, "the run was meant to be killed before it finished")
        let rerun = try Self.runVNPlan(arguments: ["ingest", corpus.folder.path, "--repo", interrupted.path, "--jobs", "2"])
        #expect(rerun == 1, "exit 1: some documents failed")
        #expect(Self.snapshot(interrupted) == finished)
        // The killed run left no record; the rerun's names all 1000 documents, 50 failed.
        let records = try FileManager.default.contentsOfDirectory(atPath: interrupted.appendingPathComponent("reports").path)
        #expect(records.count == 1)
        let record = try JSONDecoder().decode(IngestReport.self, from: Data(contentsOf: interrupted.appendingPathComponent("reports/\(records[0])")))
        #expect((record.entries.count, record.failed.count) == (1000, 50))
        #expect(record.run?.arguments.dropFirst().first == "ingest")
    }

    /// Whether a reason is the one a person needs for that kind of broken file.
    static func reason(_ reason: String, fits kind: BatchCorpus.Broken) -> Bool {
        switch kind {
        case .truncated: reason.contains("damaged")
        case .wrongExtension: reason.contains("not a DOCX, PDF, image or text file")
        case .empty: reason.contains("the file is empty")
        case .zipBomb: reason.contains("zip bomb")
        case .encryptedPDF: reason.contains("password") || reason.contains("no reader for pdf files")
        }
    }

    @Test func dryRunWritesNothing() throws {
        let work = try Self.temporaryFolder("dry")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data().write(to: input.appendingPathComponent("empty.docx"))
        for (index, source) in Self.sources.prefix(2).enumerated() {
            try source.write(to: input.appendingPathComponent("plan-\(index).docx"))
        }
        let repository = PlanRepository(root: work.appendingPathComponent("repo"))
        let batch = try BatchIngest(pipeline: Self.pipeline, options: IngestOptions(repository: repository, dryRun: true))
        let outcomes = try batch.run(try BatchInputs.expand([input.path + "/*.docx"]))
        #expect(outcomes.map(\.status) == [.failed] + Array(repeating: .written, count: Self.sources.prefix(2).count))
        #expect(outcomes.dropFirst().allSatisfy { $0.plan?.hasPrefix("plans/") == true })
        #expect(!FileManager.default.fileExists(atPath: repository.root.path))
    }

    @Test func shardsPartitionTheDocuments() throws {
        let hashes = (0..<2000).map { index in
            String(repeating: "0", count: 48) + String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        }.map { String($0.suffix(16)) + String($0.prefix(48)) }
        let shards = try (0..<4).map { try Shard("\($0)/4") }
        for hash in hashes {
            #expect(shards.filter { $0.contains(sha256: hash) }.count == 1)
        }
        let sizes = shards.map { shard in hashes.filter { shard.contains(sha256: $0) }.count }
        #expect(sizes.allSatisfy { (400...600).contains($0) }, "shards should be balanced: \(sizes)")
        #expect(throws: BatchUsageError.badShard("4/4")) { try Shard("4/4") }
        #expect(throws: BatchUsageError.badShard("1-4")) { try Shard("1-4") }
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try Self.runVNPlan(arguments: ["ingest", "/nonexistent/folder", "--repo", "/tmp"]) == 2)
        #expect(try Self.runVNPlan(arguments: ["ingest", "/tmp", "--shard", "3/2"]) == 2)
    }

    static func runVNPlan(arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = vnplan
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts vnplan, reads its JSON lines, and kills it with SIGKILL after `lines` of them.
    static func runVNPlanAndKill(arguments: [String], afterLines lines: Int) throws -> Int {
        let process = Process()
        process.executableURL = vnplan
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = 0
        while seen < lines {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk.filter { $0 == 0x0A }.count
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return seen
    }
}
