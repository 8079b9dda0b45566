import Foundation
import VNPlanModel
import VNPlanReaders
import VNPlanRepository

/// What became of one document of a batch.
public struct DocumentOutcome: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Converted and written to the repository (or, with --dry-run, would have been).
        case written
        /// The repository already holds a document with the same hash.
        case skipped
        case failed
    }

    public var file: String
    public var status: Status
    public var sha256: String?
    /// The plan's path in the repository, for a written document.
    public var plan: String?
    public var stage: PipelineError.Stage?
    public var reason: String?
}

/// Settings of one batch run.
public struct IngestOptions: Sendable {
    public var repository: PlanRepository
    public var jobs: Int
    public var shard: Shard
    public var dryRun: Bool

    public init(repository: PlanRepository, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                shard: Shard = .whole, dryRun: Bool = false) {
        self.repository = repository
        self.jobs = jobs
        self.shard = shard
        self.dryRun = dryRun
    }
}

/// Converts many documents into a plans repository, in parallel across documents.
///
/// A document is the unit of work and of failure: a bad file becomes a failed outcome with
/// its stage and reason, never the end of the batch. Each plan and original is written
/// atomically, the original last, and a document whose hash the repository holds is skipped:
/// so a run killed at any point (even `kill -9`) and started again ends with the same files
/// as a run that was never interrupted.
public struct BatchIngest: Sendable {
    public let pipeline: Pipeline
    public let options: IngestOptions

    public init(pipeline: Pipeline, options: IngestOptions) throws(BatchUsageError) {
        guard options.jobs >= 1 else { throw .badJobs(options.jobs) }
        self.pipeline = pipeline
        self.options = options
    }

    /// Runs the batch over `files`; `progress` hears each outcome as it happens (one call at a
    /// time). Outcomes come back in the order of `files`; documents of other shards are left out.
    public func run(_ files: [URL], progress: @escaping @Sendable (DocumentOutcome) -> Void = { _ in })
        throws(RepositoryError) -> [DocumentOutcome] {
        let repository = options.repository
        let keepSources = pipeline.configuration.output.keepSources
        if !options.dryRun { repository.removeAbandonedTemporaryFiles() }
        let held = keepSources ? try repository.heldSourceHashes() : try repository.planSourceHashes()
        let store = PlanStore(repository: repository)
        let results = OutcomeCollector(count: files.count, progress: progress)

        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(files.count, 1))) { _ in
            while let index = results.nextIndex() {
                let outcome = ingest(files[index], held: held, store: store, keepSources: keepSources)
                results.record(outcome, at: index)
            }
        }
        return results.outcomes
    }

    /// One document: read, check the shard and the repository, convert, store.
    private func ingest(_ file: URL, held: Set<String>, store: PlanStore, keepSources: Bool) -> DocumentOutcome? {
        let name = file.path
        let input: InputFile
        do { input = try InputFile(contentsOf: file) }
        catch { return .failure(name, sha256: nil, stage: .read, reason: error.description) }
        guard options.shard.contains(sha256: input.sha256) else { return nil }
        if held.contains(input.sha256) {
            return DocumentOutcome(file: name, status: .skipped, sha256: input.sha256)
        }
        let plan: Plan
        do { plan = try pipeline.convert(input) }
        catch { return .failure(name, sha256: input.sha256, stage: error.stage, reason: error.reason) }
        var path = plan.repositoryPath
        if !options.dryRun {
            let original = keepSources ? input.data : nil
            let ext = FormatSniffer.fileExtension(of: input.data, format: plan.source.format)
            do { path = try store.store(plan, original: original, originalExtension: ext) }
            catch { return .failure(name, sha256: input.sha256, stage: .export, reason: error.description) }
        }
        return DocumentOutcome(file: name, status: .written, sha256: input.sha256, plan: path)
    }
}

extension DocumentOutcome {
    /// Readers start their reasons with the file's name; the outcome names the file already.
    static func failure(_ file: String, sha256: String?, stage: PipelineError.Stage, reason: String) -> DocumentOutcome {
        let base = (file as NSString).lastPathComponent + ": "
        let reason = reason.hasPrefix(base) ? String(reason.dropFirst(base.count)) : reason
        return DocumentOutcome(file: file, status: .failed, sha256: sha256, stage: stage, reason: reason)
    }
}

/// Hands out document indexes to the workers and gathers their outcomes.
private final class OutcomeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private var slots: [DocumentOutcome?]
    private let progress: @Sendable (DocumentOutcome) -> Void

    init(count: Int, progress: @escaping @Sendable (DocumentOutcome) -> Void) {
        self.count = count
        self.slots = Array(repeating: nil, count: count)
        self.progress = progress
    }

    func nextIndex() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Progress is told under the lock, so its output lines never interleave.
    func record(_ outcome: DocumentOutcome?, at index: Int) {
        guard let outcome else { return }
        lock.withLock {
            slots[index] = outcome
            progress(outcome)
        }
    }

    var outcomes: [DocumentOutcome] { lock.withLock { slots.compactMap { $0 } } }
}
