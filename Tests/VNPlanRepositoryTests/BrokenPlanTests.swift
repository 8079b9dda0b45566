import Foundation
import Testing
import VNPlanModel
@testable import VNPlanRepository

/// A plan with exactly one defect, the JSON path and words `vnplan validate` must report it
/// with, and whether JSON Schema can see the defect too (structure) or only vnplan (meaning).
struct BrokenPlan: CustomTestStringConvertible, Sendable {
    enum Layer: Sendable { case structure, meaning }

    var name: String
    var layer: Layer
    var path: String
    var problem: String
    var bytes: @Sendable () throws -> Data
    /// Where the plan claims to sit in a repository; the right place unless the case is about it.
    var repositoryPath: String?

    var testDescription: String { name }

    static func edited(_ name: String, _ layer: Layer, path: String, problem: String,
                       at step: [any PathStep], to value: JSONValue?) -> BrokenPlan {
        BrokenPlan(name: name, layer: layer, path: path, problem: problem, bytes: {
            let tree = try JSONValue.of(Fixtures.plan()).replacing(step, with: value)
            return try CanonicalJSON.encode(tree)
        }, repositoryPath: Fixtures.plan().repositoryPath)
    }

    static let corpus: [BrokenPlan] = [
        // Structure: JSON Schema rejects these as well.
        edited("unknown top-level key", .structure, path: "$.author", problem: "unknown key \"author\"",
               at: ["author"], to: .string("Phòng Tư pháp")),
        edited("unknown nested key", .structure, path: "$.tasks[0].deadline.due", problem: "unknown key \"due\"",
               at: ["tasks", 0, "deadline", "due"], to: .string("2026-01-30")),
        edited("missing top-level key", .structure, path: "$.warnings", problem: "missing key \"warnings\"",
               at: ["warnings"], to: nil),
        edited("missing nested key", .structure, path: "$.tasks[1].source.row", problem: "missing key \"row\"",
               at: ["tasks", 1, "source", "row"], to: nil),
        edited("text where a number belongs", .structure, path: "$.tasks[0].confidence", problem: "should be a number, found the text \"cao\"",
               at: ["tasks", 0, "confidence"], to: .string("cao")),
        edited("null where a list belongs", .structure, path: "$.tasks", problem: "not null",
               at: ["tasks"], to: .null),
        edited("unknown deadline kind", .structure, path: "$.tasks[1].deadline.kind", problem: "bad value",
               at: ["tasks", 1, "deadline", "kind"], to: .string("soon")),
        edited("other schema version", .structure, path: "$.schema", problem: "the plan format this vnplan reads is \"vnplan/plan@1\"",
               at: ["schema"], to: .string("vnplan/plan@2")),
        edited("hash that is not a SHA-256", .structure, path: "$.source.sha256", problem: "is not a SHA-256",
               at: ["source", "sha256"], to: .string("ABC123")),
        edited("date not written YYYY-MM-DD", .structure, path: "$.legalBasis[0].date", problem: "not a real date written YYYY-MM-DD",
               at: ["legalBasis", 0, "date"], to: .string("08/06/2010")),
        edited("empty text instead of an omitted value", .structure, path: "$.tasks[0].note", problem: "empty text",
               at: ["tasks", 0, "note"], to: .string("")),
        edited("repetition that is not an ISO period", .structure, path: "$.tasks[2].deadline.every", problem: "not an ISO 8601 period",
               at: ["tasks", 2, "deadline", "every"], to: .string("hàng quý")),
        edited("confidence above 1", .structure, path: "$.tasks[2].confidence", problem: "between 0 and 1",
               at: ["tasks", 2, "confidence"], to: .number(1.5)),
        edited("row counted from 0", .structure, path: "$.tasks[3].source.row", problem: "found 0; rows count from 1",
               at: ["tasks", 3, "source", "row"], to: .integer(0)),
        edited("negative token count", .structure, path: "$.normalization.changedTokens", problem: "cannot be negative, found -1",
               at: ["normalization", "changedTokens"], to: .integer(-1)),
        edited("date the calendar lacks", .structure, path: "$.document.date", problem: "\"2025-02-30\" is not a real date",
               at: ["document", "date"], to: .string("2025-02-30")),
        edited("leap day of a year that has none", .structure, path: "$.tasks[1].deadline.end", problem: "\"2025-02-29\" is not a real date",
               at: ["tasks", 1, "deadline", "end"], to: .string("2025-02-29")),
        BrokenPlan(name: "file cut short", layer: .structure, path: "$", problem: "not valid JSON", bytes: {
            let whole = try CanonicalJSON.encode(Fixtures.plan())
            return whole.prefix(whole.count / 2)
        }),

        // Meaning: well-formed, so JSON Schema accepts them; vnplan validate must not.
        edited("year no plan carries", .meaning, path: "$.document.date", problem: "outside the years a plan or a cited document carries",
               at: ["document", "date"], to: .string("1890-03-14")),
        edited("deadline ending before it starts", .meaning, path: "$.tasks[1].deadline", problem: "starts 2025-10-01 after it ends 2025-09-30",
               at: ["tasks", 1, "deadline", "end"], to: .string("2025-09-30")),
        edited("deadline in another year than its text", .meaning, path: "$.tasks[1].deadline.end",
               problem: "is in 2026, but the text \"Quý IV năm 2025\" names only 2025",
               at: ["tasks", 1, "deadline", "end"], to: .string("2026-12-31")),
        edited("deadline on another day than its text", .meaning, path: "$.tasks[0].deadline",
               problem: "names 2026-01-30, which is neither its start, end nor a milestone",
               at: ["tasks", 0, "deadline", "end"], to: .string("2026-01-31")),
        edited("due-by deadline without its day", .meaning, path: "$.tasks[0].deadline", problem: "is of kind \"by\" but has no end",
               at: ["tasks", 0, "deadline", "end"], to: nil),
        edited("repetition on a deadline that does not recur", .meaning, path: "$.tasks[1].deadline",
               problem: "is of kind \"period\" but has a repetition (every); only recurring deadlines repeat",
               at: ["tasks", 1, "deadline", "every"], to: .string("P3M")),
        edited("two tasks with one path", .meaning, path: "$.tasks[2].path", problem: "is already the path of tasks[1]",
               at: ["tasks", 2, "path"], to: .string("II.1")),
        edited("two sections with one path", .meaning, path: "$.sections[1].path", problem: "is already the path of sections[0]",
               at: ["sections", 1, "path"], to: .string("I")),
        edited("task without task or activity text", .meaning, path: "$.tasks[1]", problem: "has neither a task nor an activity",
               at: ["tasks", 1, "activity"], to: nil),
        edited("task in a section the plan lacks", .meaning, path: "$.tasks[0].section", problem: "names section \"IV\"",
               at: ["tasks", 0, "section"], to: .string("IV")),
        edited("citation later than the plan", .meaning, path: "$.legalBasis[0].date", problem: "after the plan's own date 2025-03-14",
               at: ["legalBasis", 0, "date"], to: .string("2025-06-01")),
        edited("comparator without a value", .meaning, path: "$.indicators[0].target", problem: "has a comparator but no value",
               at: ["indicators", 0, "target", "value"], to: nil),
        edited("more restored than changed tokens", .meaning, path: "$.normalization.restoredTokens", problem: "every restored token is a changed one",
               at: ["normalization", "restoredTokens"], to: .integer(9)),
        BrokenPlan(name: "file not where its id says", layer: .meaning, path: "$.id",
                   problem: "place it at plans/ubnd-phuong-cam-thanh/2025/", bytes: {
                       try CanonicalJSON.encode(Fixtures.plan())
                   }, repositoryPath: "plans/ubnd-phuong-cam-thanh/2024/ubnd-phuong-cam-thanh-169-kh-ubnd-2025-03-14.json"),
    ]
}

@Suite struct BrokenPlanTests {
    @Test func theReferencePlanIsValid() throws {
        let plan = Fixtures.plan()
        let issues = PlanValidator().validate(try CanonicalJSON.encode(plan), file: "ok.json",
                                              repositoryPath: plan.repositoryPath)
        #expect(issues == [])
        #expect(plan.repositoryPath == "plans/ubnd-phuong-cam-thanh/2025/ubnd-phuong-cam-thanh-169-kh-ubnd-2025-03-14.json")
    }

    @Test(arguments: BrokenPlan.corpus)
    func eachDefectIsReportedWhereItIs(_ broken: BrokenPlan) throws {
        let issues = PlanValidator().validate(try broken.bytes(), file: "broken.json", repositoryPath: broken.repositoryPath)
        #expect(issues.contains { $0.path == broken.path && $0.problem.contains(broken.problem) },
                "expected \(broken.path): …\(broken.problem)…, got \(issues)")
        #expect(issues.allSatisfy { $0.file == "broken.json" })
    }

    /// A CI user fixes a plan in one push: a wrong type, a date the calendar lacks, an unknown
    /// key and a defect of meaning are all reported by one run, in the file's order, each with
    /// its line and column and what was found.
    @Test func everyDefectOfAPlanIsReportedInOneRun() throws {
        let tree = try JSONValue.of(Fixtures.plan())
            .replacing(["tasks", 0, "confidence"], with: .string("high"))
            .replacing(["document", "date"], with: .string("2025-02-30"))
            .replacing(["reviewer"], with: .string("Phòng Tư pháp"))
            .replacing(["tasks", 2, "path"], with: .string("II.1"))
        let data = try CanonicalJSON.encode(tree)
        let issues = PlanValidator().validate(data, file: "broken.json", repositoryPath: nil)
        #expect(Set(issues.map(\.path)) == ["$.tasks[0].confidence", "$.document.date", "$.reviewer", "$.tasks[2].path"])
        #expect(issues.first { $0.path == "$.tasks[0].confidence" }?.problem == "should be a number, found the text \"high\"")
        let lines = issues.compactMap(\.line)
        #expect(lines.count == issues.count && lines == lines.sorted())
        let text = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for issue in issues {
            let line = try #require(issue.line), column = try #require(issue.column)
            let key = String(try #require(issue.path.split(separator: ".").last?.split(separator: "[").first))
            #expect(text[line - 1].dropFirst(column - 1).hasPrefix("\"\(key)\""), "\(issue) does not point at its key")
        }
    }

    /// An item that cannot stand (a task whose source lacks its row) hides none of the items
    /// after it.
    @Test func aBrokenItemHidesNoLaterOne() throws {
        let tree = try JSONValue.of(Fixtures.plan())
            .replacing(["tasks", 1, "source", "row"], with: nil)
            .replacing(["tasks", 3, "confidence"], with: .string("cao"))
        let issues = PlanValidator().validate(try CanonicalJSON.encode(tree), file: "broken.json", repositoryPath: nil)
        #expect(issues.map(\.path) == ["$.tasks[1].source.row", "$.tasks[3].confidence"], "\(issues)")
    }

    /// The schema rejects exactly the structural defects and accepts the plans that are only
    /// wrong in meaning; vnplan rejects all of them. Together: the schema never accepts what
    /// vnplan accepts differently, and never rejects a plan vnplan accepts.
    @Test func schemaAgreesWithTheValidator() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = folder.appendingPathComponent("reference.json")
        try CanonicalJSON.encode(Fixtures.plan()).write(to: reference)
        var files = [reference]
        for (index, broken) in BrokenPlan.corpus.enumerated() {
            let file = folder.appendingPathComponent("broken-\(index).json")
            try broken.bytes().write(to: file)
            files.append(file)
        }
        let verdicts = try Fixtures.schemaVerdicts(files)
        #expect(verdicts[reference.path] == true)
        for (index, broken) in BrokenPlan.corpus.enumerated() {
            let expected = broken.layer == .meaning
            #expect(verdicts[files[index + 1].path] == expected,
                    "\(broken.name): the schema should \(expected ? "accept" : "reject") it")
        }
    }
}
