import Foundation
import VNPlanModel
import VNPlanRepository

/// Plans built in code with every field of the model filled, so that the validator, the
/// schema and the index see each field at least once.
enum Fixtures {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A stand-in hash whose leading digits (the ones ids and shards use) differ by seed.
    static func sha256(_ seed: Int) -> String {
        String(format: "%08x", seed) + String(repeating: "0", count: 56)
    }

    /// A plan of "UBND phường Cẩm Thành" with three sections, four tasks (one deadline of
    /// each dated kind, one recurring) and an indicator.
    static func plan(number: String = "169/KH-UBND", date: String = "2025-03-14", seed: Int = 1,
                     issuer: String = "UBND phường Cẩm Thành") -> Plan {
        let document = DocumentInfo(
            issuer: issuer, type: "Kế hoạch", number: number, date: date, place: "Cẩm Thành",
            title: "Kế hoạch kiểm soát thủ tục hành chính năm 2025",
            signer: Signer(title: "Chủ tịch", name: "Nguyễn Văn An"),
            adopts: AdoptedDocument(type: "Kế hoạch", number: "12/KH-UBND", date: "2025-01-10"))
        let sha = sha256(seed)
        return Plan(
            id: Plan.identifier(for: document, sha256: sha),
            source: PlanSource(file: "ke-hoach-169.docx", sha256: sha, format: .docx, pages: 4),
            document: document,
            legalBasis: [LegalCitation(type: "Nghị định", number: "63/2010/NĐ-CP", date: "2010-06-08",
                                       issuer: "Chính phủ", text: "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010")],
            sections: [Section(path: "I", number: "I", title: "Kiểm soát quy định thủ tục hành chính"),
                       Section(path: "II", number: "II", title: "Số hóa hồ sơ, kết quả giải quyết"),
                       Section(path: "II.1", number: "", title: "Nhiệm vụ thường xuyên")],
            tasks: [
                PlanTask(path: "I.1", section: "I", number: "1", objective: "Nâng cao chất lượng",
                         task: "Rà soát, đánh giá thủ tục hành chính",
                         activity: "Rà soát quy định có liên quan đến hoạt động kinh doanh",
                         outputs: ["Báo cáo kết quả rà soát"], lead: ["Văn phòng HĐND và UBND"],
                         support: ["Các phòng chuyên môn"],
                         deadline: Deadline(text: "Trước 30/01/2026 (theo Kế hoạch số 12/KH-UBND ngày 10/01/2025)",
                                            kind: .by, end: "2026-01-30"),
                         funding: "Ngân sách phường", note: "Báo cáo định kỳ",
                         source: RowSource(page: 2, table: 1, row: 3), confidence: 0.95),
                PlanTask(path: "II.1", section: "II", number: "1",
                         activity: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                         lead: ["Trung tâm Phục vụ hành chính công"], support: ["Công an phường"],
                         deadline: Deadline(text: "Quý IV năm 2025", kind: .period,
                                            start: "2025-10-01", end: "2025-12-31"),
                         source: RowSource(page: 3, table: 1, row: 5)),
                PlanTask(path: "II.2", section: "II.1", number: "2",
                         task: "Cập nhật, công khai thủ tục hành chính trên Cổng dịch vụ công",
                         lead: ["Trung tâm Phục vụ hành chính công"],
                         deadline: Deadline(text: "Hàng quý", kind: .recurring, every: "P3M"),
                         source: RowSource(table: 1, row: 6), confidence: 0.8),
                PlanTask(path: "II.3", section: "II", number: "3",
                         activity: "Tổ chức đối thoại với người dân",
                         lead: ["Ủy ban Mặt trận Tổ quốc"],
                         deadline: Deadline(text: "Ngày 15/8/2025 và 30/9/2025", kind: .by, end: "2025-09-30",
                                            milestones: [Deadline(text: "Ngày 15/8/2025", kind: .date,
                                                                  start: "2025-08-15", end: "2025-08-15"),
                                                         Deadline(text: "30/9/2025", kind: .date,
                                                                  start: "2025-09-30", end: "2025-09-30")]),
                         source: RowSource(table: 2, row: 2), confidence: 0.5),
            ],
            indicators: [Indicator(path: "1", number: "1", name: "Tỷ lệ thanh toán trực tuyến", unit: "%",
                                   target: Target(text: "100%", comparator: .eq, value: 100, unit: "%"),
                                   lead: ["Trung tâm Phục vụ hành chính công"], support: ["Công an phường"],
                                   evaluator: ["Văn phòng HĐND và UBND"])],
            normalization: NormalizationSummary(restoredTokens: 2, changedTokens: 7, legacyEncoding: "TCVN3"),
            warnings: ["Bảng 2 không có tiêu đề cột"])
    }

    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("vnplan-repository-tests", isDirectory: true)
            .appendingPathComponent("\(name.filter(\.isLetter))-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes a file named "\u{FF}.json" in raw bytes: a byte that is never UTF-8, as an old
    /// archive tool may leave in a name.
    static func writeMisnamedFile(in folder: URL, contents: Data) -> Bool {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/"), 0xFF] + Array(".json".utf8) + [0]
        let descriptor = path.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == contents.count
    }

    /// Runs the project's schema checker on the files: file path → whether the schema accepts it.
    static func schemaVerdicts(_ files: [URL]) throws -> [String: Bool] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", projectRoot.appendingPathComponent("scripts/check_schema.py").path]
            + files.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Line: Decodable { var file: String; var valid: Bool }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        var verdicts: [String: Bool] = [:]
        for line in lines {
            let verdict = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            verdicts[verdict.file] = verdict.valid
        }
        guard verdicts.count == files.count else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey:
                "scripts/check_schema.py answered for \(verdicts.count) of \(files.count) files; is python3-jsonschema installed?"])
        }
        return verdicts
    }
}

extension JSONValue {
    /// The tree with the value at `path` ("tasks", 0, "deadline") replaced, or removed when nil.
    func replacing(_ path: [any PathStep], with value: JSONValue?) -> JSONValue {
        guard let step = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.object(var members), let key as String):
            if rest.isEmpty, value == nil { members[key] = nil }
            else { members[key] = (members[key] ?? .null).replacing(rest, with: value) }
            return .object(members)
        case (.array(var items), let index as Int):
            items[index] = items[index].replacing(rest, with: value)
            return .array(items)
        default:
            preconditionFailure("no \(step) in \(self)")
        }
    }

    static func of(_ plan: Plan) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: CanonicalJSON.encode(plan))
    }
}

protocol PathStep: Sendable {}
extension String: PathStep {}
extension Int: PathStep {}
