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
        let created = try repository.initialize().created
        #expect(created == [".git", ".gitignore", ".gitattributes", ".githooks/pre-commit", ".github/workflows/validate-plans.yml",
                            "schemas/plan.schema.json", "plans/.gitkeep", "sources/.gitkeep"])
        // git diff shows a plan's change as the change of its view.
        #expect(try Self.run(["git", "config", "diff.vnplan.textconv"], in: repository.root).output == "vnplan show --to md\n")
        #expect(try Self.run(["git", "check-attr", "diff", "plans/x/2026/y.json"], in: repository.root).output
                == "plans/x/2026/y.json: diff: vnplan\n")
        let status = try Self.run(["git", "status", "--porcelain", "--ignored"], in: repository.root).output
        let configuration = try Self.run(["git", "config", "--local", "--list"], in: repository.root).output
        #expect(try repository.initialize() == Initialization(), "a second init changes nothing")
        #expect(try Self.run(["git", "status", "--porcelain", "--ignored"], in: repository.root).output == status)
        #expect(try Self.run(["git", "config", "--local", "--list"], in: repository.root).output == configuration)
        #expect(try Self.run(["git", "config", "core.hooksPath"], in: repository.root).output == ".githooks\n")
        #expect(try Self.run(["git", "check-ignore", "-q", "index.sqlite"], in: repository.root).status == 0)

        // A valid plan commits.
        let plan = Fixtures.plan()
        try PlanStore(repository: repository).store(plan, original: nil, originalExtension: "docx")
        #expect(try Self.run(["git", "add", "-A"], in: repository.root).status == 0)
        let accepted = try Self.commit("Kế hoạch 169", in: repository.root)
        #expect(accepted.status == 0, "\(accepted.output)")

        // The schema the repository holds checks its plans without vnplan, calendar included.
        let schemaCheck = """
            import json, sys, jsonschema
            schema = json.load(open("schemas/plan.schema.json"))
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
            plan = json.load(open(sys.argv[1]))
            valid = validator.is_valid(plan)
            plan["document"]["date"] = "2025-02-30"
            print(valid, validator.is_valid(plan))
            """
        #expect(try Self.run(["python3", "-c", schemaCheck, plan.repositoryPath], in: repository.root).output == "True False\n")

        // A plan whose deadline contradicts its text does not.
        var broken = plan
        broken.tasks[1].deadline?.end = "2026-12-31"
        try AtomicFile.write(CanonicalJSON.encode(broken), to: repository.url(of: plan.repositoryPath))
        #expect(try Self.run(["git", "add", "-A"], in: repository.root).status == 0)
        let refused = try Self.commit("sửa hạn", in: repository.root)
        #expect(refused.status != 0)
        #expect(refused.output.range(of: #"\#(plan.repositoryPath):\d+:\d+: \$\.tasks\[1\]\.deadline\.end: is in 2026"#,
                                     options: .regularExpression) != nil, "\(refused.output)")
    }

    /// A hook the repository had keeps running, before vnplan's, and its verdict counts.
    @Test func anExistingHookIsChained() throws {
        let root = try Fixtures.temporaryFolder("init-hook")
        #expect(try Self.run(["git", "init", "--quiet"], in: root).status == 0)
        let hook = root.appendingPathComponent(".git/hooks/pre-commit")
        try FileManager.default.createDirectory(at: hook.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "#!/bin/sh\necho ran >> \"$(git rev-parse --show-toplevel)/.git/old-hook-ran\"\n[ ! -e refuse ]\n"
            .write(to: hook, atomically: true, encoding: .utf8)
        #expect(chmod(hook.path, 0o755) == 0)
        let repository = PlanRepository(root: root)
        let result = try repository.initialize()
        #expect(!result.created.contains(".git"))
        #expect(result.notes.contains { $0.contains("hooks/pre-commit still runs") }, "\(result.notes)")

        try PlanStore(repository: repository).store(Fixtures.plan(), original: nil, originalExtension: "docx")
        #expect(try Self.run(["git", "add", "-A"], in: root).status == 0)
        #expect(try Self.commit("Kế hoạch 169", in: root).status == 0)
        #expect(try String(contentsOf: root.appendingPathComponent(".git/old-hook-ran"), encoding: .utf8) == "ran\n")

        try "".write(to: root.appendingPathComponent("refuse"), atomically: true, encoding: .utf8)
        #expect(try Self.run(["git", "add", "-A"], in: root).status == 0)
        #expect(try Self.commit("bị từ chối", in: root).status != 0, "the old hook's refusal stands")
    }

    /// Another tool's hooks folder is kept; init says how to add vnplan's hook.
    @Test func anotherHooksPathIsKept() throws {
        let root = try Fixtures.temporaryFolder("init-husky")
        #expect(try Self.run(["git", "init", "--quiet"], in: root).status == 0)
        #expect(try Self.run(["git", "config", "core.hooksPath", ".husky"], in: root).status == 0)
        let result = try PlanRepository(root: root).initialize()
        #expect(try Self.run(["git", "config", "core.hooksPath"], in: root).output == ".husky\n")
        #expect(result.notes == ["core.hooksPath is .husky and was kept, so .githooks/pre-commit does not run; "
                                 + "call it from .husky/pre-commit, or run git config core.hooksPath .githooks"])
    }

    /// `init --lfs`: originals in sources/ go to Git LFS, plans stay text.
    @Test func largeOriginalsGoToLFS() throws {
        let root = try Fixtures.temporaryFolder("init-lfs")
        let result = try PlanRepository(root: root).initialize(lfs: true)
        #expect(try Self.run(["git", "check-attr", "filter", "sources/ab12.pdf", "sources/ab12.tif", "plans/x/2026/y.json"], in: root).output
                == "sources/ab12.pdf: filter: lfs\nsources/ab12.tif: filter: lfs\nplans/x/2026/y.json: filter: unspecified\n")
        if try Self.run(["git", "lfs", "version"], in: root).status == 0 {
            #expect(try Self.run(["git", "config", "filter.lfs.process"], in: root).output.contains("git-lfs"))
            #expect(result.notes.isEmpty, "\(result.notes)")
        } else {
            #expect(result.notes.contains { $0.hasPrefix("git-lfs is not installed") })
        }
    }

    /// pre-commit users add vnplan by its repository: the hook runs validate on plans only.
    @Test func preCommitHookDefinitionValidatesPlans() throws {
        let definition = Fixtures.projectRoot.appendingPathComponent(".pre-commit-hooks.yaml")
        let script = """
            import re, sys, yaml
            (hook,) = yaml.safe_load(open(sys.argv[1]))
            files = re.compile(hook["files"])
            print(hook["id"], hook["entry"], hook["language"],
                  bool(files.search("plans/ubnd-xa/2026/ubnd-xa-12-kh-ubnd-2026-01-15.json")), bool(files.search("sources/ab.pdf")))
            """
        let result = try Self.run(["python3", "-c", script, definition.path], in: Fixtures.projectRoot)
        #expect(result.output == "vnplan-validate vnplan validate -- system True False\n", "\(result.output)")
    }

    /// The record of a run names each file as the archivist gave it, relative paths relative,
    /// and every run keeps its own record.
    @Test func eachRunKeepsARecordNamingFilesAsGiven() throws {
        let folder = try Fixtures.temporaryFolder("records")
        let archive = folder.appendingPathComponent("luu-tru")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.projectRoot.appendingPathComponent("samples/kh-xa-hoa-binh-2026.docx"),
                                         to: archive.appendingPathComponent("kh-xa-hoa-binh-2026.docx"))
        #expect(try Self.run(["vnplan", "init", "ke-hoach"], in: folder).status == 0)
        let first = try Self.run(["vnplan", "ingest", "luu-tru", "--repo", "ke-hoach"], in: folder)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains(#"{"file":"luu-tru/kh-xa-hoa-binh-2026.docx","plan":"plans/"#), "\(first.output)")
        #expect(try Self.run(["vnplan", "ingest", "luu-tru/", "--repo", "ke-hoach"], in: folder).status == 0)
        let reports = folder.appendingPathComponent("ke-hoach/reports")
        let records = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        #expect(records.count == 2 && records.allSatisfy { $0.hasPrefix("ingest-") && $0.hasSuffix(".json") })
        let statuses = try records.map { name -> [String] in
            let record = try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent(name))) as? [String: Any]
            let entries = record?["entries"] as? [[String: Any]] ?? []
            return entries.map { "\($0["file"] ?? "") \($0["status"] ?? "")" }
        }
        #expect(Set(statuses) == [["luu-tru/kh-xa-hoa-binh-2026.docx written"], ["luu-tru/kh-xa-hoa-binh-2026.docx skipped"]])
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
            cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
            build = next(step for step in steps if step.get("name") == "Build vnplan")
            print(cache["with"]["key"], build["if"])
            """
        let result = try Self.run(["python3", "-c", script, file.path], in: folder)
        #expect(result.output == "['pull_request', 'push'] xargs vnplan validate --format github -- < \"$RUNNER_TEMP/changed\"\n"
                + "vnplan-${{ runner.os }}-${{ steps.version.outputs.commit }} steps.cache.outputs.cache-hit != 'true'\n")
    }
}

/// `vnplan diff --repo`: the plans of two git revisions, every differing plan file compared.
@Suite struct RevisionDiffTests {
    @Test func comparesThePlansOfTwoRevisions() throws {
        let repository = PlanRepository(root: try Fixtures.temporaryFolder("revisions"))
        try repository.initialize()
        let store = PlanStore(repository: repository)
        let kept = Fixtures.plan(), dropped = Fixtures.plan(number: "7/KH-UBND", seed: 2)
        for plan in [kept, dropped] { try store.store(plan, original: nil, originalExtension: "docx") }
        #expect(try InitTests.run(["git", "add", "-A"], in: repository.root).status == 0)
        #expect(try InitTests.commit("năm 2025", in: repository.root).status == 0)

        var changed = kept
        changed.tasks[1].lead = ["Phòng Tư pháp"]
        changed.tasks.removeLast()
        try store.store(changed, original: nil, originalExtension: "docx")
        try FileManager.default.removeItem(at: repository.url(of: dropped.repositoryPath))
        let added = Fixtures.plan(number: "9/KH-UBND", seed: 3)
        try store.store(added, original: nil, originalExtension: "docx")

        let root = repository.root.path
        // The working tree against the commit: the changed plan, the removed one, the new one (not yet in git).
        let onDisk = try CommandLineTests.run(["diff", "--repo", root, "HEAD", "--format", "json"])
        #expect(onDisk.status == 1, "\(onDisk.errors)")
        let reports = try #require(try JSONSerialization.jsonObject(with: onDisk.output) as? [[String: Any]])
        let byNew = Dictionary(uniqueKeysWithValues: reports.map { ($0["new"] as? String ?? "", $0) })
        #expect(reports.count == 3)
        #expect(byNew["/dev/null"]?["removed"] as? [String] == dropped.tasks.map(\.path))
        #expect(byNew[added.repositoryPath]?["added"] as? [String] == added.tasks.map(\.path))
        #expect(byNew[added.repositoryPath]?["old"] as? String == "/dev/null")
        let edited = try #require(byNew[kept.repositoryPath])
        #expect(edited["removed"] as? [String] == [kept.tasks.last!.path])
        #expect((edited["changed"] as? [[String: Any]])?.map { $0["path"] as? String } == [kept.tasks[1].path])

        #expect(try InitTests.run(["git", "add", "-A"], in: repository.root).status == 0)
        #expect(try InitTests.commit("năm 2026", in: repository.root).status == 0)
        let committed = try CommandLineTests.run(["diff", "--repo", root, "HEAD~1", "HEAD"])
        #expect(committed.status == 1)
        #expect(committed.text.contains("+++ HEAD:\(kept.repositoryPath)"))
        #expect(try CommandLineTests.run(["diff", "--repo", root, "HEAD"]).status == 0)
        #expect(try CommandLineTests.run(["diff", "--repo", root, "HEAD", "HEAD"]).text.isEmpty)
        let unknown = try CommandLineTests.run(["diff", "--repo", root, "no-such-revision"])
        #expect(unknown.status == 2 && unknown.errors.contains("no-such-revision"))
    }
}
