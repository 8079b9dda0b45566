import Foundation
import VNPlanModel
import VNPlanRepository

/// `ingest-report.json`: the state of a batch, not of one run. A document is either in the
/// repository (written now or before) or listed under `failed` with its status (failed,
/// crashed, timed-out, out-of-memory, no-plan-found, refused) and reason, so a rerun that
/// finishes an interrupted batch writes the same report as a run never interrupted.
public struct IngestReport: Sendable, Equatable, Codable {
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

    public init(outcomes: [DocumentOutcome], shard: Shard) {
        documents = outcomes.count
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

    public func write(to url: URL) throws {
        try AtomicFile.write(CanonicalJSON.encode(self), to: url)
    }
}
