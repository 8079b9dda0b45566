import VNPlanModel

/// A plan as Markdown (pandoc's pipe tables): letterhead fields, legal basis, each section as
/// a heading over the table of its tasks, indicators, and the warnings a reviewer must see.
public enum PlanMarkdown {
    public static func render(_ plan: Plan) -> String {
        var out: [String] = []
        let document = plan.document
        out.append("# " + escaped(document.title ?? plan.id))
        out.append("")
        let facts: [(String, String?)] = [
            ("Cơ quan ban hành", document.issuer), ("Văn bản", PlanWording.heading(of: document)),
            ("Ngày", PlanWording.dateLine(of: document)),
            ("Người ký", document.signer.map { [$0.title, $0.name].compactMap { $0 }.joined(separator: " ") }),
            ("Nguồn", "\(plan.source.file) (\(plan.source.format.rawValue)\(plan.source.ocr ? ", OCR" : ""))"),
        ]
        for (label, value) in facts {
            if let value, !value.isEmpty { out.append("- **\(label):** \(escaped(value))") }
        }
        if !plan.warnings.isEmpty {
            out += ["", "> **Cảnh báo** (\(plan.warnings.count))"]
            out += plan.warnings.map { "> - " + escaped($0) }
        }
        if !plan.legalBasis.isEmpty {
            out += ["", "## Căn cứ", ""]
            out += plan.legalBasis.map { "- " + escaped($0.text) }
        }
        for part in PlanOutline(plan).parts {
            if let section = part.section {
                out += ["", String(repeating: "#", count: min(part.depth + 1, 6)) + " " + escaped(PlanWording.heading(of: section))]
            }
            guard !part.tasks.isEmpty else { continue }
            out += ["", "| Số | Nội dung | Sản phẩm | Chủ trì | Phối hợp | Thời hạn | Ghi chú |", "|---|---|---|---|---|---|---|"]
            for task in part.tasks {
                let work = PlanWording.work(of: task).map { "**\($0.label):** \(cell($0.text))" }.joined(separator: "<br>")
                let flag = task.confidence < PlanWording.uncertain ? " ⚠ \(task.confidence)" : ""
                let note = [task.funding.map { "Kinh phí: \($0)" }, task.note].compactMap { $0 }.joined(separator: "\n")
                let cells = [task.path + flag, work, cell(task.outputs.joined(separator: "\n")),
                             cell(PlanWording.units(task.lead, wording: task.leadText)),
                             cell(PlanWording.units(task.support, wording: task.supportText)),
                             cell(PlanWording.deadline(task.deadline)), cell(note)]
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        if !plan.indicators.isEmpty {
            out += ["", "## Chỉ tiêu", "", "| Số | Chỉ tiêu | Đơn vị tính | Chỉ tiêu đặt ra | Chủ trì | Phối hợp |", "|---|---|---|---|---|---|"]
            for indicator in plan.indicators {
                let cells = [indicator.path, cell(indicator.name), cell(indicator.unit ?? ""), cell(PlanWording.target(indicator.target)),
                             cell(PlanWording.units(indicator.lead, wording: indicator.leadText)),
                             cell(PlanWording.units(indicator.support, wording: indicator.supportText))]
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A table cell: its lines kept apart, its pipes not taken for column breaks.
    static func cell(_ text: String) -> String {
        escaped(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }

    /// Markdown's own marks in the document's words stay words.
    static func escaped(_ text: String) -> String {
        // The marks are ASCII: most texts have none and are returned as they are, the others
        // are walked by scalar (walking by Character costs grapheme breaking on every letter).
        guard text.utf8.contains(where: markBytes.contains) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII, markBytes.contains(UInt8(scalar.value)) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    private static let markBytes = Set("\\`*_[]<>#".utf8)
}
