import ArgumentParser
import Foundation
import VNPlanPipeline

/// The process `vnplan ingest` converts each document in; not for people to run.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert documents sent by vnplan ingest over standard input (internal).",
        discussion: """
            vnplan ingest starts one worker per job and sends it documents one at a time as \
            length-prefixed frames; a document that crashes, hangs or exhausts the memory \
            limit ends this process alone, and the batch starts another.
            """,
        shouldDisplay: false)

    func run() throws {
        let status = ConversionWorker.serve()
        if status != 0 { throw ExitCode(status) }
    }
}
