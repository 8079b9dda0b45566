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
            with its stage and reason in ingest-report.json.

            Progress: a bar on a terminal; otherwise one JSON line per document on standard \
            output (file, status written|skipped|failed, sha256, plan, stage, reason).

            Exit status: 0 when every document is in the repository, 1 when some failed, \
            2 when the command is used wrongly.
            """)

    @Argument(help: ArgumentHelp("Files, folders or glob patterns to ingest.", valueName: "path"))
    var paths: [String]

    @OptionGroup var repositoryOptions: RepositoryOptions

    @Option(help: "Documents converted at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp(
        "Take only the documents whose hash falls in shard i of n (0 ≤ i < n), for batch schedulers.",
        valueName: "i/n"))
    var shard: String?

    @Flag(help: "Convert and report, but write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp(
        "Where to write the report (default: ingest-report.json in the repository).", valueName: "file"))
    var report: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let repository = repositoryOptions.repository
        let files: [URL]
        let batch: BatchIngest
        let shard: Shard
        do {
            shard = try self.shard.map { text throws(BatchUsageError) in try Shard(text) } ?? .whole
            files = try BatchInputs.expand(paths)
            let options = IngestOptions(repository: repository, jobs: jobs, shard: shard, dryRun: dryRun)
            batch = try BatchIngest(pipeline: Pipeline(configuration: try pipelineOptions.loadConfiguration()),
                                    options: options)
        } catch let error as BatchUsageError {
            throw UsageFailure(error.description).exit
        }

        let progress = IngestProgress(total: files.count, style: IngestProgress.styleForStandardOutput())
        let outcomes = try batch.run(files) { progress.record($0) }
        progress.finish()

        let summary = IngestReport(outcomes: outcomes, shard: shard)
        if !dryRun {
            let url = report.map { URL(fileURLWithPath: $0) } ?? IngestReport.defaultURL(in: repository, shard: shard)
            try summary.write(to: url)
        }
        let written = outcomes.filter { $0.status == .written }.count
        FileHandle.standardError.write(Data((
            "\(summary.documents) documents: \(written) \(dryRun ? "would be written" : "written"), "
            + "\(summary.inRepository - written) already in the repository, \(summary.failed.count) failed\n").utf8))
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }
}
