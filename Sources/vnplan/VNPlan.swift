import ArgumentParser
import Foundation

@main
struct VNPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vnplan",
        abstract: "Turn Vietnamese administrative plans (DOCX, PDF, scans, old text extractions) into canonical JSON plans.",
        discussion: """
            Every file goes through the stages of pipeline.json: its format is sniffed by content, \
            a reader turns it into blocks of paragraphs and tables, the normalizer repairs the \
            Vietnamese text, and the table reconstructor turns task tables into plan rows.
            """,
        version: "0.1.0",
        subcommands: [
            Convert.self,
            Init.self,
            Ingest.self,
            Validate.self,
            Index.self,
            Query.self,
            SQL.self,
            Export.self,
            Restore.self,
            Inspect.self,
        ]
    )

    /// Usage errors exit with 2, as batch schedulers and shells expect (ArgumentParser's
    /// default is 64); 0 is success and 1 a failure of the work itself.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
