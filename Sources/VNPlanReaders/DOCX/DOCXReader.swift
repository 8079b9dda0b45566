import Foundation
import VNPlanModel

/// Reads Word 2007+ documents (.docx): `ZipArchive` for the archive, libxml2 (streaming, fed
/// as the part inflates) for the XML parts. Numbering and styles are read first so generated list labels
/// ("1.", "a)") appear in the text where Word shows them.
public struct DOCXReader: DocumentReader {
    public let format = SourceFormat.docx
    public init() {}

    public func read(_ input: InputFile) throws(ReaderError) -> SourceDocument {
        let package = try DOCXPackage(input)
        do {
            let numbering = try package.stream("word/numbering.xml").map { stream throws(XMLPartError) in
                try NumberingDefinitions(parsing: XMLPullParser(stream: stream, partName: "word/numbering.xml"))
            } ?? NumberingDefinitions()
            let styles = try package.stream("word/styles.xml").map { stream throws(XMLPartError) in
                try StyleNumbering(parsing: XMLPullParser(stream: stream, partName: "word/styles.xml"))
            } ?? StyleNumbering()
            guard let body = try package.stream(DOCXPackage.mainDocumentPart) else {
                throw ReaderError.missingPart(file: input.name, part: DOCXPackage.mainDocumentPart)
            }
            var parser = DocumentXMLParser(numbering: numbering, styles: styles)
            let blocks = try parser.parse(XMLPullParser(stream: body, partName: DOCXPackage.mainDocumentPart))
            return SourceDocument(metadata: input.metadata(format: .docx, pageCount: pageCount(package)),
                                  blocks: blocks)
        } catch let error as XMLPartError {
            if let damage = error.archiveError { throw DOCXPackage.readerError(damage, file: input.name) }
            throw .malformedXML(file: input.name, part: error.part, reason: error.reason)
        } catch let error as ReaderError {
            throw error
        } catch {
            throw .unreadable(file: input.name, reason: "\(error)")
        }
    }

    /// Word records the page count it last laid out in docProps/app.xml; absent → unknown.
    private func pageCount(_ package: DOCXPackage) -> Int? {
        guard let stream = try? package.stream("docProps/app.xml"),
              let parser = try? XMLPullParser(stream: stream, partName: "docProps/app.xml") else { return nil }
        var inPages = false
        while let event = try? parser.next() {
            switch event {
            case .start("Pages", _): inPages = true
            case .text(let text) where inPages:
                // Word writes 0 when it never laid the document out: unknown, not empty.
                return Int(text.trimmingCharacters(in: .whitespaces)).flatMap { $0 > 0 ? $0 : nil }
            case .end: inPages = false
            default: break
            }
        }
        return nil
    }
}
