import ArgumentParser
import Foundation
import VNPlanRepository

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a folder a plans repository, ready for ingest and CI.",
        discussion: """
            Runs git init (unless the folder is a git repository already) and adds: plans/ and \
            sources/, a .gitignore for the derived index, a pre-commit hook \
            (.githooks/pre-commit, enabled with core.hooksPath) and a GitHub Actions workflow \
            (.github/workflows/validate-plans.yml), both running vnplan validate on the plans a \
            change adds or modifies. Existing files are left untouched.
            """)

    @Argument(help: ArgumentHelp("The folder (created when missing).", valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let repository = PlanRepository(root: URL(fileURLWithPath: directory))
        let created = try repository.initialize()
        for path in created { print("created \(path)") }
        print("\(repository.root.path) is a plans repository; next: vnplan ingest <files or folders> --repo \(directory)")
    }
}
