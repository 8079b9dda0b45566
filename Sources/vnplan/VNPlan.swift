import ArgumentParser
import Foundation
import VNPlanPipeline

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
        version: VNPlanVersion.current,
        subcommands: [
            Convert.self,
            Show.self,
            Diff.self,
            Report.self,
            Init.self,
            Ingest.self,
            Validate.self,
            Index.self,
            Query.self,
            SQL.self,
            Export.self,
            Restore.self,
            Inspect.self,
            Worker.self,
        ]
    )

    /// Usage errors exit with 2, as batch schedulers and shells expect (ArgumentParser's
    /// default is 64); 0 is success and 1 a failure of the work itself.
    static func main() {
        if let unknown = unknownHelpTopic(Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(text: "error: \"\(unknown)\" is not a vnplan command; vnplan help lists them\n")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // Help, --version and a bare exit status are ArgumentParser's to print; every other
            // failure is in vnplan's style, "error: FILE: what is wrong" (a usage error with
            // the usage line under it).
            guard !(error is ExitCode), code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(text: "error: " + (message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message) + "\n")
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// The first name after "help" that is not a command (ArgumentParser prints the general
    /// help for it and exits 0, which hides a typo from a script).
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var command: any ParsableCommand.Type = Self.self
        for name in arguments.dropFirst() where !name.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == name }) else { return name }
            command = sub
        }
        return nil
    }
}
