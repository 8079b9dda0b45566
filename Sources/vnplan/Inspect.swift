import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a reader found in a document: its paragraphs and tables, before any plan logic.",
        discussion: """
            Useful when a plan looks wrong: it tells whether the reader or the table \
            reconstructor is at fault. Tables print one row per line, cells separated by " | ", \
            each cell prefixed with its grid column and, when merged, its spans.
            """)

    @Argument(help: ArgumentHelp("The document: DOCX, PDF, image or text.", valueName: "file"))
    var file: String

    @Flag(help: "Print the intermediate representation as JSON instead.")
    var json = false

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let pipeline = Pipeline(configuration: try pipelineOptions.loadConfiguration())
        let document: SourceDocument
        do {
            document = try pipeline.read(try InputFile(contentsOf: URL(fileURLWithPath: file)))
        } catch let error as ReaderError {
            throw CommandFailure(error.description)
        } catch let error as PipelineError {
            throw CommandFailure(error.description)
        }
        if json {
            FileHandle.standardOutput.write(try CanonicalJSON.encode(document))
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
