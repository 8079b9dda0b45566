import Foundation
import VNPlanModel
import VNPlanReaders
import VNPlanWriters

/// The formats a plan is shown in for a person.
public enum ViewFormat: String, Sendable, CaseIterable {
    case md, html

    /// The format asked for, else the one the output file's extension names, else Markdown.
    public init(asked: ViewFormat?, output: String?) {
        self = asked ?? output.flatMap { ViewFormat(rawValue: ($0 as NSString).pathExtension.lowercased()) } ?? .md
    }
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
        /// A DOCX or a text has no pages.
        case notFromPages(SourceFormat)

        public var description: String {
            switch self {
            case .noOriginal:
                "the original document is not at hand (give it with --original, or keep the plan in its repository)"
            case .otherOriginal(let file):
                "\(file) is not the document this plan was made from (its SHA-256 differs)"
            case .notFromPages(let format):
                "a \(format.rawValue) has no pages to cut rows from"
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

    /// Each task's row cut from its page, by task path: from the PDF's rendering where the row
    /// was read from the text layer (boxes in points), from the page as OCR prepared it where
    /// it was read from a scan (boxes in its pixels).
    static func rowPictures(of plan: Plan, original: InputFile?) throws(PipelineError) -> ([String: Data], MissingPictures?) {
        guard [.pdf, .image].contains(plan.source.format) else { return ([:], .notFromPages(plan.source.format)) }
        guard let original else { return ([:], .noOriginal) }
        guard original.sha256 == plan.source.sha256 else { return ([:], .otherOriginal(file: original.name)) }
        var regions: [PageBox.Unit: [String: PageRegion]] = [:]
        for task in plan.tasks {
            guard let page = task.source.page, let box = task.source.box else { continue }
            // The row and the cells merged over it that its fields were read from (the task
            // above its activities), in the row's own unit.
            let cells = (task.source.cells ?? [:]).values.filter { $0.unit == box.unit }.map(\.boundingBox)
            let area = cells.reduce(box.boundingBox) { $0.union($1) }
            regions[box.unit, default: [:]][task.path] = PageRegion(page: page, box: box.boundingBox, area: area)
        }
        var pictures: [String: Data] = [:]
        do {
            if let fromText = regions[.pt] {
                let cut = try PDFReader().pictures(of: Array(fromText.values), in: original)
                pictures.merge(fromText.compactMapValues { cut[$0] }) { first, _ in first }
            }
            if let fromScan = regions[.px] {
                let cut = try ScanPictures.pictures(of: Array(fromScan.values), in: original, format: plan.source.format)
                pictures.merge(fromScan.compactMapValues { cut[$0] }) { first, _ in first }
            }
        } catch {
            throw PipelineError(file: original.name, stage: .read, reason: error.description)
        }
        return (pictures, nil)
    }
}
