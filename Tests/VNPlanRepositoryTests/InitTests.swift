import Foundation
import Testing
import VNPlanModel
@testable import VNPlanRepository

@Suite struct InitTests {
    /// Runs a command in `folder` with the built vnplan first on PATH; returns status and output.
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let built = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = built + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static func commit(_ message: String, in folder: URL) throws -> (status: Int32, output: String) {
        try run(["git", "-c", "user.name=Lưu trữ", "-c", "user.email=archive@example.invalid",
                 "commit", "--quiet", "-m", message], in: folder)
    }

    @Test func makesARepositoryWhoseHookRefusesABrokenPlan() throws {
        let repository = PlanRepository(root: try Fixtures.temporaryFolder("init"))
        let created = try repository.initialize()
        #expect(created == [".git", ".gitignore", ".gitattributes", ".githooks/pre-commit", ".github/workflows/validate-plans.yml",
                            "plans/.gitkeep", "sources/.gitkeep"])
        // git diff shows a plan's change as the change of its view.
        #expect(try Self.run(["git", "config", "diff.vnplan.textconv"], in: repository.root).output == "vnplan show --to md\n")
        #expect(try Self.run(["git", "check-attr", "diff", "plans/x/2026/y.json"], in: repository.root).output
                == "plans/x/2026/y.json: diff: vnplan\n")
        #expect(try repository.initialize() == [], "a second init changes nothing")
        #expect(try Self.run(["git", "config", "core.hooksPath"], in: repository.root).output == ".githooks\n")
        #expect(try Self.run(["git", "check-ignore", "-q", "index.sqlite"], in: repository.root).status == 0)

        // A valid plan commits.
        let plan = Fixtures.plan()
        try PlanStore(repository: repository).store(plan, original: nil, originalExtension: "docx")
        #expect(try Self.run(["git", "add", "-A"], in: repository.root).status == 0)
        let accepted = try Self.commit("Kế hoạch 169", in: repository.root)
        #expect(accepted.status == 0, "\(accepted.output)")

        // A plan whose deadline contradicts its text does not.
        var broken = plan
        broken.tasks[1].deadline?.end = "2026-12-31"
        try AtomicFile.write(CanonicalJSON.encode(broken), to: repository.url(of: plan.repositoryPath))
        #expect(try Self.run(["git", "add", "-A"], in: repository.root).status == 0)
        let refused = try Self.commit("sửa hạn", in: repository.root)
        #expect(refused.status != 0)
        #expect(refused.output.contains("\(plan.repositoryPath): $.tasks[1].deadline.end: is in 2026"), "\(refused.output)")
    }

    @Test func workflowIsValidYAMLRunningValidateOnChangedPlans() throws {
        let folder = try Fixtures.temporaryFolder("workflow")
        let file = folder.appendingPathComponent("validate-plans.yml")
        try RepositoryTemplate.workflow.write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, yaml
            workflow = yaml.safe_load(open(sys.argv[1]))
            steps = workflow["jobs"]["validate"]["steps"]
            print(sorted(workflow[True].keys()), steps[-1]["run"].splitlines()[-1])
            """
        let result = try Self.run(["python3", "-c", script, file.path], in: folder)
        #expect(result.output == "['pull_request', 'push'] xargs vnplan validate --format github -- < \"$RUNNER_TEMP/changed\"\n")
    }
}
