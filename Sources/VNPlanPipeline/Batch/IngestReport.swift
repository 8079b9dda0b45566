import Foundation
import VNPlanModel
import VNPlanRepository

/// The report of one ingest run. Every document the run was given is an entry, named as the
/// archivist gave it; a document is either in the repository (written now or before) or
/// listed under `failed` too, with its status (failed, crashed, timed-out, out-of-memory,
/// no-plan-found, refused) and reason, so a rerun that finishes an interrupted batch ends with
/// the same `failed` list as a run never interrupted.
///
/// Each run keeps its own record in the repository's `reports/` (named by the time it
/// started), and the latest is also `ingest-report.json`: no run's record is lost, even when
/// two batches share the repository.
public struct IngestReport: Sendable, Equatable, Codable {
    /// When the run started and ended (UTC, ISO 8601), and the command it ran.
    public struct Run: Sendable, Equatable, Codable {
        public var started: String
        public var finished: String
        public var arguments: [String]

        public init(started: Date, finished: Date, arguments: [String]) {
            self.started = Self.timestamp(started)
            self.finished = Self.timestamp(finished)
            self.arguments = arguments
        }

        static func timestamp(_ date: Date) -> String {
            date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
                .timeSeparator(.colon).timeZone(separator: .omitted))
        }
    }

    public struct Failure: Sendable, Equatable, Codable {
        public var file: String
        public var status: DocumentOutcome.Status
        public var sha256: String?
        /// The pipeline stage that refused a `failed` document.
        public var stage: PipelineError.Stage?
        /// The signal that ended the worker of a `crashed` document.
        public var signal: String?
        public var reason: String
    }

    /// Documents of this shard that the batch named.
    public var documents: Int
    public var inRepository: Int
    public var failed: [Failure]
    /// "i/n" when the batch ran as one shard of several.
    public var shard: String?
    public var run: Run?
    /// Every document of the run, by file.
    public var entries: [DocumentOutcome]

    public init(outcomes: [DocumentOutcome], shard: Shard, run: Run? = nil) {
        documents = outcomes.count
        entries = outcomes.sorted { $0.file < $1.file }
        self.run = run
        inRepository = outcomes.filter(\.status.isInRepository).count
        failed = outcomes.filter { !$0.status.isInRepository }.map { outcome in
            Failure(file: outcome.file, status: outcome.status, sha256: outcome.sha256, stage: outcome.stage,
                    signal: outcome.signal, reason: outcome.reason ?? "")
        }.sorted { $0.file < $1.file }
        self.shard = shard.count > 1 ? shard.description : nil
    }

    /// The report's default place: the repository root, one file per shard so that shards
    /// sharing a folder do not overwrite each other's report.
    public static func defaultURL(in repository: PlanRepository, shard: Shard) -> URL {
        let name = shard.count > 1 ? "ingest-report.shard-\(shard.index)-of-\(shard.count).json" : "ingest-report.json"
        return repository.root.appendingPathComponent(name)
    }

    /// Where this run keeps its own record: `reports/ingest-<start, UTC>-<process>.json`, so
    /// that runs at the same second (two batches at once) keep apart.
    public func recordURL(in repository: PlanRepository, process: Int32 = ProcessInfo.processInfo.processIdentifier) -> URL {
        let stamp = (run?.started ?? "unknown").replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        return repository.root.appendingPathComponent("reports/ingest-\(stamp)-\(process).json")
    }

    public func write(to url: URL) throws {
        try AtomicFile.write(CanonicalJSON.encode(self), to: url)
    }
}
