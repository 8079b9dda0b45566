import Foundation
import Testing
import VNPlanModel
import VNPlanRepository

/// The edges a user touches, through the built `vnplan` executable: standard input and output,
/// exit codes, errors in words, and the analyst's CSV read by DuckDB and pandas.
@Suite struct CommandLineTests {
    /// The executable `swift build` and `swift test` put beside the test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("vnplan")
    static let samples = Fixtures.projectRoot.appendingPathComponent("samples")

    struct Run {
        var status: Int32
        var output: Data
        var errors: String
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    static func run(_ arguments: [String], input: URL? = nil, in folder: URL? = nil,
                    program: URL = executable) throws -> Run {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while the process runs, so neither fills and blocks it.
        let errorData = Collected()
        let errorReader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: data,
                   errors: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// The samples' reviewed plans and the seed plans (many tasks, some with line breaks in
    /// their cells), stored and indexed.
    static func analystRepository() throws -> (repository: PlanRepository, tasks: Int) {
        let repository = PlanRepository(root: try Fixtures.temporaryFolder("analyst"))
        let store = PlanStore(repository: repository)
        var tasks = 0
        for file in try PlanRepository.jsonFiles(under: samples.appendingPathComponent("expected")) {
            let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: file))
            try store.store(plan, original: nil, originalExtension: "docx")
            tasks += plan.tasks.count
        }
        #expect(try PlanIndex(repository: repository).update().problems == [])
        return (repository, tasks)
    }

    /// `inspect --draw` writes one PNG a page for a PDF (its rendering under the overlays) and
    /// for a scan (what OCR read, at 100 dpi of the prepared page), and refuses a DOCX.
    @Test func inspectDrawsThePagesOfAPDFAndOfAScan() throws {
        let folder = try Fixtures.temporaryFolder("drawings")
        for (sample, pages) in [("kh-xa-hoa-binh-2026.pdf", 3), ("kh-xa-hoa-binh-2026.scan.png", 1)] {
            let run = try Self.run(["inspect", Self.samples.appendingPathComponent(sample).path, "--draw", folder.path])
            #expect(run.status == 0, "\(sample): \(run.errors)")
            let stem = (sample as NSString).deletingPathExtension
            for page in 1...pages {
                let drawing = try Data(contentsOf: folder.appendingPathComponent("\(stem)-page-\(page).png"))
                #expect(drawing.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(sample) page \(page)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(stem)-page-\(pages + 1).png").path))
        }
        // The scan (2480 × 1500 pixels at 300 dpi) is drawn at 100 dpi.
        let scan = try Data(contentsOf: folder.appendingPathComponent("kh-xa-hoa-binh-2026.scan-page-1.png"))
        let header = [UInt8](scan.prefix(24))  // the IHDR's width and height, big-endian, at 16 and 20
        let side = { (at: Int) in header[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(side(16) == 827 && side(20) == 500)
        let docx = try Self.run(["inspect", Self.samples.appendingPathComponent("kh-xa-hoa-binh-2026.docx").path, "--draw", folder.path])
        #expect(docx.status == 1)
        #expect(docx.errors == "error: kh-xa-hoa-binh-2026.docx: --draw shows the pages of a PDF or a scan; this file has none\n")
    }

    /// The python3 a person would run: the first on PATH.
    static let hasPython = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") } ?? false

    @Test(.enabled(if: hasPython, "python3 is not installed"))
    func duckDBAndPandasReadTheCSVExportAsVNPlanAnswers() throws {
        let (repository, taskCount) = try Self.analystRepository()
        #expect(taskCount > 200)
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let csv = repository.root.appendingPathComponent("tasks.csv")
        let export = try Self.run(["export", "--repo", repository.root.path, "--format", "csv", "--table", "tasks", "-o", csv.path])
        #expect(export.status == 0, "\(export.errors)")

        let unit = "trung tam phuc vu hanh chinh cong"
        let query = try Self.run(["query", "--repo", repository.root.path, "--lead", unit, "--format", "json"])
        #expect(query.status == 0, "\(query.errors)")
        let rows = try JSONDecoder().decode([[String: JSONValue]].self, from: query.output)
        // Lists stay lists in JSON.
        #expect(rows.allSatisfy { if case .array = $0["lead"] { true } else { false } })
        let indexed = try PlanIndex(repository: repository).select("SELECT count(*) FROM tasks").rows
        #expect(indexed == [[.integer(taskCount)]])
        #expect(rows.count > 0)

        let answers = try Self.run(["python3", Fixtures.projectRoot.appendingPathComponent("scripts/analyst_answers.py").path,
                                    csv.path, unit], program: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(answers.status == 0, "\(answers.errors); install DuckDB and pandas with make deps")
        struct Answer: Decodable, Equatable { var rows: Int; var led: Int }
        let read = try JSONDecoder().decode([String: Answer].self, from: answers.output)
        #expect(read == ["duckdb": Answer(rows: taskCount, led: rows.count), "pandas": Answer(rows: taskCount, led: rows.count)])

        // query and export name their columns alike.
        let header = String(decoding: try Data(contentsOf: csv).dropFirst(3), as: UTF8.self).prefix { $0 != "\r\n" }
        let exported = Set(header.split(separator: ",").map(String.init))
        #expect(Set(rows[0].keys).isSubset(of: exported))
    }

    /// pandas (with openpyxl) reads from the xlsx export the rows and values of the CSV
    /// export, dates as dates; each sheet's header is frozen and filtered.
    @Test(.enabled(if: hasPython, "python3 is not installed"))
    func pandasReadsTheXLSXExportAsTheCSV() throws {
        let (repository, taskCount) = try Self.analystRepository()
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let workbook = repository.root.appendingPathComponent("plans.xlsx")
        let export = try Self.run(["export", "--repo", repository.root.path, "--format", "xlsx", "-o", workbook.path])
        #expect(export.status == 0, "\(export.errors)")
        // The same plans give the same bytes.
        let again = repository.root.appendingPathComponent("again.xlsx")
        _ = try Self.run(["export", "--repo", repository.root.path, "--format", "xlsx", "-o", again.path])
        #expect(try Data(contentsOf: again) == Data(contentsOf: workbook))
        for table in ExportTable.allCases {
            let csv = repository.root.appendingPathComponent("\(table.rawValue).csv")
            let exported = try Self.run(["export", "--repo", repository.root.path, "--format", "csv", "--table", table.rawValue,
                                         "-o", csv.path])
            #expect(exported.status == 0, "\(exported.errors)")
            let read = try Self.run(["python3", Fixtures.projectRoot.appendingPathComponent("scripts/xlsx_matches_csv.py").path,
                                     workbook.path, table.rawValue, csv.path], program: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(read.status == 0, "\(read.errors); install pandas and openpyxl with make deps")
            struct Reading: Decodable { var rows: [Int]; var columns: [[String]]; var differences: Int; var first: [[JSONValue]]
                                        var frozen: String?; var filtered: Bool }
            let reading = try JSONDecoder().decode(Reading.self, from: read.output)
            #expect(reading.rows[0] == reading.rows[1], "\(table)")
            if table == .tasks { #expect(reading.rows[0] == taskCount) }
            #expect(reading.columns[0] == reading.columns[1], "\(table)")
            #expect(reading.differences == 0, "\(table): \(reading.first)")
            #expect(reading.frozen == "A2" && reading.filtered, "\(table)")
        }
    }

    /// A plan kept in a repository is shown with the rows cut from the original its
    /// `sources/` keeps; the same plan elsewhere says on standard error why it has none.
    @Test func showFindsTheOriginalInTheRepository() throws {
        let folder = try Fixtures.temporaryFolder("show")
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = folder.appendingPathComponent("ke-hoach")
        #expect(try Self.run(["init", repository.path]).status == 0)
        let ingest = try Self.run(["ingest", Self.samples.appendingPathComponent("kh-xa-hoa-binh-2026.pdf").path, "--repo", repository.path])
        #expect(ingest.status == 0, "\(ingest.errors)")
        let plan = try #require(PlanRepository(root: repository).planFiles().first)
        let tasks = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: plan)).tasks.count
        let shown = try Self.run(["show", plan.path, "--to", "html"])
        #expect(shown.status == 0 && shown.errors.isEmpty, "\(shown.errors)")
        #expect(shown.text.components(separatedBy: "data:image/png;base64,").count - 1 == tasks)

        let elsewhere = folder.appendingPathComponent("plan.json")
        try FileManager.default.copyItem(at: plan, to: elsewhere)
        let alone = try Self.run(["show", elsewhere.path, "-o", folder.appendingPathComponent("plan.html").path])
        #expect(alone.status == 0)
        #expect(alone.errors.hasPrefix("plan.json: no pictures of the rows: the original document is not at hand"), "\(alone.errors)")
        let markdown = try Self.run(["show", elsewhere.path])
        #expect(markdown.text.hasPrefix("# ") && markdown.errors.isEmpty)
        let notAPlan = try Self.run(["show", Self.samples.appendingPathComponent("expected").path])
        #expect(notAPlan.status == 1)
    }

    /// `diff` as diff(1): 0 when alike (a DOCX and its PDF give the same tasks), 1 when they
    /// differ, each difference said.
    @Test func diffExitsAsDiffDoes() throws {
        let docx = Self.samples.appendingPathComponent("kh-huyen-an-phu-2026.docx").path
        let alike = try Self.run(["diff", docx, Self.samples.appendingPathComponent("kh-huyen-an-phu-2026.pdf").path])
        #expect(alike.status == 0, "\(alike.text)\(alike.errors)")
        #expect(alike.text.contains("tasks: 0 added, 0 removed, 0 changed, 30 unchanged"))
        let other = Self.samples.appendingPathComponent("expected/qd-phuong-cam-thanh-2025.json").path
        let differ = try Self.run(["diff", docx, other, "--format", "json"])
        #expect(differ.status == 1, "\(differ.errors)")
        let report = try JSONDecoder().decode([String: JSONValue].self, from: differ.output)
        #expect(report["equal"] == .bool(false))
        // No task of the ward's decision is the district's, by content or by path.
        if case .array(let removed) = report["removed"], case .array(let added) = report["added"] {
            #expect(removed.count == 30 && added.count == 5)
        } else { Issue.record("no added or removed list") }
        #expect(try Self.run(["diff", docx]).status == 2)
    }

    /// `query --overdue` and `--due next-month` count from `--as-of`, as a person asks.
    @Test func queryAsksRelativeToADay() throws {
        let (repository, _) = try Self.analystRepository()
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let index = PlanIndex(repository: repository)
        func count(_ arguments: [String]) throws -> Int {
            let run = try Self.run(["query", "--repo", repository.root.path, "--format", "jsonl"] + arguments)
            #expect(run.status == 0, "\(run.errors)")
            return run.text.split(separator: "\n").count
        }
        let overdue = try index.select("SELECT count(DISTINCT task_id) FROM deadlines WHERE due < '2026-03-15'").rows
        #expect(try [[.integer(count(["--overdue", "--as-of", "2026-03-15"]))]] == overdue)
        let april = try index.select("SELECT count(DISTINCT task_id) FROM deadlines WHERE due BETWEEN '2026-04-01' AND '2026-04-30'").rows
        #expect(try [[.integer(count(["--due", "next-month", "--as-of", "2026-03-15"]))]] == april)
        #expect(try Self.run(["query", "--repo", repository.root.path, "--as-of", "2026-02-30", "--overdue"]).status == 2)
    }

    @Test func reportAndCountsReadTheIndex() throws {
        let (repository, _) = try Self.analystRepository()
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let repo = repository.root.path
        let index = PlanIndex(repository: repository)
        let standing = try index.select("SELECT COUNT(*) FROM task_view WHERE copy_of IS NULL").rows
        guard case .integer(let tasks) = standing.first?.first else { Issue.record("no count"); return }
        let page = repository.root.appendingPathComponent("report.html")
        let html = try Self.run(["report", "--repo", repo, "--as-of", "2025-09-01", "-o", page.path])
        #expect(html.status == 0 && html.errors.isEmpty, "\(html.errors)")
        let written = try String(contentsOf: page, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>") && written.contains("<svg"))
        let markdown = try Self.run(["report", "--repo", repo, "--as-of", "2025-09-01"])
        #expect(markdown.text.hasPrefix("# Báo cáo kho kế hoạch, ngày 2025-09-01\n"))
        #expect(markdown.text.contains("\(tasks) nhiệm vụ"))
        #expect(try Self.run(["report", "--repo", repo, "--as-of", "2025-09-01"]).output == markdown.output)
        #expect(try Self.run(["report", "--repo", repo, "--soon", "0"]).status == 2)
        #expect(try Self.run(["report", "--repo", repo, "--as-of", "2025-13-01"]).status == 2)

        // Counted by lead, the tasks add up to the task-lead pairs of the index.
        let byLead = try Self.run(["query", "--repo", repo, "--count-by", "lead", "--format", "jsonl"])
        #expect(byLead.status == 0, "\(byLead.errors)")
        let counted = try byLead.text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let pairs = try index.select("""
            SELECT COUNT(*) FROM (SELECT DISTINCT a.task_id, u.canonical, u.kind FROM assignments a
                                  JOIN units u ON u.id = a.unit_id JOIN plans p ON p.id = a.plan_id
                                  WHERE a.role = 'lead' AND a.task_id IS NOT NULL AND p.copy_of IS NULL)
            """).rows
        #expect([[.integer(counted.compactMap { $0["tasks"] as? Int }.reduce(0, +))]] == pairs)
        #expect(counted.allSatisfy { ["unit", "person"].contains($0["kind"] as? String) })
    }

    /// A document that is not there is a usage error, exit 2, for every command that reads one.
    /// Every command's help is documentation: each option's default said once, no line cut.
    @Test func everyCommandsHelpStatesDefaultsOnce() throws {
        let overview = try Self.run(["--help"]).text
        let commands = overview.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return line.hasPrefix("  ") && !line.hasPrefix("    ") ? words.first.map(String.init) : nil
        } ?? []
        #expect(commands.count >= 10, "\(overview)")
        for command in commands {
            let help = try Self.run([command, "--help"])
            #expect(help.status == 0, "\(command)")
            let joined = help.text.replacingOccurrences(of: "\n", with: " ")
            for option in joined.components(separatedBy: "  --").dropFirst() {
                #expect(option.components(separatedBy: "(default: ").count <= 2, "vnplan \(command): --\(option)")
            }
        }
    }

    @Test func aMissingDocumentIsAUsageError() throws {
        for command in ["convert", "inspect", "show"] {
            let run = try Self.run([command, "/nonexistent/ke-hoach.docx"])
            #expect(run.status == 2, "\(command): \(run.errors)")
            #expect(run.errors == "error: /nonexistent/ke-hoach.docx: No such file or directory; check the path\n", "\(command)")
        }
    }

    @Test func convertReadsStandardInputAndWritesStandardOutput() throws {
        let document = Self.samples.appendingPathComponent("kh-xa-hoa-binh-2026.docx")
        let fromFile = try Self.run(["convert", document.path])
        let piped = try Self.run(["convert", "-", "-o", "-"], input: document)
        #expect(fromFile.status == 0 && piped.status == 0, "\(piped.errors)")
        let named = try JSONDecoder().decode(Plan.self, from: fromFile.output)
        var fromStandardInput = try JSONDecoder().decode(Plan.self, from: piped.output)
        #expect(fromStandardInput.source.file == "stdin")
        fromStandardInput.source.file = named.source.file
        #expect(fromStandardInput == named)

        let folder = try Self.run(["convert", Self.samples.path])
        #expect(folder.status == 1)
        #expect(folder.errors.contains("\(Self.samples.path): is a folder; convert reads one document"))
        #expect(!folder.errors.contains("NSCocoaErrorDomain"))
    }

    @Test func validateFailsWhenThereIsNothingToValidateOrNoPlan() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try Self.run(["validate", folder.path])
        #expect(empty.status == 1)
        #expect(empty.errors.contains("nothing to validate"))

        let docx = try Self.run(["validate", Self.samples.appendingPathComponent("kh-xa-hoa-binh-2026.docx").path])
        #expect(docx.status == 1)
        #expect(docx.text.contains("is not a plan"))

        let plan = try Data(contentsOf: Self.samples.appendingPathComponent("expected/kh-xa-hoa-binh-2026.json"))
        let cut = folder.appendingPathComponent("cut.json")
        try plan.prefix(300).write(to: cut)
        let truncated = try Self.run(["validate", "cut.json", "--format", "github"], in: folder)
        let lines = String(decoding: plan.prefix(300), as: UTF8.self).components(separatedBy: "\n")
        #expect(truncated.status == 1)
        let column = (lines.last?.count ?? 0) + 1
        #expect(truncated.text.hasPrefix("::error file=cut.json,line=\(lines.count),col=\(column),title=vnplan validate::$: is not valid JSON at line \(lines.count), column \(column): "))
        #expect(!truncated.text.contains("DecodingError"))

        let valid = folder.appendingPathComponent("ok.json")
        try plan.write(to: valid)
        #expect(try Self.run(["validate", valid.path]).status == 0)

        let named = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: named) }
        #expect(Fixtures.writeMisnamedFile(in: named, contents: plan))
        let misnamed = try Self.run(["validate", named.path])
        #expect(misnamed.status == 1)
        #expect(misnamed.text.contains("\u{FFFD}.json: $: the file name is not UTF-8 text"))
    }

    @Test func aFolderThatIsNotARepositoryIsRefusedAndLeftAlone() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["query"], ["index"], ["sql", "SELECT 1"], ["export"]] {
            let result = try Self.run(arguments + ["--repo", folder.path])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errors.contains("is not a plans repository"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func helpOfAnUnknownCommandIsAUsageError() throws {
        #expect(try Self.run(["help", "nosuch"]).status == 2)
        #expect(try Self.run(["help", "query"]).status == 0)
    }

    @Test func sqlStopsARunawayQueryWithAMessage() throws {
        let repository = try IndexTests.repository()
        try PlanIndex(repository: repository).update()
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
        let rows = try Self.run(["sql", "--repo", repository.root.path, endless + "SELECT x FROM n",
                                 "--max-rows", "5", "--format", "jsonl"])
        #expect(rows.status == 1)
        #expect(rows.text == (1...5).map { "{\"x\":\($0)}\n" }.joined())
        #expect(rows.errors.contains("stopped after 5 rows"))

        let forever = try Self.run(["sql", "--repo", repository.root.path, endless + "SELECT count(*) FROM n",
                                    "--timeout", "1", "--format", "json"])
        #expect(forever.status == 1)
        #expect(forever.text == "[]\n")
        #expect(forever.errors.contains("stopped after 1 s"))
    }
}

/// Data handed from a reading thread to the test.
final class Collected: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data ?? Data()
    }
}
