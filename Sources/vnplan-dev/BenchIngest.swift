import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanPipeline

struct BenchIngest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ingest",
        abstract: "Measure what converting each document in a worker process costs (build with -c release first).",
        discussion: """
            Ingests --copies distinct copies of the DOCX files given (the archive comment \
            differs) into an empty repository, --rounds times with worker processes and as \
            many times in this process, alternating, and prints documents per second and the \
            overhead of the workers as the Markdown of BENCHMARKS.md.
            Example: vnplan-dev bench-ingest samples/*.docx --copies 300 --jobs 2
            """)

    @Argument(help: ArgumentHelp("DOCX files to convert copies of.", valueName: "docx"))
    var documents: [String]

    @Option(help: "How many documents in the batch.") var copies = 300
    @Option(help: "How many times to run the batch each way.") var rounds = 3
    @Option(help: "Documents converted at once.") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: ArgumentHelp("Scratch folder (emptied first).", valueName: "dir"))
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("vnplan-bench-ingest").path

    @OptionGroup var pipelineOptions: PipelineOptions

    /// The workers are `vnplan worker` processes: the vnplan built beside this program.
    static var vnplan: URL {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .deletingLastPathComponent().appendingPathComponent("vnplan")
    }

    func validate() throws {
        guard !documents.isEmpty else { throw ValidationError("give DOCX files to convert") }
        guard copies > 0, rounds > 0, jobs > 0 else { throw ValidationError("--copies, --rounds and --jobs must be at least 1") }
    }

    func run() throws {
        let documents = try self.documents.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let benchmark = IsolationBenchmark(pipeline: Pipeline(configuration: try pipelineOptions.loadConfiguration()),
                                           worker: WorkerCommand(executable: Self.vnplan),
                                           workFolder: URL(fileURLWithPath: work), jobs: jobs)
        let figures = try benchmark.run(documents: documents, copies: copies, rounds: rounds)
        let median = { (rounds: [Double]) in rounds.sorted()[rounds.count / 2] }
        func row(_ name: String, _ rounds: [Double], _ cpu: [Double]) -> String {
            let rates = rounds.map { Double(figures.documents) / $0 }.sorted()
            return "| \(name) | " + rounds.map { String(format: "%.2f s", $0) }.joined(separator: ", ")
                + String(format: " | %.1f | %.1f | %.1f ms |", rates[rates.count / 2], rates.last ?? 0,
                         median(cpu) * 1000 / Double(figures.documents))
        }
        func overhead(_ workers: [Double], _ inProcess: [Double]) -> String {
            String(format: "%+.1f%%", (median(workers) / median(inProcess) - 1) * 100)
        }
        print("""
            | \(figures.documents) DOCX, \(jobs) jobs | rounds (wall clock) | documents/s (median) | documents/s (best) | processor time per document (median) |
            | --- | --- | ---: | ---: | ---: |
            \(row("in process", figures.inProcess, figures.inProcessCPU))
            \(row("worker processes", figures.workers, figures.workersCPU))

            worker overhead, median against median: wall clock \(overhead(figures.workers, figures.inProcess)), \
            processor time \(overhead(figures.workersCPU, figures.inProcessCPU))
            """)
    }
}
