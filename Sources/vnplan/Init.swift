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
            (.github/workflows/validate-plans.yml, which caches its build of vnplan), both \
            running vnplan validate on the plans a change adds or modifies, and the plan schema \
            that validate applies (schemas/plan.schema.json) for other tools.

            What is there is respected: existing files are left untouched, a \
            .git/hooks/pre-commit keeps running (vnplan's hook runs it first), and a \
            core.hooksPath set by another tool is kept, with a note on how to add vnplan's \
            hook. Run on a plans repository, init changes nothing.
            """)

    @Argument(help: ArgumentHelp("The folder (created when missing).", valueName: "dir"))
    var directory: String = "."

    @Flag(help: "Keep the originals in sources/ (PDFs, scans, DOCX) in Git LFS: writes the attributes and runs git lfs install --local when git-lfs is installed.")
    var lfs = false

    func run() throws {
        let repository = PlanRepository(root: URL(fileURLWithPath: directory))
        let result = try repository.initialize(lfs: lfs)
        for path in result.created { print("created \(path)") }
        for note in result.notes { print("note: \(note)") }
        if result.created.isEmpty {
            print("\(repository.root.path) is a plans repository already; nothing was changed")
        } else {
            print("\(repository.root.path) is a plans repository; next: vnplan ingest <files or folders> --repo \(directory)")
        }
    }
}
