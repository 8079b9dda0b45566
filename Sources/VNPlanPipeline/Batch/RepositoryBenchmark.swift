import Foundation
import VNPlanModel
import VNPlanReaders
import VNPlanRepository

/// The repository benchmark of BENCHMARKS.md: ingest throughput on copies of real DOCX plans,
/// then index build time and query latency on a repository of many plans made by varying
/// real ones (issuer, number, date, and every year in them shifted together).
public struct RepositoryBenchmark: Sendable {
    public struct Figures: Sendable {
        public var documents: Int
        public var ingestSeconds: Double
        public var plans: Int
        public var tasks: Int
        public var indexBuildSeconds: Double
        public var unchangedUpdateSeconds: Double
        public var changedUpdateSeconds: Double
        public var queries: [(name: String, rows: Int, median: Double, p95: Double)]
    }

    public let pipeline: Pipeline
    public let workFolder: URL
    public let jobs: Int

    public init(pipeline: Pipeline, workFolder: URL, jobs: Int) {
        self.pipeline = pipeline
        self.workFolder = workFolder
        self.jobs = jobs
    }

    /// The questions timed, as an analyst would ask them.
    public static let questions: [(name: String, query: TaskQuery)] = [
        ("lead + due in a quarter", TaskQuery(lead: "trung tam phuc vu hanh chinh cong", due: try! DateSpan("2025-Q4"))),
        ("issuer + year + kind", TaskQuery(issuer: "cam thanh", year: 2026, kind: .period)),
        ("unit, first 100 rows", TaskQuery(unit: "van phong", limit: 100)),
        ("full text", TaskQuery(text: "so hoa ho so")),
        ("full text + lead + year", TaskQuery(lead: "ubnd", year: 2025, text: "thu tuc hanh chinh")),
    ]

    public func run(documents: [Data], copies: Int, basePlans: [Plan], plans: Int, repetitions: Int) throws -> Figures {
        try? FileManager.default.removeItem(at: workFolder)
        let input = workFolder.appendingPathComponent("input")
        try ZipVariant.writeCopies(of: documents, count: copies, into: input)
        let ingestRepository = PlanRepository(root: workFolder.appendingPathComponent("ingest"))
        let batch = try BatchIngest(pipeline: pipeline, options: IngestOptions(repository: ingestRepository, jobs: jobs))
        let files = try BatchInputs.expand([input.path])
        let ingestSeconds = try Self.seconds { _ = try batch.run(files) }

        let repository = PlanRepository(root: workFolder.appendingPathComponent("many"))
        let generated = try PlanVariations(basePlans: basePlans).write(plans, into: repository)
        let index = PlanIndex(repository: repository)
        let build = try Self.seconds { try index.update(rebuild: true) }
        let unchanged = try Self.seconds { try index.update() }
        for file in try repository.planFiles().prefix(100) {
            try AtomicFile.write(try Data(contentsOf: file) + Data("\n".utf8), to: file)
        }
        let changed = try Self.seconds { try index.update() }

        var queries: [(String, Int, Double, Double)] = []
        for (name, query) in Self.questions {
            var rows = 0
            var times: [Double] = []
            for _ in 0..<repetitions {
                times.append(try Self.seconds { rows = try index.tasks(matching: query).rows.count })
            }
            times.sort()
            queries.append((name, rows, times[times.count / 2], times[min(times.count - 1, Int(Double(times.count) * 0.95))]))
        }
        return Figures(documents: files.count, ingestSeconds: ingestSeconds, plans: plans, tasks: generated,
                       indexBuildSeconds: build, unchangedUpdateSeconds: unchanged, changedUpdateSeconds: changed,
                       queries: queries)
    }

    static func seconds(_ work: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(work)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// Many distinct plans from a few real ones: plan i takes base plan i mod n, another issuer
/// (one of 60), its own number, local unit names, and every year in it shifted by the same amount, so its
/// dates, deadlines and the years in its texts stay consistent with each other.
struct PlanVariations {
    let basePlans: [Plan]

    private static let places = ["Hòa Bình", "Cẩm Thành", "Phú Mỹ", "Tân Định", "Đông Hòa", "Bình An",
                                 "Thạnh Lộc", "An Khánh", "Quang Trung", "Nghĩa Đô", "Long Biên", "Đức Giang"]
    private static let kinds = ["UBND xã", "UBND phường", "UBND thị trấn", "UBND huyện", "UBND quận"]

    /// Writes `count` plans and returns how many tasks they hold.
    func write(_ count: Int, into repository: PlanRepository) throws -> Int {
        let encoder = JSONEncoder()
        let store = PlanStore(repository: repository)
        var tasks = 0
        for index in 0..<count {
            let base = basePlans[index % basePlans.count]
            let shift = index % 4 - 1
            let text = String(decoding: try encoder.encode(base), as: UTF8.self)
            var plan = try JSONDecoder().decode(Plan.self, from: Data(Self.shiftingYears(in: text, by: shift).utf8))
            let place = Self.places[index / 5 % Self.places.count]
            plan.document.issuer = "\(Self.kinds[index % Self.kinds.count]) \(place) \(index % 60)"
            // Most plans name their own local units ("Công an xã Hòa Bình"); some share names.
            if index % 3 != 0 {
                for task in plan.tasks.indices {
                    plan.tasks[task].lead = plan.tasks[task].lead.map { "\($0) \(place)" }
                    plan.tasks[task].support = plan.tasks[task].support.map { "\($0) \(place)" }
                }
            }
            plan.document.number = "\(index + 1)/KH-UBND"
            plan.source.sha256 = InputFile(name: "variation", data: Data("plan variation \(index)".utf8)).sha256
            plan.source.file = "variation-\(index).docx"
            plan.id = Plan.identifier(for: plan.document, sha256: plan.source.sha256)
            try store.store(plan, original: nil, originalExtension: "docx")
            tasks += plan.tasks.count
        }
        return tasks
    }

    /// Every year 1990–2099 written as four digits, shifted; 29 February becomes the 28th
    /// when the new year has no such day.
    static func shiftingYears(in text: String, by years: Int) -> String {
        guard years != 0 else { return text }
        let pattern = try! NSRegularExpression(pattern: "(?<![0-9])(19[9][0-9]|20[0-9]{2})(?![0-9])")
        var result = text
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let range = Range(match.range, in: text)!
            result.replaceSubrange(range, with: String(Int(text[range])! + years))
        }
        return result.replacingOccurrences(of: #"(\d{4})-02-29"#, with: "$1-02-28", options: .regularExpression)
    }
}
