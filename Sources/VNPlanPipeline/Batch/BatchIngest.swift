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
        /// Converted again (--reconvert): the new plan took the old one's place.
        case replaced
        /// Converted again (--reconvert): the same plan, left as it was.
        case unchanged
        /// The pipeline refused the document: `stage` and `reason` say where and why.
        case failed
        /// The conversion killed its worker process: `signal` and `reason` say how.
        case crashed
        /// The conversion outlived `batch.timeLimitSeconds`.
        case timedOut = "timed-out"
        /// The conversion needed more than `batch.memoryLimitMB`.
        case outOfMemory = "out-of-memory"
        /// A readable document in which nothing of a plan was found: no task, no issuer, no title.
        case noPlanFound = "no-plan-found"
        /// Not a regular file (a symbolic link, a device, a FIFO): not read.
        case refused

        /// Whether the document has its plan in the repository after the batch.
        public var isInRepository: Bool { [.written, .skipped, .replaced, .unchanged].contains(self) }
    }

    /// The file as the batch was given it: relative to where vnplan ran when the path on the
    /// command line was relative.
    public var file: String
    /// For a document converted again from the repository's sources/ (--reconvert): the file
    /// it was first ingested from, as its plan records it.
    public var original: String?
    public var status: Status
    public var sha256: String?
    /// The plan's path in the repository, for a written document.
    public var plan: String?
    /// The plan of another file of the same document (a DOCX beside this PDF), stored before
    /// under the id's own name: the index counts the document once.
    public var copyOf: String?
    public var stage: PipelineError.Stage?
    /// The signal that ended the worker of a crashed document ("SIGILL").
    public var signal: String?
    public var reason: String?
}

/// Settings of one batch run.
public struct IngestOptions: Sendable {
    /// Where documents are converted.
    public enum Isolation: Sendable {
        /// In worker processes, one per job, each document within the limits of pipeline.json.
        case workers(WorkerCommand)
        /// In the batch's own process: a document that traps ends the batch.
        case inProcess
    }

    public var repository: PlanRepository
    public var jobs: Int
    public var shard: Shard
    public var dryRun: Bool
    public var isolation: Isolation
    public var followSymlinks: Bool
    /// Convert again sources the repository holds; nil skips them.
    public var reconversion: Reconversion?

    public init(repository: PlanRepository, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                shard: Shard = .whole, dryRun: Bool = false, isolation: Isolation = .inProcess,
                followSymlinks: Bool = false, reconversion: Reconversion? = nil) {
        self.repository = repository
        self.jobs = jobs
        self.shard = shard
        self.dryRun = dryRun
        self.isolation = isolation
        self.followSymlinks = followSymlinks
        self.reconversion = reconversion
    }
}

/// Converts many documents into a plans repository, in parallel across documents.
///
/// A document is the unit of work and of failure: a bad file becomes a failed outcome with
/// its stage and reason, and with worker isolation a document that crashes, hangs or eats
/// all memory costs its worker process, never the batch. Each plan and original is written
/// atomically, the original last, under the repository's lock (so concurrent batches and
/// shards take turns), and a document whose hash the repository holds is skipped: so a run
/// killed at any point (even `kill -9`) and started again ends with the same files as a run
/// that was never interrupted.
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
        throws(BatchRunError) -> [DocumentOutcome] {
        let repository = options.repository
        let keepSources = pipeline.configuration.output.keepSources
        let context: Context
        do {
            if !options.dryRun { repository.removeAbandonedTemporaryFiles() }
            let held = keepSources ? try repository.heldSourceHashes() : try repository.planSourceHashes()
            let previous = options.reconversion == nil ? nil : try HeldPlans(repository: repository)
            context = Context(held: held, previous: previous, store: PlanStore(repository: repository),
                              lock: options.dryRun ? nil : try RepositoryLock(RepositoryLock.storeLock(of: repository.root)),
                              keepSources: keepSources, producer: pipeline.configuration.producer)
        } catch let error as RepositoryError { throw .repository(error) }
        catch let error as LockError { throw .lock(error) }
        catch { throw .repository(.unreadable(path: repository.root.path, reason: "\(error)")) }

        let workers = min(options.jobs, max(files.count, 1))
        let results = OrderedStore(count: files.count, window: 2 * workers, progress: progress)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let converter = makeConverter()
            defer { converter.finish() }
            while let index = results.nextIndex() {
                results.commit(convert(files[index], context: context, converter: converter), at: index) { storing in
                    store(storing, context: context)
                }
            }
        }
        return results.outcomes
    }

    /// What every document of one run shares.
    private struct Context: @unchecked Sendable {
        let held: Set<String>
        let previous: HeldPlans?
        let store: PlanStore
        let lock: RepositoryLock?
        let keepSources: Bool
        let producer: Producer
    }

    private func makeConverter() -> any DocumentConverter {
        switch options.isolation {
        case .inProcess:
            return InProcessConverter(pipeline: pipeline)
        case .workers(let command):
            return SupervisedWorker(command: command, configuration: pipeline.configuration)
        }
    }

    /// One document read, checked against the shard and the repository, and converted; its
    /// plan is stored later, in the order of the batch.
    private func convert(_ file: URL, context: Context, converter: any DocumentConverter) -> Converted {
        var original: String?
        let converted = convert(file, context: context, converter: converter, original: &original)
        return converted.naming(original: original)
    }

    /// `original` is set to the first file of a document converted again.
    private func convert(_ file: URL, context: Context, converter: any DocumentConverter,
                         original: inout String?) -> Converted {
        let name = file.relativePath
        let input: InputFile
        switch BatchDocument.read(file, followSymlinks: options.followSymlinks) {
        case .input(let read): input = read
        case .refused(let reason): return .finished(DocumentOutcome(file: name, status: .refused, reason: reason))
        case .unreadable(let error): return .finished(.failure(name, sha256: nil, stage: .read, reason: error.description))
        }
        guard options.shard.contains(sha256: input.sha256) else { return .finished(nil) }
        var previous: [HeldPlans.Entry] = []
        if context.held.contains(input.sha256) {
            guard let mode = options.reconversion,
                  let entries = context.previous?.toReconvert(sha256: input.sha256, mode: mode, producer: context.producer)
            else { return .finished(DocumentOutcome(file: name, status: .skipped, sha256: input.sha256)) }
            previous = entries
            original = entries.first?.file
        }
        var plan: Plan
        switch converter.convert(input) {
        case .plan(let converted): plan = converted
        case .failed(let stage, let reason): return .finished(.failure(name, sha256: input.sha256, stage: stage, reason: reason))
        case .crashed(let signal, let detail):
            return .finished(DocumentOutcome(file: name, status: .crashed, sha256: input.sha256, signal: signal,
                                   reason: "the conversion crashed its worker" + (detail.isEmpty ? "" : ": \(detail)")))
        case .timedOut(let seconds):
            return .finished(DocumentOutcome(file: name, status: .timedOut, sha256: input.sha256,
                                   reason: "still converting after \(seconds) s (batch.timeLimitSeconds of the pipeline); stopped"))
        case .outOfMemory(let limit, let detail):
            return .finished(DocumentOutcome(file: name, status: .outOfMemory, sha256: input.sha256,
                                   reason: "needed more than \(limit) MB (batch.memoryLimitMB of the pipeline)"
                                       + (detail.isEmpty ? "" : ": \(detail)")))
        }
        guard plan.hasContent else {
            return .finished(DocumentOutcome(file: name, status: .noPlanFound, sha256: input.sha256,
                                   reason: "no plan found: no task, no issuer and no title were recognised"))
        }
        if let first = previous.first { plan.source.file = first.file }
        return .toStore(Storing(name: name, input: input, plan: plan, previous: previous))
    }

    /// Stores a converted document's plan (and its original), unless the run is dry.
    private func store(_ storing: Storing, context: Context) -> DocumentOutcome {
        let (name, input, plan, previous) = (storing.name, storing.input, storing.plan, storing.previous)
        // A dry run has no lock: it writes nothing, not even the lock file.
        guard !options.dryRun, let lock = context.lock else {
            if let unchanged = unchangedPlace(of: plan, among: previous) {
                return Replacement(path: unchanged, changed: false).outcome(file: name, sha256: input.sha256)
            }
            return DocumentOutcome(file: name, status: previous.isEmpty ? .written : .replaced, sha256: input.sha256,
                                   plan: plan.repositoryPath)
        }
        do { try lock.lock() }
        catch { return .failure(name, sha256: input.sha256, stage: .export, reason: error.description) }
        defer { lock.unlock() }
        do {
            if !previous.isEmpty {
                return try replace(previous, with: plan, store: context.store).outcome(file: name, sha256: input.sha256)
            }
            let original = context.keepSources ? input.data : nil
            let ext = FormatSniffer.fileExtension(of: input.data, format: plan.source.format)
            let stored = try context.store.store(plan, original: original, originalExtension: ext)
            return DocumentOutcome(file: name, status: .written, sha256: input.sha256, plan: stored.path,
                                   copyOf: stored.twin)
        } catch {
            return .failure(name, sha256: input.sha256, stage: .export, reason: error.description)
        }
    }

    /// The path of the one held plan that is this plan byte for byte (under the id the store
    /// gave it); nil when the new plan differs or the source has several plans.
    private func unchangedPlace(of plan: Plan, among previous: [HeldPlans.Entry]) -> String? {
        let disambiguated = plan.id + "-" + plan.source.sha256.prefix(8)
        guard previous.count == 1, let held = previous.first, held.id == plan.id || held.id == disambiguated else { return nil }
        var same = plan
        same.id = held.id
        let old = try? Data(contentsOf: options.repository.url(of: held.path))
        return (try? CanonicalJSON.encode(same)) == old ? held.path : nil
    }

    private struct Replacement {
        var path: String
        var changed: Bool

        func outcome(file: String, sha256: String) -> DocumentOutcome {
            DocumentOutcome(file: file, status: changed ? .replaced : .unchanged, sha256: sha256, plan: path)
        }
    }

    /// Puts a new plan of a source in the place of its previous ones, unless it is the same
    /// plan: then nothing is written. The new plan is written (atomically) before the old
    /// ones go, so a run killed in between leaves a plan, and its rerun the same end.
    private func replace(_ previous: [HeldPlans.Entry], with plan: Plan, store: PlanStore) throws(RepositoryError) -> Replacement {
        let repository = options.repository
        if let unchanged = unchangedPlace(of: plan, among: previous) { return Replacement(path: unchanged, changed: false) }
        let path = try store.store(plan, original: nil, originalExtension: "").path
        for held in previous where held.path != path {
            do { try FileManager.default.removeItem(at: repository.url(of: held.path)) }
            catch { throw .cannotWrite(path: held.path, reason: error.localizedDescription) }
        }
        return Replacement(path: path, changed: true)
    }
}

extension Plan {
    /// Whether the document gave anything of a plan: a task, an indicator, an issuer or a title.
    /// A document with none of them is "no plan found": reported rather than stored.
    public var hasContent: Bool {
        !tasks.isEmpty || !indicators.isEmpty || document.issuer != nil || document.title != nil
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

/// A batch that could not run at all: its repository cannot be read or locked.
public enum BatchRunError: Error, CustomStringConvertible {
    case repository(RepositoryError)
    case lock(LockError)

    public var description: String {
        switch self {
        case .repository(let error): error.description
        case .lock(let error): error.description
        }
    }
}

/// What converting one document leaves to do: nothing (its outcome is known), or storing its
/// plan, which the batch does in the order of its documents.
private enum Converted {
    case finished(DocumentOutcome?)
    case toStore(Storing)

    /// The same, naming the file a document converted again was first ingested from.
    func naming(original: String?) -> Converted {
        switch self {
        case .finished(var outcome?): outcome.original = original; return .finished(outcome)
        case .toStore(var storing): storing.original = original; return .toStore(storing)
        case .finished(nil): return self
        }
    }
}

private struct Storing {
    var name: String
    var input: InputFile
    var plan: Plan
    var previous: [HeldPlans.Entry]
    var original: String?
}

/// Hands out the batch's documents to the workers and stores their plans in the order of the
/// documents, whatever order the conversions end in: which of two copies of one document keeps
/// its id's name (PlanStore), and so the whole repository, is the same on every run, and the
/// progress lines come in the batch's order. A worker does not start a document more than
/// `window` ahead of the first one not stored, so few converted documents wait in memory.
private final class OrderedStore: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    /// Every document before this one is stored and told.
    private var stored = 0
    private var waiting: [Int: Converted] = [:]
    private let count: Int
    private let window: Int
    private var slots: [DocumentOutcome?]
    private let progress: @Sendable (DocumentOutcome) -> Void

    init(count: Int, window: Int, progress: @escaping @Sendable (DocumentOutcome) -> Void) {
        self.count = count
        self.window = max(1, window)
        self.slots = Array(repeating: nil, count: count)
        self.progress = progress
    }

    func nextIndex() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count, next >= stored + window { condition.wait() }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }

    /// Takes a document's conversion and stores every one that is now next in order. Progress
    /// is told under the lock, so its output lines never interleave.
    func commit(_ converted: Converted, at index: Int, store: (Storing) -> DocumentOutcome) {
        condition.lock()
        defer { condition.unlock() }
        waiting[index] = converted
        while let ready = waiting.removeValue(forKey: stored) {
            let outcome: DocumentOutcome?
            switch ready {
            case .finished(let known): outcome = known
            case .toStore(let storing):
                var done = store(storing)
                done.original = storing.original
                outcome = done
            }
            if let outcome {
                slots[stored] = outcome
                progress(outcome)
            }
            stored += 1
        }
        condition.broadcast()
    }

    var outcomes: [DocumentOutcome] {
        condition.lock()
        defer { condition.unlock() }
        return slots.compactMap { $0 }
    }
}
