import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders
import VNPlanRepository

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a reader found in a document: its paragraphs and tables, before any plan logic.",
        discussion: """
            Useful when a plan looks wrong: it tells whether the reader or the table \
            reconstructor is at fault. Tables print one row per line, cells separated by " | ", \
            each cell prefixed with its grid column and, when merged, its spans.
            """)

    @Argument(help: ArgumentHelp("The document: DOCX, PDF, image or text; \"-\" for standard input.", valueName: "file"))
    var file: String

    @Flag(help: "Print the intermediate representation as JSON instead, with the pages of geometry (words with boxes, ruling lines) the Layout stage read.")
    var json = false

    @Option(help: ArgumentHelp("""
        Write one PNG per page of a PDF or a scan into this folder: the page with its words \
        (blue), ruling lines (red), table cells (green) and paragraphs (grey) drawn over it; \
        a scan's words are written in their boxes as OCR read them (unsure ones in red), \
        on the page as it was turned upright and straightened.
        """, valueName: "folder"))
    var draw: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let pipeline = Pipeline(configuration: try pipelineOptions.loadConfiguration())
        let input = try DocumentArgument.read(file, command: "inspect")
        let document: SourceDocument
        var pages: [PageGeometry] = []
        do {
            document = try pipeline.read(input) { page in
                if json || draw != nil { pages.append(page) }
            }
        } catch {
            throw CommandFailure(error.description)
        }
        if let draw {
            try drawPages(of: input, document: document, pages: pages, into: URL(fileURLWithPath: draw))
        }
        if json {
            try OutputFile.write(try CanonicalJSON.encode(InspectReport(document: document, pages: pages)), to: nil)
            return
        }
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                print("¶ \(paragraph.labeledText.replacingOccurrences(of: "\n", with: "⏎"))")
            case .table(let table):
                print("▦ table at block \(index): \(table.rows.count) rows × \(table.columnCount) columns")
                for row in table.rows {
                    let cells = row.cells.map { cell in
                        let spans = (cell.columnSpan > 1 ? " ↔\(cell.columnSpan)" : "")
                            + (cell.rowSpan > 1 ? " ↕\(cell.rowSpan)" : "")
                        return "[\(cell.column)\(spans)] " + cell.text.replacingOccurrences(of: "\n", with: "⏎")
                    }
                    print((row.isRepeatedHeader ? "  H " : "    ") + cells.joined(separator: " | "))
                }
            }
        }
    }
}

extension Inspect {
    private func drawPages(of input: InputFile, document: SourceDocument, pages: [PageGeometry], into folder: URL) throws {
        guard !pages.isEmpty else {
            throw CommandFailure("\(input.name): --draw shows the pages of a PDF or a scan; this file has none")
        }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        catch { throw CommandFailure("\(folder.path): the folder cannot be made (\(error.localizedDescription))") }
        let stem = (input.name as NSString).deletingPathExtension
        let files: [URL]
        do {
            let overlays = { (number: Int) in Self.overlays(onPage: number, document: document, pages: pages) }
            // What OCR read is drawn in the prepared page's pixels, a text layer over its page.
            files = document.metadata.usedOCR
                ? try GeometryDrawing.drawPages(pages, into: folder, stem: stem, overlays: overlays)
                : try PDFReader().drawPages(of: input, into: folder, stem: stem, overlays: overlays)
        } catch {
            throw CommandFailure(error.description)
        }
        for file in files { FileHandle.standardError.write(text: "drew \(file.path)\n") }
    }

    /// What the reader and the Layout stage saw on one page.
    static func overlays(onPage number: Int, document: SourceDocument, pages: [PageGeometry]) -> [PageOverlay] {
        var overlays: [PageOverlay] = []
        for page in pages where page.number == number {
            overlays += page.words.map { PageOverlay(box: $0.box, kind: .word) }
            overlays += page.rulings.map { line in
                let half = max(line.thickness, 0.5) / 2
                let box = line.orientation == .horizontal
                    ? BoundingBox(x: line.start, y: line.position - half, width: line.length, height: 2 * half)
                    : BoundingBox(x: line.position - half, y: line.start, width: 2 * half, height: line.length)
                return PageOverlay(box: box, kind: .ruling)
            }
        }
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                if paragraph.provenance.page == number, let box = paragraph.provenance.boundingBox {
                    overlays.append(PageOverlay(box: box, kind: .paragraph))
                }
            case .table(let table):
                for cell in table.rows.flatMap(\.cells) where cell.provenance.page == number {
                    if let box = cell.provenance.boundingBox { overlays.append(PageOverlay(box: box, kind: .cell)) }
                }
            }
        }
        return overlays
    }
}

/// What `inspect --json` prints: the IR, and the pages of geometry it was laid out from.
private struct InspectReport: Encodable {
    var document: SourceDocument
    var pages: [PageGeometry]
}
