import Foundation
import Testing
import VNPlanModel
@testable import VNPlanPipeline
import VNPlanReaders
import VNPlanRepository

/// The batch's supervision of its worker processes, the inputs it refuses, the documents in
/// which no plan is found: each on real sample documents and the real vnplan executable.
@Suite(.serialized) struct BatchIsolationTests {
    static let samples = (try? PipelineFixtures.sampleDOCXNames().map { PipelineFixtures.samples.appendingPathComponent($0) }) ?? []

    /// A document that makes a worker run with VNPLAN_TEST_HOOKS=1 misbehave on purpose.
    static func hook(_ name: String) -> Data { Data("VNPLAN-TEST-HOOK: \(name)\n".utf8) }

    static func configuration(timeLimitSeconds: Int = 120, memoryLimitMB: Int = 2048) throws -> PipelineConfiguration {
        var configuration = try PipelineConfiguration.loadDefault()
        configuration.batch.timeLimitSeconds = timeLimitSeconds
        configuration.batch.memoryLimitMB = memoryLimitMB
        return configuration
    }

    static func workers(hooks: Bool) -> IngestOptions.Isolation {
        .workers(WorkerCommand(executable: BatchIngestTests.vnplan, environment: hooks ? ["VNPLAN_TEST_HOOKS": "1"] : [:]))
    }

    /// A folder holding the samples and the given extra files.
    static func input(in work: URL, extra: [String: Data] = [:]) throws -> URL {
        let folder = work.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sample in samples {
            try FileManager.default.copyItem(at: sample, to: folder.appendingPathComponent(sample.lastPathComponent))
        }
        for (name, data) in extra { try data.write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static func byName(_ outcomes: [DocumentOutcome]) -> [String: DocumentOutcome] {
        Dictionary(outcomes.map { (($0.file as NSString).lastPathComponent, $0) }) { first, _ in first }
    }

    /// The plan the pipeline gives in this process, as the repository would hold it.
    static func inProcessPlan(_ url: URL) throws -> Data {
        try CanonicalJSON.encode(try PipelineFixtures.pipeline.convert(try InputFile(contentsOf: url)))
    }

    @Test(.enabled(if: !samples.isEmpty, "no sample DOCX"))
    func trapHangAndAllocationCostTheirDocumentAlone() throws {
        let work = try BatchIngestTests.temporaryFolder("isolation")
        defer { try? FileManager.default.removeItem(at: work) }
        // Sorted first, so the samples after them go to the fresh workers that replace the dead.
        let input = try Self.input(in: work, extra: ["a-trap.txt": Self.hook("trap"), "b-hang.txt": Self.hook("hang"),
                                                     "c-allocate.txt": Self.hook("allocate")])
        let repository = PlanRepository(root: work.appendingPathComponent("repo"))
        let pipeline = Pipeline(configuration: try Self.configuration(timeLimitSeconds: 2, memoryLimitMB: 512))
        let batch = try BatchIngest(pipeline: pipeline, options: IngestOptions(repository: repository, jobs: 2,
                                                                                isolation: Self.workers(hooks: true)))
        let outcomes = try batch.run(try BatchInputs.expand([input.path]))
        let byName = Self.byName(outcomes)

        let trap = try #require(byName["a-trap.txt"])
        #expect(trap.status == .crashed && trap.signal == "SIGILL")
        #expect(trap.reason?.contains("Fatal error: test hook: trap in a-trap.txt") == true, "\(trap.reason ?? "")")
        #expect(byName["b-hang.txt"]?.status == .timedOut)
        #expect(byName["b-hang.txt"]?.reason?.contains("after 2 s") == true)
        let allocation = try #require(byName["c-allocate.txt"])
        #expect(allocation.status == .outOfMemory, "\(allocation)")
        #expect(allocation.reason?.hasPrefix("needed more than 512 MB") == true)

        // Every other document is in the repository, the same plan as converted in-process.
        for sample in Self.samples {
            let outcome = try #require(byName[sample.lastPathComponent])
            #expect(outcome.status == .written)
            let path = try #require(outcome.plan)
            #expect(try Data(contentsOf: repository.url(of: path)) == (try Self.inProcessPlan(sample)))
        }
        #expect(try repository.planFiles().count == Self.samples.count)
        let report = IngestReport(outcomes: outcomes, shard: .whole)
        #expect(report.inRepository == Self.samples.count)
        #expect(report.failed.map(\.status) == [.crashed, .timedOut, .outOfMemory])
    }

    /// Real processes that break the protocol: the batch believes none of them.
    @Test(arguments: [
        ("exit 3", "the conversion crashed its worker: the worker exited with status 3"),
        ("echo 'vnplan worker: gone' >&2; exit 1", "the conversion crashed its worker: the worker exited with status 1: vnplan worker: gone"),
        ("printf '\\377\\377\\377\\377'; cat > /dev/null",
         "the conversion crashed its worker: the worker sent a reply of 4294967295 bytes, more than a plan can be"),
        ("printf '\\0\\0\\0\\2{}'; cat > /dev/null", "the conversion crashed its worker: the worker sent a reply that cannot be read"),
    ])
    func workerBreakingTheProtocolIsReplacedNotBelieved(script: String, reason: String) throws {
        let work = try BatchIngestTests.temporaryFolder("protocol")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try #require(Self.samples.first)
        let shell = WorkerCommand(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script])
        let batch = try BatchIngest(pipeline: PipelineFixtures.pipeline, options: IngestOptions(
            repository: PlanRepository(root: work.appendingPathComponent("repo")), isolation: .workers(shell)))
        let outcome = try #require(try batch.run([input]).first)
        #expect(outcome.status == .crashed && outcome.signal == nil)
        #expect(outcome.reason == reason)
    }

    @Test func hooksActOnlyWhenTheTestAsksForThem() throws {
        let work = try BatchIngestTests.temporaryFolder("no-hooks")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("trap.txt")
        try Self.hook("trap").write(to: input)
        let batch = try BatchIngest(pipeline: PipelineFixtures.pipeline, options: IngestOptions(
            repository: PlanRepository(root: work.appendingPathComponent("repo")), isolation: Self.workers(hooks: false)))
        // Read as the text it is, which no plan is: refused, not trapped.
        let outcome = try #require(try batch.run([input]).first)
        #expect(outcome.status == .failed && outcome.signal == nil)
        #expect(outcome.reason?.hasPrefix("not a document (it looks like YAML or a configuration file)") == true, "\(outcome.reason ?? "")")
    }

    @Test func documentWithoutPlanIsReportedNotWritten() throws {
        let work = try BatchIngestTests.temporaryFolder("no-plan")
        defer { try? FileManager.default.removeItem(at: work) }
        let prose = Data("Hôm nay trời đẹp. Chúng tôi đi chợ mua rau và cá cho bữa tối của cả gia đình.\n".utf8)
        let input = try Self.input(in: work, extra: ["thu-gui-me.txt": prose])
        let repository = PlanRepository(root: work.appendingPathComponent("repo"))
        let batch = try BatchIngest(pipeline: PipelineFixtures.pipeline, options: IngestOptions(repository: repository))
        let outcome = try #require(Self.byName(try batch.run(try BatchInputs.expand([input.path])))["thu-gui-me.txt"])
        #expect(outcome.status == .noPlanFound)
        #expect(outcome.reason == "no plan found: no task, no issuer and no title were recognised")
        #expect(try repository.planFiles().count == Self.samples.count)
        #expect(try !repository.heldSourceHashes().contains(InputFile(name: "", data: prose).sha256))
    }

    @Test(.enabled(if: !samples.isEmpty, "no sample DOCX"))
    func linksDevicesAndFIFOsAreRefusedUnlessLinksAreFollowed() throws {
        let work = try BatchIngestTests.temporaryFolder("links")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try Self.input(in: work)
        // A secret outside the input, a folder outside it holding a document, and links to both.
        let secret = work.appendingPathComponent("shadow")
        try Data("root:$6$secret:19000:0:99999:7:::\n".utf8).write(to: secret)
        let outside = work.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let elsewhere = try #require(Self.samples.first)
        let moved = outside.appendingPathComponent("elsewhere.docx")
        try ZipVariant.withComment(try Data(contentsOf: elsewhere), Data("outside".utf8)).write(to: moved)
        try FileManager.default.createSymbolicLink(at: input.appendingPathComponent("link-shadow.txt"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: input.appendingPathComponent("link-folder"), withDestinationURL: outside)
        #expect(mkfifo(input.appendingPathComponent("pipe").path, 0o600) == 0)

        let repository = PlanRepository(root: work.appendingPathComponent("repo"))
        let batch = try BatchIngest(pipeline: PipelineFixtures.pipeline, options: IngestOptions(repository: repository))
        // The folder, the link named explicitly, and a glob that matches it.
        let named = try BatchInputs.expand([input.path, input.appendingPathComponent("link-shadow.txt").path, input.path + "/link-*"])
        let outcomes = Self.byName(try batch.run(named))
        #expect(outcomes["link-shadow.txt"]?.status == .refused)
        #expect(outcomes["link-shadow.txt"]?.reason == "a symbolic link; ingest takes links only with --follow-symlinks")
        #expect(outcomes["link-folder"]?.status == .refused)
        #expect(outcomes["pipe"]?.status == .refused)
        #expect(outcomes["pipe"]?.reason == "a FIFO (named pipe), which ingest never reads")
        #expect(outcomes.values.filter { $0.status == .written }.count == Self.samples.count)
        let secretHash = InputFile(name: "", data: try Data(contentsOf: secret)).sha256
        #expect(try !repository.heldSourceHashes().contains(secretHash))

        // Asked to follow links: the folder behind the link is walked, the FIFO still refused.
        let following = try BatchIngest(pipeline: PipelineFixtures.pipeline, options: IngestOptions(repository: repository, followSymlinks: true))
        let followed = Self.byName(try following.run(try BatchInputs.expand([input.path], followSymlinks: true)))
        #expect(followed["elsewhere.docx"]?.status == .written)
        #expect(followed["link-shadow.txt"].map { $0.status != .refused } == true)
        #expect(followed["pipe"]?.status == .refused)
    }

    @Test func batchSettingsAreReadStrictly() throws {
        let shipped = try PipelineConfiguration.loadDefault()
        #expect((shipped.batch.timeLimitSeconds, shipped.batch.memoryLimitMB) == (120, 2048))
        let json = try String(contentsOf: PipelineFixtures.projectRoot.appendingPathComponent("pipeline.json"), encoding: .utf8)
        let cases = [
            ("\"timeLimitSeconds\": 120", "\"timeLimitSeconds\": 0", "\"batch.timeLimitSeconds\" is 0; use a value from 1 to 86400"),
            ("\"memoryLimitMB\": 2048", "\"memoryLimitMB\": 16", "\"batch.memoryLimitMB\" is 16; use a value from 256 to 1048576"),
            ("\"memoryLimitMB\": 2048", "\"memoryLimitMB\": 2048, \"cores\": 2", "unknown key \"batch.cores\""),
            ("\"timeLimitSeconds\": 120,", "", "missing key \"batch.timeLimitSeconds\""),
        ]
        for (original, replacement, problem) in cases {
            #expect(throws: ConfigurationError(file: "test.json", problem: problem)) {
                try PipelineConfiguration.load(from: Data(json.replacingOccurrences(of: original, with: replacement).utf8), name: "test.json")
            }
        }
        // Limits decide nothing in a plan: changing them leaves every plan up to date.
        var limits = shipped
        limits.batch.memoryLimitMB = 4096
        #expect(limits.producer == shipped.producer)
        var restoration = shipped
        restoration.normalizer.restoration.threshold = 0.7
        #expect(restoration.producer.pipeline != shipped.producer.pipeline)
    }
}
