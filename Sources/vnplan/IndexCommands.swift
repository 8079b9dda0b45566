import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanRepository
import VNPlanWriters

extension ResultFormat: ExpressibleByArgument {}
extension ExportTable: ExpressibleByArgument {}
extension Deadline.Kind: ExpressibleByArgument {}
extension TaskCount: ExpressibleByArgument {}

/// `--output`: standard output, or a file.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to this file instead of standard output (\"-\": standard output). A regular file is "
            + "replaced atomically; a FIFO, a device or a symbolic link's target is written through.",
        valueName: "file"))
    var output: String?

    func open() throws -> OutputFile { try OutputFile(path: output) }
}

/// `--format` and `--output`, shared by the commands that print rows.
struct ResultOptions: ParsableArguments {
    @Option(help: """
        table: aligned columns; json: one array, lists as lists; jsonl: one object per line; \
        csv: RFC 4180 for Excel, DuckDB and pandas (UTF-8 with BOM, CRLF, lists joined with "; ").
        """)
    var format: ResultFormat = .table

    @OptionGroup var outputOptions: OutputOptions

    /// Writes the answer row by row as it is read.
    func write(_ question: IndexQuestion, of repository: PlanRepository, limits: QueryLimits = .none) throws {
        try PlanIndex(repository: repository).write(question, as: format, limits: limits, to: try outputOptions.open())
    }
}

struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build or update the SQLite index of a repository (index.sqlite).",
        discussion: """
            The index is derived from plans/ alone: only plan files that changed since the last \
            run are read again, and --rebuild (or deleting index.sqlite) starts afresh. Each plan \
            is read as strictly as vnplan validate reads it: a plan with a problem, or a copy \
            lying where its id does not place it, is left out and reported (exit status 1), so \
            a copy never takes a genuine plan's id. Tables: \
            plans, tasks, units, assignments (a unit's role on a task or indicator), deadlines \
            (with milestones and the day each falls due), indicators, the view task_view, and \
            the full-text table task_search, whose words are stored without diacritics. Files \
            of one document (the same issuer, number and date; for a draft without them, the \
            same issuer, type, date and title) count once: the plan read most exactly (DOCX, \
            then PDF, text, scan) stands for it and the others have plans.copy_of set; \
            queries, counts and exported tasks leave the copies out. Lists \
            (outputs, lead, support, evaluator) are stored as JSON arrays.
            """)

    @OptionGroup var repositoryOptions: RepositoryOptions

    @Flag(help: "Discard the index and build it again from the plans.")
    var rebuild = false

    func run() throws {
        let started = Date()
        let repository = try repositoryOptions.existingRepository()
        // An ingest holds this lock while it stores a plan (and moves a colliding one aside):
        // the index reads the plans between two stores, never in the middle of one.
        let lock: RepositoryLock
        do { lock = try RepositoryLock(RepositoryLock.storeLock(of: repository.root)) }
        catch { throw CommandFailure(error.description) }
        do { try lock.lock { FileHandle.standardError.write(text: "waiting for an ingest to finish storing a plan…\n") } }
        catch { throw CommandFailure(error.description) }
        defer { lock.unlock() }
        let update = try PlanIndex(repository: repository).update(rebuild: rebuild)
        for problem in update.problems { FileHandle.standardError.write(text: "\(problem)\n") }
        print("\(update.added) added, \(update.updated) updated, \(update.removed) removed, "
              + "\(update.unchanged) unchanged, \(update.notIndexed) not indexed"
              + (update.copies > 0 ? ", \(update.copies) copies of another file's document (counted once)" : "") + " "
              + "(\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
        if !update.problems.isEmpty { throw ExitCode(1) }
    }
}

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find tasks across plans.",
        discussion: """
            Filters combine (all must hold). Names match anywhere, without regard to diacritics \
            or case: --lead "trung tam phuc vu" finds "Trung tâm Phục vụ hành chính công". \
            --due takes FROM..TO with YYYY, YYYY-MM or YYYY-MM-DD dates, an open end \
            ("..2025-06-30"), a quarter ("2025-Q4"), or a span counted from --as-of (default \
            today): overdue, next-month, next-30-days …; --overdue is --due overdue. A task \
            matches when its deadline or one of its milestones falls due in it (a plan records \
            no task as done, so overdue means due before that day). A document stored from \
            several files (a DOCX and its PDF) counts once: the tasks of its copies are left \
            out unless --include-copies. Reads index.sqlite: run vnplan index first. The \
            columns are named as in task_view and in vnplan export --table tasks.

            --count-by counts the matching tasks instead: by lead or support unit (the \
            wordings of one unit that differ only by a level suffix, "… huyện" or "… phường", \
            or by spelling count as one, shown in the wording used most; a person named where \
            a unit would be is a row of kind person), by issuer, or by the month a deadline \
            falls due.

            Examples: vnplan query --lead "Trung tâm Phục vụ hành chính công" --due 2025-Q4
                      vnplan query --lead "trung tam phuc vu" --overdue --as-of 2026-01-01
                      vnplan query --year 2026 --count-by lead
            """)

    @OptionGroup var repositoryOptions: RepositoryOptions

    @Option(help: "A unit that leads (chủ trì) the task.") var lead: String?
    @Option(help: "A unit that supports (phối hợp) the task.") var support: String?
    @Option(help: "A unit in any role.") var unit: String?
    @Option(help: "The issuing body of the plan.") var issuer: String?
    @Option(help: "The year of the plan's date.") var year: Int?
    @Option(help: ArgumentHelp("""
        The span the deadline falls due in: FROM..TO (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn; either \
        end may be left out), or relative to --as-of: overdue, this-month, next-month, \
        this-quarter, next-quarter, this-year, next-year, next-N-days.
        """, valueName: "span")) var due: String?
    @Flag(help: "Tasks whose deadline fell due before --as-of (the same as --due overdue).") var overdue = false
    @OptionGroup var asOfOption: AsOfOption
    @Option(help: "The deadline's kind: \(Deadline.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Deadline.Kind?
    @Option(help: "A phrase to find in the task's texts and units (diacritics optional).") var text: String?
    @Option(help: "At most this many rows.") var limit: Int?
    @Option(name: .customLong("count-by"), help: "Count the matching tasks by: \(TaskCount.allCases.map(\.rawValue).joined(separator: ", ")).")
    var countBy: TaskCount?
    @Flag(help: "Also the tasks of plans that are copies of another file of their document.")
    var includeCopies = false

    @OptionGroup var resultOptions: ResultOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        if overdue, due != nil { throw ValidationError("--overdue is --due overdue: give one of them") }
    }

    func run() throws {
        let span: DateSpan?
        let asOf = try asOfOption.day()
        do { span = try (overdue ? "overdue" : due).map { text throws(IndexError) in try DateSpan(text, asOf: asOf) } }
        catch { throw UsageFailure(error.description).exit }
        let query = TaskQuery(lead: lead, support: support, unit: unit, issuer: issuer, year: year,
                              due: span, kind: kind, text: text, limit: limit, includeCopies: includeCopies,
                              countBy: countBy)
        try resultOptions.write(.tasks(query), of: repositoryOptions.existingRepository())
    }
}

/// `--as-of DATE`: the day relative spans and "overdue" count from.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day relative spans count from (default: today), YYYY-MM-DD.", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of \(asOf): write a calendar date, YYYY-MM-DD") }
    }

    /// Today where the user is, unless --as-of says otherwise.
    func day() throws -> CalendarDate {
        if let asOf, let day = CalendarDate(iso: asOf) { return day }
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let year = today.year, let month = today.month, let day = today.day,
              let date = CalendarDate(year: year, month: month, day: day) else {
            throw CommandFailure("the system clock gives no calendar date; give --as-of YYYY-MM-DD")
        }
        return date
    }
}

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL query on the index.",
        discussion: """
            For every question the query filters do not cover. The index is opened read-only: \
            statements that would change it fail. Fold text for matching with the folded \
            columns (units.folded, plans.issuer_folded) or task_search; lists are JSON arrays \
            (json_each(t.lead) gives their items). Rows are written as they are read; a query \
            that returns more than --max-rows rows or runs longer than --timeout stops with a \
            message (exit status 1) after writing the rows it had. Example:
              vnplan sql "SELECT p.issuer, i.name, i.value FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE i.comparator = 'eq' AND i.value = 100"
            """)

    @OptionGroup var repositoryOptions: RepositoryOptions

    @Argument(help: "One SQL statement.") var statement: String

    @Option(help: "Stop after this many rows.") var maxRows = 1_000_000
    @Option(help: ArgumentHelp("Stop after this many seconds (0: no limit).", valueName: "seconds")) var timeout = 60.0

    @OptionGroup var resultOptions: ResultOptions

    func validate() throws {
        guard maxRows >= 1 else { throw ValidationError("--max-rows must be 1 or more") }
        guard (0...86_400).contains(timeout) else { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
    }

    func run() throws {
        let limits = QueryLimits(maxRows: maxRows, seconds: timeout > 0 ? timeout : nil)
        try resultOptions.write(.sql(statement), of: repositoryOptions.existingRepository(), limits: limits)
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export plans for DuckDB, Spark, BigQuery or Excel.",
        discussion: """
            --format jsonl without --table writes every plan whole, one per line, read from \
            plans/ (no index needed). With --table (plans, tasks, indicators) it writes that \
            table of the index, flat, as jsonl (lists as lists) or csv (RFC 4180, UTF-8 with \
            BOM, lists joined with "; "), with the column names of vnplan query. --format xlsx \
            writes an Excel workbook with a sheet per table (all three without --table): the \
            columns and values of the CSV, the header frozen and filtered, dates as dates, \
            long texts wrapped; it is written to a file (-o FILE.xlsx), or to standard output \
            when that is not a terminal.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, xlsx }

    @OptionGroup var repositoryOptions: RepositoryOptions

    @Option(help: "jsonl, csv or xlsx.") var format: Format = .jsonl
    @Option(help: "A table of the index: plans, tasks or indicators (csv needs one, default tasks; xlsx without one has all three).")
    var table: ExportTable?

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let repository = try repositoryOptions.existingRepository()
        if format == .xlsx, [nil, "-"].contains(outputOptions.output), isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("an xlsx workbook is binary: write it to a file with -o FILE.xlsx")
        }
        let output = try outputOptions.open()
        if format == .xlsx {
            let index = PlanIndex(repository: repository)
            let sheets = try (table.map { [$0] } ?? ExportTable.allCases).map { table in
                let rows = try index.export(table)
                return SpreadsheetWriter.Sheet(name: table.rawValue, columns: rows.columns, rows: rows.rows)
            }
            do { try output.write(try SpreadsheetWriter.workbook(sheets)) }
            catch let failure as SpreadsheetWriter.Failure { throw CommandFailure("\(outputOptions.output ?? "stdout"): \(failure)") }
            try output.commit()
        } else if format == .jsonl, table == nil {
            try repository.exportPlansAsJSONLines { try output.write($0) }
            try output.commit()
        } else {
            try PlanIndex(repository: repository).write(.export(table ?? .tasks), as: format == .csv ? .csv : .jsonl,
                                                        to: output)
        }
    }
}
