import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline

struct BenchRepository: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-repository",
        abstract: "Measure ingest, index and query speed (build with -c release first).",
        discussion: """
            Ingests --documents copies of the DOCX files given (each a distinct file: the \
            archive comment differs), then writes --plans plans made by varying the given \
            plans (issuer, number, years), builds the index from them, updates it with nothing \
            and with 100 plans changed, and times each analyst question --repeat times. \
            Prints the figures as the Markdown of BENCHMARKS.md.
            Example: vnplan-dev bench-repository samples/*.docx --plans-from samples/expected
            """)

    @Argument(help: ArgumentHelp("DOCX files to ingest copies of.", valueName: "docx"))
    var documents: [String]

    @Option(help: ArgumentHelp("Folder of plans to vary (for example samples/expected).", valueName: "dir"))
    var plansFrom: String

    @Option(help: "How many documents to ingest.") var copies = 400
    @Option(help: "How many plans to index.") var plans = 10_000
    @Option(name: [.customShort("n"), .customLong("repeat")], help: "How many times to run each query.")
    var repetitions = 50
    @Option(help: "Documents converted at once.") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: ArgumentHelp("Scratch folder (emptied first).", valueName: "dir"))
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("vnplan-bench-repository").path

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let documents = try self.documents.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let basePlans = try FileManager.default.contentsOfDirectory(atPath: plansFrom).filter { $0.hasSuffix(".json") }.sorted()
            .map { try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: plansFrom).appendingPathComponent($0))) }
        guard !documents.isEmpty, !basePlans.isEmpty else { throw ValidationError("give DOCX files and a folder of plans") }
        let benchmark = RepositoryBenchmark(pipeline: Pipeline(configuration: try pipelineOptions.loadConfiguration()),
                                            workFolder: URL(fileURLWithPath: work), jobs: jobs)
        let figures = try benchmark.run(documents: documents, copies: copies, basePlans: basePlans,
                                        plans: plans, repetitions: repetitions)
        func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
        print("""
            | measure | value |
            | --- | --- |
            | ingest, \(figures.documents) DOCX, \(jobs) jobs | \(String(format: "%.1f", Double(figures.documents) / figures.ingestSeconds)) documents/s (\(String(format: "%.2f", figures.ingestSeconds)) s) |
            | index build, \(figures.plans) plans, \(figures.tasks) tasks | \(String(format: "%.2f", figures.indexBuildSeconds)) s |
            | index update, nothing changed | \(ms(figures.unchangedUpdateSeconds)) |
            | index update, 100 plans changed | \(ms(figures.changedUpdateSeconds)) |

            | query (\(repetitions) runs) | rows | median | p95 |
            | --- | ---: | ---: | ---: |
            """)
        for query in figures.queries {
            print("| \(query.name) | \(query.rows) | \(ms(query.median)) | \(ms(query.p95)) |")
        }
    }
}
