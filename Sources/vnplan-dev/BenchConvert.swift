import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

struct BenchConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-convert",
        abstract: "Measure conversion speed and memory (build with -c release first).",
        discussion: """
            Converts every file given (folders are searched for .docx files) N times, \
            one document after another on one core, and prints documents per second, \
            megabytes per second and the peak resident memory of the process. \
            scripts/benchmark-docx.sh runs it next to pandoc on the same files.
            """)

    @Argument(help: ArgumentHelp("Files or folders to convert.", valueName: "path"))
    var paths: [String] = ["samples"]

    @Option(name: [.customShort("n"), .customLong("repeat")], help: "How many times to convert each file.")
    var repetitions: Int = 20

    @Flag(help: "Only sniff and read each file (the reader's speed): no normalizing, tables or JSON.")
    var readOnly = false

    @OptionGroup var pipelineOptions: PipelineOptions

    func validate() throws {
        guard repetitions > 0 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let pipeline = Pipeline(configuration: try pipelineOptions.loadConfiguration())
        let inputs = try documents().map { try InputFile(contentsOf: $0) }
        guard !inputs.isEmpty else { throw CommandFailure("no .docx files found in \(paths.joined(separator: ", "))") }
        let bytes = inputs.reduce(0) { $0 + $1.data.count }

        let clock = ContinuousClock()
        var tasks = 0
        let processorBefore = Self.processorSeconds()
        let elapsed = try clock.measure {
            for _ in 0..<repetitions {
                for input in inputs {
                    if readOnly {
                        _ = try pipeline.read(input)
                        continue
                    }
                    let plan = try pipeline.convert(input)
                    tasks += plan.tasks.count
                    _ = try CanonicalJSON.encode(plan)
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let documents = Double(inputs.count * repetitions)
        print("files:            \(inputs.count) (\(bytes / 1024) KB), each converted \(repetitions) times")
        print("tasks per round:  \(tasks / repetitions)")
        let processor = Self.processorSeconds() - processorBefore
        print(String(format: "documents/s:      %.1f (%.1f per processor second)", documents / seconds, documents / processor))
        print(String(format: "MB/s:             %.2f (%.2f per processor second)",
                     Double(bytes * repetitions) / 1_048_576 / seconds, Double(bytes * repetitions) / 1_048_576 / processor))
        print(String(format: "peak memory:      %.1f MB", Double(Self.peakResidentKilobytes()) / 1024))
    }

    private func documents() throws -> [URL] {
        var found: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw CommandFailure("\(path): no such file or folder")
            }
            if isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".docx") }
                found += names.sorted().map { url.appendingPathComponent($0) }
            } else {
                found.append(url)
            }
        }
        return found
    }

    /// User and system time of this process: on a loaded machine it still measures the work.
    static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func peakResidentKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}
