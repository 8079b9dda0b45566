import Foundation
import VNPlanModel
import VNPlanReaders
import VNPlanWriters

/// The formats a plan is shown in for a person.
public enum ViewFormat: String, Sendable, CaseIterable {
    case md, html
}

/// A plan made readable: the writer of the format, fed with the pictures of the tasks' rows
/// when the original is at hand.
public enum PlanViews {
    /// Why no task shows its row, when none does: said to the user, not written in the view.
    public enum MissingPictures: Sendable, Equatable, CustomStringConvertible {
        /// The original is not at hand (a plan file without its repository's `sources/`).
        case noOriginal
        /// The original is not the document the plan was made from.
        case otherOriginal(file: String)
        /// A DOCX or a text has no pages; a scan's rows are boxed in the pixels of the page
        /// as OCR straightened it, which the view does not redo.
        case notFromPages(SourceFormat, ocr: Bool)

        public var description: String {
            switch self {
            case .noOriginal:
                "the original document is not at hand (give it with --original, or keep the plan in its repository)"
            case .otherOriginal(let file):
                "\(file) is not the document this plan was made from (its SHA-256 differs)"
            case .notFromPages(let format, let ocr):
                ocr ? "its rows were read by OCR; pictures of them are cut from PDFs with a text layer only"
                    : "a \(format.rawValue) has no pages to cut rows from"
            }
        }
    }

    public struct View: Sendable {
        public var text: String
        public var missingPictures: MissingPictures?
    }

    public static func render(_ plan: Plan, as format: ViewFormat, original: InputFile?) throws(PipelineError) -> View {
        switch format {
        case .md:
            return View(text: PlanMarkdown.render(plan), missingPictures: nil)
        case .html:
            let (pictures, missing) = try rowPictures(of: plan, original: original)
            return View(text: PlanHTML.render(plan, rowPictures: pictures), missingPictures: missing)
        }
    }

    /// Each task's row cut from its page, by task path.
    static func rowPictures(of plan: Plan, original: InputFile?) throws(PipelineError) -> ([String: Data], MissingPictures?) {
        guard plan.source.format == .pdf, !plan.source.ocr else {
            return ([:], .notFromPages(plan.source.format, ocr: plan.source.ocr))
        }
        guard let original else { return ([:], .noOriginal) }
        guard original.sha256 == plan.source.sha256 else { return ([:], .otherOriginal(file: original.name)) }
        var regions: [String: PageRegion] = [:]
        for task in plan.tasks {
            guard let page = task.source.page, let box = task.source.box, box.unit == .pt else { continue }
            func points(_ box: PageBox) -> BoundingBox { BoundingBox(x: box.x, y: box.y, width: box.width, height: box.height) }
            // The row and the cells merged over it that its fields were read from (the task
            // above its activities).
            let cells = (task.source.cells ?? [:]).values.filter { $0.unit == .pt }.map(points)
            let area = cells.reduce(points(box)) { $0.union($1) }
            regions[task.path] = PageRegion(page: page, box: points(box), area: area)
        }
        let pictures: [PageRegion: Data]
        do { pictures = try PDFReader().pictures(of: Array(regions.values), in: original) }
        catch { throw PipelineError(file: original.name, stage: .read, reason: error.description) }
        return (regions.compactMapValues { pictures[$0] }, nil)
    }
}
