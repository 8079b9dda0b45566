import Foundation
import VNPlanRepository

/// What the isolation of `vnplan ingest` costs (BENCHMARKS.md): the same batch of copies of
/// real documents converted in worker processes and in the batch's own process, in
/// alternating rounds so that both meet the same load of the machine.
public struct IsolationBenchmark: Sendable {
    public struct Figures: Sendable {
        public var documents: Int
        /// Seconds of each round, in rounds order.
        public var inProcess: [Double]
        public var workers: [Double]
        /// Processor seconds (user + system, the batch and its workers) of each round: what
        /// the work costs, whatever else the machine runs at the time.
        public var inProcessCPU: [Double]
        public var workersCPU: [Double]
    }

    public let pipeline: Pipeline
    public let worker: WorkerCommand
    public let workFolder: URL
    public let jobs: Int

    public init(pipeline: Pipeline, worker: WorkerCommand, workFolder: URL, jobs: Int) {
        self.pipeline = pipeline
        self.worker = worker
        self.workFolder = workFolder
        self.jobs = jobs
    }

    /// Ingests `copies` distinct copies of `documents` (DOCX) `rounds` times each way, each
    /// time into an empty repository: what a person running `vnplan ingest` waits for.
    public func run(documents: [Data], copies: Int, rounds: Int) throws -> Figures {
        try? FileManager.default.removeItem(at: workFolder)
        let input = workFolder.appendingPathComponent("input")
        try ZipVariant.writeCopies(of: documents, count: copies, into: input)
        let files = try BatchInputs.expand([input.path])
        let repository = PlanRepository(root: workFolder.appendingPathComponent("repository"))
        var figures = Figures(documents: files.count, inProcess: [], workers: [], inProcessCPU: [], workersCPU: [])
        for _ in 0..<rounds {
            for isolation in [IngestOptions.Isolation.inProcess, .workers(worker)] {
                try? FileManager.default.removeItem(at: repository.root)
                let batch = try BatchIngest(pipeline: pipeline, options: IngestOptions(
                    repository: repository, jobs: jobs, isolation: isolation))
                var written = 0
                let processor = Self.processorSeconds()
                let seconds = try RepositoryBenchmark.seconds {
                    written = try batch.run(files).filter { $0.status == .written }.count
                }
                let cpu = Self.processorSeconds() - processor
                guard written == files.count else { throw BenchmarkFailure(converted: written, of: files.count) }
                if case .inProcess = isolation {
                    figures.inProcess.append(seconds)
                    figures.inProcessCPU.append(cpu)
                } else {
                    figures.workers.append(seconds)
                    figures.workersCPU.append(cpu)
                }
            }
        }
        return figures
    }

    /// User and system time of this process and of its children that have ended.
    static func processorSeconds() -> Double {
        [RUSAGE_SELF, RUSAGE_CHILDREN].reduce(0) { total, who in
            var usage = rusage()
            getrusage(who.rawValue, &usage)
            return total + Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
    }

    public struct BenchmarkFailure: Error, CustomStringConvertible {
        var converted: Int
        var of: Int
        public var description: String { "only \(converted) of \(of) documents converted; the benchmark needs convertible DOCX files" }
    }
}
