import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

/// Real plans from `../shared/corpus/legal-vn.txt` (pipe-form tables; not committed), each
/// picked by its `# source:` address. The corpus holds the plans' bodies but rarely their
/// task appendices; these are the plans whose appendix tables it does hold. Counts were
/// verified by reading the documents.
@Suite(.enabled(if: LegalCorpus.available)) struct LegalCorpusPlanTests {
    /// Kế hoạch 144/KH-UBND (Bắc Ninh): "Phân công thực hiện các chỉ tiêu", 6 targets under
    /// "I. Kinh tế số" and 13 under "II. Xã hội số", each with its chủ trì.
    @Test func bacNinhDigitalEconomyPlan() throws {
        let plan = try LegalCorpus.plan("Ke-hoach-144-KH-UBND-2025-phat-trien-kinh-te-so-va-xa-hoi-so-Bac-Ninh-2026-2030")
        #expect(plan.document.number == "144/KH-UBND")
        #expect(plan.document.date == "2025-11-24")
        #expect(plan.document.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
        #expect(plan.sections.map(\.path) == ["I", "II"])
        #expect(plan.indicators.count == 19)
        #expect(plan.indicators.filter { $0.path.hasPrefix("I.") }.count == 6)
        let first = try #require(plan.indicators.first)
        #expect((first.name, first.lead) == ("Kinh tế số chiếm 45% GRDP tỉnh.", ["Sở Tài chính"]))
        #expect((first.target?.comparator, first.target?.value, first.target?.unit) == (.eq, 45, "%"))
        #expect(plan.indicators.first { $0.path == "II.8" }?.lead == ["Văn phòng UBND tỉnh"])
        #expect(plan.legalBasis.count == 7)
    }

    /// Kế hoạch 157/KH-UBND (Cần Thơ): its appendix is a scoring grid, not a task table.
    @Test func canThoEmulationPlan() throws {
        let plan = try LegalCorpus.plan("Ke-hoach-157-KH-UBND-2025-phong-trao-thi-dua-chi-tra-tro-giup-xa-hoi-khong-dung-tien-mat-Can-Tho")
        #expect(plan.document.type == "Kế hoạch")
        #expect((plan.document.number, plan.document.date) == ("157/KH-UBND", "2025-11-18"))
        #expect(plan.document.signer?.name == "Nguyễn Thị Ngọc Điệp")
        #expect(plan.tasks.isEmpty)
        #expect(plan.warnings.contains { $0.hasPrefix("No plan table was found") })
        #expect(plan.legalBasis.map(\.number) == ["21/CT-TTg", "552/TB-VPCP"])
    }

    /// Quyết định 2813/QĐ-UBND (Đồng Nai): a decision whose appendix lists procedures to
    /// simplify; its legal basis cites seven documents.
    @Test func dongNaiSimplificationDecision() throws {
        let plan = try LegalCorpus.plan("Quyet-dinh-2813-QD-UBND-2025-phuong-an-don-gian-hoa-thu-tuc-hanh-chinh-linh-vuc-Nong-nghiep-Dong-Nai")
        #expect((plan.document.type, plan.document.number) == ("Quyết định", "2813/QĐ-UBND"))
        #expect(plan.document.issuer == "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI")
        #expect(plan.legalBasis.map(\.number) == ["72/2025/QH15", "63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP",
                                                  "66/NQ-CP", "02/2017/TT-VPCP", "49/KH-UBND"])
        #expect(plan.legalBasis.first?.type == "Luật")
        #expect(plan.tasks.isEmpty)
    }
}

enum LegalCorpus {
    static let file = PipelineFixtures.shared.appendingPathComponent("corpus/legal-vn.txt")
    static var available: Bool { FileManager.default.fileExists(atPath: file.path) }

    /// The document whose `# source:` address contains `slug`, as a text file.
    static func plan(_ slug: String) throws -> Plan {
        let corpus = try String(contentsOf: file, encoding: .utf8)
        let block = try #require(corpus.components(separatedBy: "\u{0C}\n").first {
            $0.hasPrefix("# source:") && $0.prefix(300).contains(slug)
        })
        return try PipelineFixtures.pipeline.convert(InputFile(name: slug + ".txt", data: Data(block.utf8)))
    }
}
