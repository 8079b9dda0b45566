import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

/// Each sample PDF is its DOCX printed by LibreOffice (`scripts/make-samples.py`): the PDF,
/// read through the Layout stage, must give the plan its DOCX gives; so must its Word-style
/// twin (`scripts/make-word-pdf.py`: the same pages with each face embedded three ways, whole,
/// subset and WinAnsi, switching fonts inside words as a Word export does).
@Suite struct PDFTwinTests {
    static func ruledTwins() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: PipelineFixtures.samples.path)
            .filter { $0.hasSuffix(".pdf") && !$0.contains("noborders") }
            .map { String($0.dropLast(4)) }.sorted()
    }

    /// "kh-xa-hoa-binh-2026.word" → its DOCX and its PDF.
    private func plans(_ name: String) throws -> (docx: Plan, pdf: Plan) {
        func plan(_ file: String) throws -> Plan {
            try PipelineFixtures.pipeline.convert(
                InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent(file)))
        }
        let document = name.prefix { $0 != "." }
        return (try plan("\(document).docx"), try plan("\(name).pdf"))
    }

    /// Task by task, field by field; provenance (page, table, row) and confidence aside.
    @Test(arguments: try ruledTwins())
    func pdfGivesTheTasksOfItsDOCX(name: String) throws {
        let (docx, pdf) = try plans(name)
        #expect(pdf.source.format == .pdf)
        #expect(pdf.tasks.count == docx.tasks.count)
        for (fromDOCX, fromPDF) in zip(docx.tasks, pdf.tasks) {
            var expected = fromDOCX, actual = fromPDF
            actual.source = expected.source
            actual.confidence = expected.confidence
            #expect(actual == expected, "task \(fromDOCX.path)")
        }
        #expect(pdf.sections == docx.sections)
        #expect(pdf.legalBasis == docx.legalBasis)
        #expect(pdf.document == docx.document)
        #expect(pdf.indicators.map(\.name) == docx.indicators.map(\.name))
        #expect(pdf.warnings == docx.warnings)
    }

    /// Each task of a PDF says where its row is: a box on its page, in points, inside the
    /// page, below the row before it on that page, holding the boxes of the cells its fields
    /// were read from; a DOCX has no pages and gives none.
    @Test(arguments: try ruledTwins())
    func tasksCarryTheBoxesOfTheirRows(name: String) throws {
        let (docx, pdf) = try plans(name)
        #expect(docx.tasks.allSatisfy { $0.source.box == nil && $0.source.cells == nil })
        var previous: (page: Int, top: Double)?
        for task in pdf.tasks {
            let box = try #require(task.source.box, "task \(task.path)")
            let page = try #require(task.source.page)
            #expect(box.unit == .pt)
            // A4 in points.
            #expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 596 && box.y + box.height <= 842.5, "task \(task.path)")
            if let previous, previous.page == page { #expect(box.y >= previous.top, "task \(task.path) above the row before it") }
            previous = (page, box.y)
            let activity = try #require(task.source.cells?["activity"], "task \(task.path)")
            #expect(activity.x >= box.x - 0.5 && activity.x + activity.width <= box.x + box.width + 0.5)
        }
    }

    /// The district plan's table runs over several pages with a row cut by a page break; its
    /// tasks all carry the provenance of the page they start on.
    @Test func longTableKeepsItsPages() throws {
        let (_, pdf) = try plans("kh-huyen-an-phu-2026")
        let pages = Set(pdf.tasks.compactMap { $0.source.page })
        #expect(pages.count >= 3)
    }

    /// Reading a PDF twice gives the same bytes.
    @Test func pdfPlansAreDeterministic() throws {
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("kh-huyen-an-phu-2026.pdf"))
        let first = try CanonicalJSON.string(PipelineFixtures.pipeline.convert(input))
        #expect(try CanonicalJSON.string(PipelineFixtures.pipeline.convert(input)) == first)
    }
}

/// The commune plan with every border removed: the stream rules find its letterhead and
/// signature blocks, and its plan table's columns and header from aligned words alone.
@Suite struct BorderlessPDFTests {
    @Test func borderlessTableKeepsItsColumnsAndMetadata() throws {
        let pdf = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("kh-xa-hoa-binh-2026.noborders.pdf"))
        let docx = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("kh-xa-hoa-binh-2026.docx"))
        #expect(try PipelineFixtures.pipeline.convert(pdf).document == PipelineFixtures.pipeline.convert(docx).document)
        let table = try #require(try PipelineFixtures.pipeline.read(pdf).tables.first { $0.columnCount == 9 })
        #expect(table.rows[0].cells.map(\.text) == ["TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả/Sản phẩm",
                                                     "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí"])
        #expect(table.rows[1].cells.map(\.text) == (1...9).map { "(\($0))" })
        // The group row spans the columns after its number.
        #expect(table.rows[2].cells.map(\.text) == ["I.", "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"])
    }

    /// Rows found where no ruling draws them: cells set at the top of their rows or centred
    /// in them, tasks merged over their activities, rows cut by the page, a signature block
    /// set on under the table. Measured on 2026-12-07, task fields as in the DOCX: commune
    /// 65 of 66 (a funding cell merged over a page break), district 240 of 240, ward 33 of 33;
    /// before rows were found from the cells' own positions, 13 of 66 on the commune's.
    @Test(arguments: ["kh-xa-hoa-binh-2026", "kh-huyen-an-phu-2026", "qd-phuong-cam-thanh-2025"])
    func borderlessTableGivesTheTasksOfItsDOCX(name: String) throws {
        let pdf = try PipelineFixtures.pipeline.convert(
            InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent(name + ".noborders.pdf")))
        let docx = try PipelineFixtures.pipeline.convert(
            InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent(name + ".docx")))
        #expect(pdf.tasks.count == docx.tasks.count)
        #expect(pdf.sections == docx.sections)
        #expect(pdf.document == docx.document)
        let agreement = PlanAgreement(pdf, twin: docx)
        #expect(agreement.fieldShare >= 0.95, "\(agreement.fieldsEqual) of \(agreement.fields) task fields")
        // A cell's wrapped lines are one text, as in the DOCX.
        #expect(pdf.tasks.map(\.activity) == docx.tasks.map(\.activity))
    }
}
