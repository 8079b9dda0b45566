import Foundation
import Testing
import VNPlanModel
@testable import VNPlanRepository

@Suite struct IndexTests {
    /// Three plans: the reference plan (2025), the same issuer's 2026 plan with its tasks a year
    /// later, and another issuer's plan whose units differ.
    static func repository() throws -> PlanRepository {
        let repository = PlanRepository(root: try Fixtures.temporaryFolder("index"))
        let store = PlanStore(repository: repository)
        var later = Fixtures.plan(number: "20/KH-UBND", date: "2026-01-05", seed: 2)
        for index in later.tasks.indices {
            later.tasks[index].deadline = Deadline(text: "Quý IV năm 2026", kind: .period, start: "2026-10-01", end: "2026-12-31")
        }
        var other = Fixtures.plan(number: "7/KH-UBND", date: "2025-02-01", seed: 3, issuer: "UBND xã Hòa Bình")
        other.tasks = other.tasks.map { task in
            var task = task
            task.lead = ["Công chức Văn phòng - Thống kê"]
            return task
        }
        for plan in [Fixtures.plan(), later, other] {
            try store.store(plan, original: Data("source \(plan.id)".utf8), originalExtension: "docx")
        }
        return repository
    }

    static func column(_ name: String, of table: ResultTable) -> [String] {
        let index = table.columns.firstIndex(of: name)!
        return table.rows.map { if case .string(let text) = $0[index] { text } else { "" } }
    }

    @Test func buildsFromThePlansAndAnswersTheAnalystsQuestion() throws {
        let repository = try Self.repository()
        let index = PlanIndex(repository: repository)
        let update = try index.update()
        #expect(update == IndexUpdate(added: 3))

        // Which tasks does Trung tâm Phục vụ hành chính công lead that fall due in Q4 2025?
        let due = try index.tasks(matching: TaskQuery(lead: "trung tam phuc vu hanh chinh cong", due: DateSpan("2025-Q4")))
        #expect(Self.column("path", of: due) == ["II.1"])
        #expect(Self.column("plan_id", of: due) == ["ubnd-phuong-cam-thanh-169-kh-ubnd-2025-03-14"])
        #expect(Self.column("deadline_text", of: due) == ["Quý IV năm 2025"])

        let recurring = try index.tasks(matching: TaskQuery(issuer: "cam thanh", year: 2025, kind: .recurring))
        #expect(Self.column("path", of: recurring) == ["II.2"])

        let supported = try index.tasks(matching: TaskQuery(support: "CÔNG AN", issuer: "Hòa Bình"))
        #expect(Self.column("path", of: supported) == ["II.1"])

        let byUnit = try index.tasks(matching: TaskQuery(unit: "thong ke"))
        #expect(Set(Self.column("plan_id", of: byUnit)) == ["ubnd-xa-hoa-binh-7-kh-ubnd-2025-02-01"])
        #expect(byUnit.rows.count == 4)
    }

    @Test func fullTextSearchFoldsDiacriticsAndD() throws {
        let index = PlanIndex(repository: try Self.repository())
        try index.update()
        let digitised = try index.tasks(matching: TaskQuery(year: 2025, text: "so hoa ho so"))
        // II.1 says it; II.3 sits in the section "Số hóa hồ sơ, kết quả giải quyết".
        #expect(Self.column("path", of: digitised) == ["II.1", "II.3", "II.1", "II.3"])
        #expect(Self.column("issuer", of: digitised) == ["UBND xã Hòa Bình", "UBND xã Hòa Bình",
                                                         "UBND phường Cẩm Thành", "UBND phường Cẩm Thành"])
        let dialogue = try index.tasks(matching: TaskQuery(year: 2026, text: "DOI THOAI"))
        #expect(Self.column("path", of: dialogue) == ["II.3"])
        // "đ" folds to "d" in both the text and the question.
        let withD = try index.tasks(matching: TaskQuery(text: "đối thoại", limit: 1))
        #expect(withD.rows.count == 1)
        #expect(try index.tasks(matching: TaskQuery(text: "so hoa ho so dat dai")).rows.isEmpty)
    }

    @Test func updatesIncrementallyAndRebuildsTheSame() throws {
        let repository = try Self.repository()
        let index = PlanIndex(repository: repository)
        try index.update()
        let everything = try index.select("SELECT * FROM task_view ORDER BY plan_id, seq")
        #expect(try index.update() == IndexUpdate(unchanged: 3))

        let files = try repository.planFiles()
        let originals = try files.map { try Data(contentsOf: $0) }
        var changed = try JSONDecoder().decode(Plan.self, from: originals[0])
        changed.tasks.removeLast()
        try AtomicFile.write(CanonicalJSON.encode(changed), to: files[0])
        try FileManager.default.removeItem(at: files[1])
        #expect(try index.update() == IndexUpdate(updated: 1, removed: 1, unchanged: 1))
        // 3 tasks left in the changed plan, none of the removed one's, 4 in the third plan.
        #expect(try index.select("SELECT count(*) AS n FROM tasks").rows == [[.integer(7)]])
        #expect(try index.select("SELECT count(*) AS n FROM task_search").rows == [[.integer(7)]])
        #expect(try index.select("SELECT count(*) AS n FROM deadlines WHERE plan_id LIKE '%2026%'").rows == [[.integer(0)]])

        // Back to the first plans, from nothing but the plan files: the same rows.
        for (file, data) in zip(files, originals) { try AtomicFile.write(data, to: file) }
        try index.update(rebuild: true)
        #expect(try index.select("SELECT * FROM task_view ORDER BY plan_id, seq") == everything)
    }

    @Test func sqlIsReadOnly() throws {
        let index = PlanIndex(repository: try Self.repository())
        try index.update()
        #expect(throws: IndexError.self) { try index.select("DELETE FROM plans") }
        #expect(try index.select("SELECT count(*) FROM plans").rows == [[.integer(3)]])
        let target = try index.select("SELECT name, value FROM indicators WHERE comparator = 'eq' AND value = 100 ORDER BY plan_id")
        #expect(target.rows.count == 3)
    }

    @Test func csvKeepsVietnameseForExcel() throws {
        let table = ResultTable(columns: ["unit", "note"], rows: [[.string("Trung tâm Phục vụ hành chính công"), .string("a, \"b\"")]])
        let csv = table.rendered(as: .csv)
        #expect(csv.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self) == "unit,note\r\nTrung tâm Phục vụ hành chính công,\"a, \"\"b\"\"\"\r\n")
        #expect(String(decoding: table.rendered(as: .jsonl), as: UTF8.self)
                == "{\"unit\":\"Trung tâm Phục vụ hành chính công\",\"note\":\"a, \\\"b\\\"\"}\n")
        let numbers = ResultTable(columns: ["n", "x", "none"], rows: [[.integer(3), .number(0.5), .null]])
        #expect(String(decoding: numbers.rendered(as: .json), as: UTF8.self) == "[\n  {\"n\":3,\"x\":0.5,\"none\":null}\n]\n")
    }

    @Test func dueSpans() throws {
        #expect(try DateSpan("2025-Q4") == DateSpan(start: "2025-10-01", end: "2025-12-31"))
        #expect(try DateSpan("2024-02") == DateSpan(start: "2024-02-01", end: "2024-02-29"))
        #expect(try DateSpan("2025-07-01..2026") == DateSpan(start: "2025-07-01", end: "2026-12-31"))
        #expect(try DateSpan("..2025-06-30") == DateSpan(start: "0000-01-01", end: "2025-06-30"))
        #expect(throws: IndexError.self) { try DateSpan("2025-13") }
        #expect(throws: IndexError.self) { try DateSpan("2026..2025") }
    }

    /// Spans said relative to a day, as a person asks: overdue, next month, the next 30 days.
    @Test func relativeDueSpans() throws {
        let day = try #require(CalendarDate(iso: "2026-12-07"))
        #expect(try DateSpan("overdue", asOf: day) == DateSpan(start: "0000-01-01", end: "2026-12-06"))
        #expect(try DateSpan("this-month", asOf: day) == DateSpan(start: "2026-12-01", end: "2026-12-31"))
        #expect(try DateSpan("next-month", asOf: day) == DateSpan(start: "2027-01-01", end: "2027-01-31"))
        #expect(try DateSpan("this-quarter", asOf: day) == DateSpan(start: "2026-10-01", end: "2026-12-31"))
        #expect(try DateSpan("next-quarter", asOf: day) == DateSpan(start: "2027-01-01", end: "2027-03-31"))
        #expect(try DateSpan("next-year", asOf: day) == DateSpan(start: "2027-01-01", end: "2027-12-31"))
        #expect(try DateSpan("next-30-days", asOf: day) == DateSpan(start: "2026-12-07", end: "2027-01-05"))
        let leap = try #require(CalendarDate(iso: "2028-02-28"))
        #expect(try DateSpan("next-2-days", asOf: leap) == DateSpan(start: "2028-02-28", end: "2028-02-29"))
        #expect(try DateSpan("2025-Q4", asOf: day) == DateSpan(start: "2025-10-01", end: "2025-12-31"))
        #expect(throws: IndexError.self) { try DateSpan("next-0-days", asOf: day) }
        #expect(throws: IndexError.self) { try DateSpan("next-99999-days", asOf: day) }
    }

    @Test func exportsEveryPlanWholeAsJSONLines() throws {
        let repository = try Self.repository()
        var lines: [Data] = []
        try repository.exportPlansAsJSONLines { lines.append($0) }
        #expect(lines.count == 3)
        let first = try JSONDecoder().decode(Plan.self, from: lines[0])
        #expect(first.id == "ubnd-phuong-cam-thanh-169-kh-ubnd-2025-03-14")
        #expect(lines.allSatisfy { $0.filter { $0 == 0x0A }.count == 1 })
    }
}

@Suite struct TrueCountTests {
    /// The reference plan stored from its DOCX, then from its PDF and a scan of it (other
    /// hashes, the same issuer, number and date), and a draft without number from two files.
    static func repository() throws -> PlanRepository {
        let repository = PlanRepository(root: try Fixtures.temporaryFolder("copies"))
        let store = PlanStore(repository: repository)
        let docx = Fixtures.plan()
        var pdf = Fixtures.plan(seed: 4)
        pdf.source.format = .pdf
        var scan = Fixtures.plan(seed: 5)
        scan.source.format = .pdf
        scan.source.ocr = true
        scan.tasks[1].lead = ["Trung tâm Phục vụ hành chính công phường"]
        var drafts: [Plan] = []
        for seed in [6, 7] {
            var draft = Fixtures.plan(seed: seed, issuer: "UBND xã Hòa Bình")
            draft.document.number = nil
            draft.id = Plan.identifier(for: draft.document, sha256: draft.source.sha256)
            draft.tasks[0].lead = ["Đỗ Mạnh Cường"]
            drafts.append(draft)
        }
        // The scan arrives first: which file stands for the document must not depend on it.
        for plan in [scan, pdf, docx] + drafts {
            try store.store(plan, original: nil, originalExtension: "docx")
        }
        return repository
    }

    @Test func aDocumentStoredFromSeveralFilesCountsOnce() throws {
        let index = PlanIndex(repository: try Self.repository())
        try index.update()
        let plans = try index.select("SELECT format, ocr, copy_of IS NULL AS stands FROM plans ORDER BY stands DESC, format, ocr")
        #expect(plans.rows.map { $0.map(\.flatText) } == [["docx", "0", "1"], ["docx", "0", "1"], ["docx", "0", "0"],
                                                             ["pdf", "0", "0"], ["pdf", "1", "0"]])
        let standing = try index.select("SELECT sha256 FROM plans WHERE copy_of IS NULL AND issuer LIKE '%Cẩm Thành%'")
        #expect(Self.strings(standing) == [Fixtures.sha256(1)])

        let tasks = try index.tasks(matching: TaskQuery())
        #expect(tasks.rows.count == 2 * Fixtures.plan().tasks.count)
        #expect(try index.tasks(matching: TaskQuery(includeCopies: true)).rows.count == 5 * Fixtures.plan().tasks.count)
        #expect(try index.export(.tasks).rows.count == tasks.rows.count)
        #expect(try index.export(.plans).rows.count == 5)
    }

    @Test func countsByUnitFoldTheLevelSuffixAndTellPersonsApart() throws {
        let index = PlanIndex(repository: try Self.repository())
        try index.update()
        let byLead = try index.tasks(matching: TaskQuery(includeCopies: true, countBy: .lead))
        let rows = Dictionary(uniqueKeysWithValues: byLead.rows.map { ($0[0].flatText, $0.map(\.flatText)) })
        // "… phường" (the scan's wording) and the plain name are one unit, shown as plans word it most.
        #expect(rows["Trung tâm Phục vụ hành chính công"]?.dropFirst() == ["unit", "10", "5", "2"])
        #expect(rows["Trung tâm Phục vụ hành chính công phường"] == nil)
        #expect(rows["Đỗ Mạnh Cường"]?.dropFirst() == ["person", "2", "2", "1"])

        let byIssuer = try index.tasks(matching: TaskQuery(countBy: .issuer))
        // The two drafts share issuer, type, date and title: one document.
        #expect(byIssuer.rows.map { $0.map(\.flatText) } == [["UBND phường Cẩm Thành", "1", "4"], ["UBND xã Hòa Bình", "1", "4"]])
        // II.3 falls due in August and September (its milestones): once in each month.
        let byMonth = try index.tasks(matching: TaskQuery(issuer: "cam thanh", countBy: .month))
        #expect(byMonth.rows.map { $0.map(\.flatText) } == [["2025-08", "1", "1"], ["2025-09", "1", "1"],
                                                            ["2025-12", "1", "1"], ["2026-01", "1", "1"]])
    }

    static func strings(_ table: ResultTable) -> [String] { table.rows.map { $0[0].flatText } }
}
