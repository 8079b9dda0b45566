import Foundation
import GRDB
import VNPlanModel

/// Reads changed plan files and writes their rows, inside one transaction.
struct PlanLoader {
    let repository: PlanRepository

    private struct FileState: Equatable {
        var size: Int64
        var modified: Int64
    }

    func load(into db: Database) throws -> IndexUpdate {
        var update = IndexUpdate()
        let listing = try JSONFileListing(under: repository.plansFolder)
        update.problems += listing.misnamed.map { path in
            ValidationIssue(file: relative(path), path: "$",
                            problem: "not indexed: " + JSONFileListing.misnamedProblem)
        }
        let onDisk = try currentFiles(listing.files)
        var indexed: [String: FileState] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT file, file_size, file_modified FROM plans") {
            indexed[row["file"]] = FileState(size: row["file_size"], modified: row["file_modified"])
        }
        for (file, state) in indexed where onDisk[file] != state {
            try db.execute(sql: "DELETE FROM plans WHERE file = ?", arguments: [file])
            if onDisk[file] == nil { update.removed += 1 }
        }
        let changed = onDisk.keys.filter { indexed[$0] != onDisk[$0] }.sorted()
        update.unchanged = onDisk.count - changed.count
        var units = try UnitTable(db)
        for (file, result) in zip(changed, decode(changed)) {
            switch result {
            case .success(let plan):
                do {
                    try insert(plan, file: file, state: onDisk[file]!, units: &units, into: db)
                    if indexed[file] == nil { update.added += 1 } else { update.updated += 1 }
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    let holder = try String.fetchOne(db, sql: "SELECT file FROM plans WHERE id = ?", arguments: [plan.id]) ?? "another file"
                    update.problems.append(ValidationIssue(file: file, path: "$.id",
                        problem: "id \"\(plan.id)\" is also the id of \(holder); each plan needs its own id"))
                }
            case .failure(let problems):
                update.problems += problems.issues
            }
        }
        try db.execute(sql: "DELETE FROM units WHERE id NOT IN (SELECT unit_id FROM assignments)")
        // Which plan stands for a document changes only when plans do; statistics let the
        // query planner start from the most selective filter.
        if update.added + update.updated + update.removed > 0 {
            try Self.markCopies(db)
            try db.execute(sql: "ANALYZE")
        }
        update.copies = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plans WHERE copy_of IS NOT NULL") ?? 0
        return update
    }

    /// Plan files by repository path, with their size and modification time.
    private func currentFiles(_ urls: [URL]) throws -> [String: FileState] {
        var files: [String: FileState] = [:]
        for url in urls {
            // stat(2) itself: Foundation's resource values cost half of an update that finds
            // nothing changed.
            var status = stat()
            guard stat(url.path, &status) == 0 else {
                throw RepositoryError.unreadable(path: url.path, reason: String(cString: strerror(errno)))
            }
            files[relative(url.path)] = FileState(
                size: Int64(status.st_size),
                modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
        }
        return files
    }

    /// "plans/…/x.json" for a path under the repository's root.
    private func relative(_ path: String) -> String {
        String(path.dropFirst(repository.root.path.count + 1))
    }

    private struct Rejected: Error {
        var issues: [ValidationIssue]
    }

    /// Reading is most of an index build's time; it runs on all cores. Each plan is read as
    /// strictly as `vnplan validate` reads it, its place in the repository included, so a
    /// hand-edited copy (invalid, or valid but lying where its id does not place it) is left
    /// out and can never take the id of the plan it copies.
    private func decode(_ files: [String]) -> [Result<Plan, Rejected>] {
        let validator = PlanValidator()
        var results = [Result<Plan, Rejected>](repeating: .failure(Rejected(issues: [])), count: files.count)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                let file = files[index]
                let issues: [ValidationIssue]
                do {
                    let checked = validator.check(try Data(contentsOf: repository.url(of: file)), file: file,
                                                  repositoryPath: file)
                    if let plan = checked.plan { return slots[index] = .success(plan) }
                    issues = checked.issues
                } catch {
                    issues = [ValidationIssue(file: file, path: "$", problem: "cannot be read (\(PlanValidator.reason(error)))")]
                }
                slots[index] = .failure(Rejected(issues: issues.map { issue in
                    var issue = issue
                    issue.problem = "not indexed: " + issue.problem
                    return issue
                }))
            }
        }
        return results
    }

    private func insert(_ plan: Plan, file: String, state: FileState, units: inout UnitTable, into db: Database) throws {
        let document = plan.document
        try PlanRow(
            id: plan.id, file: file, fileSize: state.size, fileModified: state.modified,
            sha256: plan.source.sha256, format: plan.source.format.rawValue, ocr: plan.source.ocr,
            issuer: document.issuer, issuerFolded: document.issuer.map(Self.fold), type: document.type,
            number: document.number, date: document.date, year: document.date.flatMap { Int($0.prefix(4)) },
            title: document.title, signer: document.signer?.name,
            taskCount: plan.tasks.count, indicatorCount: plan.indicators.count, warningCount: plan.warnings.count,
            documentKey: plan.documentKey
        ).insert(db)

        let sectionTitles = Dictionary(plan.sections.map { ($0.path, $0.title) }, uniquingKeysWith: { first, _ in first })
        for (seq, task) in plan.tasks.enumerated() {
            let sectionTitle = task.section.flatMap { sectionTitles[$0] }
            let taskId = try TaskRow(
                planId: plan.id, seq: seq, path: task.path, section: task.section, sectionTitle: sectionTitle,
                number: task.number, objective: task.objective, task: task.task, activity: task.activity,
                outputs: Self.list(task.outputs), lead: Self.list(task.lead), support: Self.list(task.support),
                deadline: task.deadline, funding: task.funding, note: task.note, confidence: task.confidence
            ).insert(db)
            try units.assign(task.lead, role: "lead", plan: plan.id, task: taskId, db: db)
            try units.assign(task.support, role: "support", plan: plan.id, task: taskId, db: db)
            if let deadline = task.deadline {
                for (index, step) in ([deadline] + deadline.milestones).enumerated() {
                    try DeadlineRow(taskId: taskId, planId: plan.id, seq: index, deadline: step).insert(db)
                }
            }
            let words = [sectionTitle, task.objective, task.task, task.activity, task.note, task.deadline?.text]
                .compactMap { $0 } + task.outputs + task.lead + task.support
            try TaskSearchRow(taskId: taskId, text: words.joined(separator: " \n ")).insert(db)
        }

        for (seq, indicator) in plan.indicators.enumerated() {
            let indicatorId = try IndicatorRow(planId: plan.id, seq: seq, indicator: indicator).insert(db)
            for (names, role) in [(indicator.lead, "lead"), (indicator.support, "support"), (indicator.evaluator, "evaluator")] {
                try units.assign(names, role: role, plan: plan.id, indicator: indicatorId, db: db)
            }
        }
    }

    /// Files of one document (the same issuer, number and date) count once: the plan read
    /// most exactly stands for it (a DOCX before its PDF, a born-digital PDF before a scan,
    /// then the smaller source hash, so the choice never depends on the order of arrival),
    /// and the others are its copies.
    static func markCopies(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE plans SET copy_of = (
                SELECT stands.id FROM plans stands
                WHERE stands.document_key = plans.document_key
                ORDER BY stands.ocr, CASE stands.format WHEN 'docx' THEN 0 WHEN 'pdf' THEN 1 WHEN 'text' THEN 2 ELSE 3 END,
                         stands.sha256
                LIMIT 1)
            WHERE document_key IS NOT NULL;
            UPDATE plans SET copy_of = NULL WHERE copy_of = id;
            """)
    }

    /// The form names are matched in: no diacritics, đ as d, lower case.
    static func fold(_ text: String) -> String {
        text.foldingDiacritics.lowercased()
    }

    /// A list of names as the index stores it: a JSON array (SQLite's json_each reads it),
    /// null when empty.
    static func list(_ names: [String]) -> String? {
        names.isEmpty ? nil : "[" + names.map(CanonicalJSON.quote).joined(separator: ",") + "]"
    }
}

/// The units table, with the ids already known, so each unit name is stored once.
private struct UnitTable {
    private var ids: [String: Int64] = [:]

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM units") { ids[row["name"]] = row["id"] }
    }

    mutating func assign(_ names: [String], role: String, plan: String, task: Int64? = nil, indicator: Int64? = nil,
                         db: Database) throws {
        for name in names {
            try AssignmentRow(unitId: try id(of: name, db: db), role: role, planId: plan,
                              taskId: task, indicatorId: indicator).insert(db)
        }
    }

    private mutating func id(of name: String, db: Database) throws -> Int64 {
        if let id = ids[name] { return id }
        let id = try UnitRow(name: name, folded: PlanLoader.fold(name), canonical: UnitName.canonicalKey(name),
                             kind: UnitName.kind(of: name).rawValue).insert(db)
        ids[name] = id
        return id
    }
}
