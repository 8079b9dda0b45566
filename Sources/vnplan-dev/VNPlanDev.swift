import ArgumentParser
import Foundation

/// The developers' commands, kept out of the product: benchmarks (release build) and the
/// language model's training and evaluation, which read corpora that do not ship with vnplan.
@main
struct VNPlanDev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vnplan-dev",
        abstract: "Development commands of vnplan: benchmarks and the restore stage's language model.",
        discussion: """
            Build with `swift build -c release --product vnplan-dev` for benchmarks; \
            BENCHMARKS.md has the commands and the figures they gave.
            """,
        subcommands: [BenchConvert.self, BenchIngest.self, BenchRepository.self, LanguageModelCommand.self, Twins.self]
    )
}
