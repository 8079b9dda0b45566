import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders
import VNPlanRepository

/// `ingest --reconvert`: plans an older vnplan or another pipeline made are converted again
/// from the originals the repository keeps; and two batches writing one repository at once.
@Suite(.serialized) struct BatchReconversionTests {
    /// Plan path → bytes.
    static func plans(_ repository: PlanRepository) throws -> [String: Data] {
        var plans: [String: Data] = [:]
        for url in try repository.planFiles() {
            plans[String(url.path.dropFirst(repository.root.path.count + 1))] = try Data(contentsOf: url)
        }
        return plans
    }

    /// Each document's plan by its source hash, the id's disambiguation mark left out: which
    /// of two copies of one document keeps the plain name depends on which was stored first.
    static func plansBySource(_ repository: PlanRepository) throws -> [String: Data] {
        var plans: [String: Data] = [:]
        for url in try repository.planFiles() {
            var plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: url))
            let mark = "-" + plan.source.sha256.prefix(8)
            if plan.id.hasSuffix(mark) { plan.id.removeLast(mark.count) }
            plans[plan.source.sha256] = try CanonicalJSON.encode(plan)
        }
        return plans
    }

    static func rewrite(_ url: URL, to destination: URL? = nil, _ change: (inout Plan) -> Void) throws {
        var plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: url))
        change(&plan)
        try CanonicalJSON.encode(plan).write(to: destination ?? url)
        if let destination, destination != url { try FileManager.default.removeItem(at: url) }
    }

    @Test(.enabled(if: BatchIsolationTests.samples.count >= 3, "needs three sample DOCX"))
    func outdatedPlansAreReplacedAndCurrentOnesLeftAlone() throws {
        let work = try BatchIngestTests.temporaryFolder("reconvert")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try BatchIsolationTests.input(in: work)
        let repository = PlanRepository(root: work.appendingPathComponent("repo"))
        #expect(try BatchIngestTests.runVNPlan(arguments: ["init", repository.root.path]) == 0)
        let pipeline = PipelineFixtures.pipeline
        _ = try BatchIngest(pipeline: pipeline, options: IngestOptions(repository: repository)).run(try BatchInputs.expand([input.path]))
        let fresh = try Self.plans(repository)
        #expect(fresh.count == BatchIsolationTests.samples.count)

        // One plan made by an older vnplan, which got its title wrong; one from before plans
        // recorded their producer, stored under an id of an older scheme.
        let files = try repository.planFiles()
        let older = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: files[0]))
        try Self.rewrite(files[0]) { plan in
            plan.producer?.version = "0.0.9"
            plan.document.title = "KẾ HOẠCH cũ"
        }
        let unrecorded = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: files[1]))
        let oldPlace = repository.url(of: "plans/old-scheme/2020/old-id.json")
        try FileManager.default.createDirectory(at: oldPlace.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.rewrite(files[1], to: oldPlace) { plan in
            plan.producer = nil
            plan.id = "old-id"
        }
        let current = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: files[2]))

        // The originals kept in sources/ are the batch; the plans keep the names they arrived with.
        let batch = try BatchIngest(pipeline: pipeline, options: IngestOptions(repository: repository, reconversion: .outdated))
        let outcomes = try batch.run(try BatchInputs.expand([repository.sourcesFolder.path]))
        let statuses = Dictionary(uniqueKeysWithValues: outcomes.compactMap { outcome in outcome.sha256.map { ($0, outcome.status) } })
        #expect(statuses[older.source.sha256] == .replaced)
        #expect(statuses[unrecorded.source.sha256] == .replaced)
        #expect(statuses[current.source.sha256] == .skipped)
        // A reconverted source is reported with the file it first came from.
        #expect(outcomes.first { $0.sha256 == older.source.sha256 }?.original == older.source.file)
        #expect(outcomes.first { $0.sha256 == older.source.sha256 }?.file.hasPrefix(repository.sourcesFolder.path) == true)
        #expect(try Self.plans(repository) == fresh)
        #expect(!FileManager.default.fileExists(atPath: oldPlace.path))

        // Everything again, through the command line: the same plans, nothing rewritten.
        let modified = try repository.planFiles().map { try $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate }
        #expect(try BatchIngestTests.runVNPlan(arguments: ["ingest", "--repo", repository.root.path, "--reconvert", "all"]) == 0)
        #expect(try Self.plans(repository) == fresh)
        #expect(try repository.planFiles().map { try $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate } == modified)
        let all = try BatchIngest(pipeline: pipeline, options: IngestOptions(repository: repository, reconversion: .all))
        #expect(try all.run(try BatchInputs.expand([repository.sourcesFolder.path])).map(\.status) == Array(repeating: .unchanged, count: fresh.count))
    }

    /// Starts vnplan; the caller waits for it and reads its standard error.
    static func startVNPlan(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = BatchIngestTests.vnplan
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    /// Runs two vnplan commands at once; their exit statuses and standard errors.
    static func runTogether(_ first: [String], _ second: [String]) throws -> [(Int32, String)] {
        let started = [try startVNPlan(first), try startVNPlan(second)]
        return started.map { process, errors in
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
    }

    /// While another process holds the repository's lock, an ingest converts but stores
    /// nothing; it stores as soon as the lock is free. The kernel's list of locks
    /// (/proc/locks) shows when the ingest is waiting for it.
    @Test(.enabled(if: !BatchIsolationTests.samples.isEmpty && FileManager.default.fileExists(atPath: "/proc/locks"),
                   "no sample DOCX, or no /proc/locks"))
    func ingestWaitsForTheRepositoryLock() throws {
        let work = try BatchIngestTests.temporaryFolder("lock")
        defer { try? FileManager.default.removeItem(at: work) }
        let repository = PlanRepository(root: work.appendingPathComponent("repo"))
        #expect(try BatchIngestTests.runVNPlan(arguments: ["init", repository.root.path]) == 0)
        let lock = try RepositoryLock(RepositoryLock.storeLock(of: repository.root))
        try lock.lock()
        let sample = try #require(BatchIsolationTests.samples.first)
        let (process, _) = try Self.startVNPlan(["ingest", sample.path, "--repo", repository.root.path, "--jobs", "1"])
        let waiter = " -> FLOCK  ADVISORY  WRITE \(process.processIdentifier) "
        var waiting = false
        for _ in 0..<1200 where !waiting && process.isRunning {
            waiting = (try String(contentsOfFile: "/proc/locks", encoding: .utf8)).contains(waiter)
            if !waiting { usleep(100_000) }
        }
        #expect(waiting, "the ingest never waited for the lock")
        #expect(try repository.planFiles().isEmpty)
        #expect(try repository.heldSourceHashes().isEmpty)
        lock.unlock()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try repository.planFiles().count == 1)
    }

    @Test(.enabled(if: !BatchIsolationTests.samples.isEmpty, "no sample DOCX"))
    func twoIngestsAtOnceLoseAndDuplicateNothing() throws {
        let work = try BatchIngestTests.temporaryFolder("two-writers")
        defer { try? FileManager.default.removeItem(at: work) }
        // Copies of the samples: many share an id, so storing them races for the same names.
        let copies = try (0..<24).map { index in
            let sample = BatchIsolationTests.samples[index % BatchIsolationTests.samples.count]
            return (String(format: "copy-%02d.docx", index), try ZipVariant.withComment(Data(contentsOf: sample), Data("copy \(index)".utf8)))
        }
        func folder(_ name: String, _ range: Range<Int>) throws -> String {
            let url = work.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (file, data) in copies[range] { try data.write(to: url.appendingPathComponent(file)) }
            return url.path
        }
        let everything = try folder("all", 0..<24)
        let reference = PlanRepository(root: work.appendingPathComponent("reference"))
        _ = try BatchIngest(pipeline: PipelineFixtures.pipeline, options: IngestOptions(repository: reference)).run(
            try BatchInputs.expand([everything]))
        let expected = try Self.plansBySource(reference)
        #expect(expected.count == 24)

        // Two shards at once run side by side and take turns to store.
        let sharded = work.appendingPathComponent("sharded").path
        #expect(try BatchIngestTests.runVNPlan(arguments: ["init", sharded]) == 0)
        let shards = try Self.runTogether(["ingest", everything, "--repo", sharded, "--shard", "0/2", "--jobs", "1"],
                                          ["ingest", everything, "--repo", sharded, "--shard", "1/2", "--jobs", "1"])
        #expect(shards.map(\.0) == [0, 0], "\(shards.map(\.1))")
        #expect(try Self.plansBySource(PlanRepository(root: URL(fileURLWithPath: sharded))) == expected)
        #expect(try PlanRepository(root: URL(fileURLWithPath: sharded)).heldSourceHashes() == reference.heldSourceHashes())

        // Two whole batches at once, overlapping by half: one waits for the other; both runs
        // keep their record, and every plan stays where its run said it wrote it.
        let together = PlanRepository(root: work.appendingPathComponent("together"))
        #expect(try BatchIngestTests.runVNPlan(arguments: ["init", together.root.path]) == 0)
        let halves = try Self.runTogether(["ingest", try folder("first", 0..<16), "--repo", together.root.path],
                                          ["ingest", try folder("second", 8..<24), "--repo", together.root.path])
        #expect(halves.map(\.0) == [0, 0], "\(halves.map(\.1))")
        #expect(halves.filter { $0.1.contains("another vnplan ingest is writing") }.count == 1)
        #expect(try Self.plansBySource(together) == expected)
        let records = try FileManager.default.contentsOfDirectory(at: together.root.appendingPathComponent("reports"),
                                                                  includingPropertiesForKeys: nil)
        let runs = try records.map { try JSONDecoder().decode(IngestReport.self, from: Data(contentsOf: $0)) }
        #expect(runs.map(\.documents).sorted() == [16, 16])
        #expect(Set(runs.flatMap(\.entries).compactMap(\.sha256)).count == 24)
        for entry in runs.flatMap(\.entries) where entry.status == .written {
            let path = try #require(entry.plan)
            let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: together.url(of: path)))
            #expect(plan.source.sha256 == entry.sha256, "\(path) no longer holds the plan of \(entry.file)")
            #expect(entry.file.hasSuffix(plan.source.file) && entry.file.hasPrefix(work.path))
        }
        let latest = try JSONDecoder().decode(IngestReport.self, from: Data(contentsOf: IngestReport.defaultURL(in: together, shard: .whole)))
        #expect(runs.contains(latest))
    }
}
