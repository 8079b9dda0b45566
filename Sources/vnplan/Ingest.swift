import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanPipeline
import VNPlanRepository

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert many documents into a plans repository.",
        discussion: """
            PATH may be a file, a folder (searched recursively) or a quoted glob pattern. The \
            format of each file is recognised from its content, not its extension. Documents \
            are converted in parallel; each plan is written atomically to \
            plans/<issuer>/<year>/<id>.json and its original kept as sources/<sha256>.<ext>. \
            A document whose hash the repository already holds is skipped, so running the same \
            command again after an interruption (even kill -9) finishes the batch without \
            duplicates. A file that cannot become a plan never stops the batch: it is listed \
            with its status and reason in the run's report. Each run keeps its own report in \
            reports/ingest-<start time, UTC>-<process>.json, every document named as it was \
            given (relative paths stay relative; a reconverted source names its original file); \
            the latest is also ingest-report.json.

            Each document is converted in a worker process (one per job, reused from document \
            to document) within the limits of pipeline.json's "batch" settings: a document \
            that crashes its worker is reported as crashed (with the signal), one still \
            converting after timeLimitSeconds as timed-out, one needing more than \
            memoryLimitMB as out-of-memory, and the batch goes on with a fresh worker. A \
            document in which nothing of a plan is found (no task, no issuer, no title) is \
            reported as no-plan-found and not written. Symbolic links are refused unless \
            --follow-symlinks is given; devices, FIFOs and sockets are never read.

            --reconvert all converts again the documents the repository already holds; \
            --reconvert outdated only those whose plans another vnplan version or pipeline \
            configuration made (each plan records both under "producer"). Each new plan \
            replaces the old one atomically and is reported as replaced or unchanged. Without \
            PATH, --reconvert takes the originals kept in the repository's sources/.

            Batches writing one repository take turns through the lock file .vnplan.lock; \
            two batches that would write the same report run one after the other.

            Progress: a bar on standard error when it is a terminal (count, rate, time left, \
            the file just done; -q hides it), and one JSON line per document on standard output \
            when that is a pipe or a file (file, status, sha256, plan, copyOf: the plan of another file of the \
            same document, stage, signal, reason). Statuses: written, \
            skipped, replaced, unchanged, failed, crashed, timed-out, out-of-memory, \
            no-plan-found, refused.

            Exit status: 0 when every document is in the repository, 1 when some failed, \
            2 when the command is used wrongly.
            """)

    @Argument(help: ArgumentHelp("Files, folders or glob patterns to ingest.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var repositoryOptions: RepositoryOptions

    // Optional so that help prints "all cores", not this machine's count as well.
    @Option(help: "Documents converted at once (default: all cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp(
        "Take only the documents whose hash falls in shard i of n (0 ≤ i < n), for batch schedulers.",
        valueName: "i/n"))
    var shard: String?

    @Flag(name: .shortAndLong, help: "No progress bar on standard error (the JSON lines and the summary stay).")
    var quiet = false

    @Flag(help: "Convert and report, but write nothing.")
    var dryRun = false

    @Flag(help: "Ingest the files that symbolic links point to (refused otherwise).")
    var followSymlinks = false

    @Option(help: ArgumentHelp(
        "Convert again the documents the repository holds: all, or only those an older vnplan or another pipeline made.",
        valueName: "all|outdated"))
    var reconvert: Reconversion?

    @Option(help: ArgumentHelp(
        "Where to write the report (default: ingest-report.json in the repository).", valueName: "file"))
    var report: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    func validate() throws {
        guard !paths.isEmpty || reconvert != nil else {
            throw ValidationError("give the files, folders or patterns to ingest (or --reconvert to redo the repository's sources)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
    }

    func run() throws {
        let repository = repositoryOptions.repository
        let files: [URL]
        let batch: BatchIngest
        let shard: Shard
        do {
            shard = try self.shard.map { text throws(BatchUsageError) in try Shard(text) } ?? .whole
            files = try BatchInputs.expand(paths.isEmpty ? [repository.sourcesFolder.path] : paths,
                                          followSymlinks: followSymlinks)
            let options = IngestOptions(repository: repository, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: shard, dryRun: dryRun,
                                        isolation: .workers(WorkerCommand(executable: Self.executable)),
                                        followSymlinks: followSymlinks, reconversion: reconvert)
            batch = try BatchIngest(pipeline: Pipeline(configuration: try pipelineOptions.loadConfiguration()),
                                    options: options)
        } catch let error as BatchUsageError {
            throw UsageFailure(error.description).exit
        }

        let reportURL = report.map { URL(fileURLWithPath: $0) } ?? IngestReport.defaultURL(in: repository, shard: shard)
        let runLock = try dryRun ? nil : Self.waitForOtherRuns(writing: reportURL)
        defer { runLock?.unlock() }

        let started = Date()
        let progress = IngestProgress(total: files.count, quiet: quiet)
        let outcomes: [DocumentOutcome]
        do { outcomes = try batch.run(files) { progress.record($0) } }
        catch { throw CommandFailure(error.description) }
        progress.finish()

        let run = IngestReport.Run(started: started, finished: Date(), arguments: CommandLine.arguments)
        let summary = IngestReport(outcomes: outcomes, shard: shard, run: run)
        if !dryRun {
            do {
                try summary.write(to: summary.recordURL(in: repository))
                try summary.write(to: reportURL)
            } catch { throw CommandFailure("the report cannot be written: \(error)") }
        }
        FileHandle.standardError.write(text: (Self.summaryLine(outcomes, dryRun: dryRun) + "\n"))
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }

    /// This program, started again as the worker of each job.
    static var executable: URL {
        Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// Holds the lock of the report: a second batch writing it waits for the first to end.
    static func waitForOtherRuns(writing report: URL) throws -> RepositoryLock {
        do {
            let lock = try RepositoryLock(RepositoryLock.runLock(ofReport: report))
            try lock.lock {
                FileHandle.standardError.write(text: "another vnplan ingest is writing \(report.path); waiting for it to end\n")
            }
            return lock
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// "12 documents: 9 written, 1 already in the repository, 1 crashed, 1 timed-out".
    static func summaryLine(_ outcomes: [DocumentOutcome], dryRun: Bool) -> String {
        let counts = Dictionary(grouping: outcomes, by: \.status).mapValues(\.count)
        let order: [(DocumentOutcome.Status, String)] = [
            (.written, dryRun ? "would be written" : "written"), (.skipped, "already in the repository"),
            (.replaced, dryRun ? "would be replaced" : "replaced"), (.unchanged, "unchanged"), (.failed, "failed"),
            (.crashed, "crashed"), (.timedOut, "timed out"), (.outOfMemory, "out of memory"),
            (.noPlanFound, "with no plan found"), (.refused, "refused (not regular files)"),
        ]
        let parts = order.compactMap { status, words in counts[status].map { "\($0) \(words)" } }
        return "\(outcomes.count) documents" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }
}

extension Reconversion: ExpressibleByArgument {}
