import Foundation
import VNPlanModel

/// Reads Word 2007+ documents (.docx).
public struct DOCXReader: DocumentReader {
    public let format = SourceFormat.docx
    public init() {}

    public func read(_ input: InputFile) throws(ReaderError) -> SourceDocument {
        SourceDocument(metadata: input.metadata(format: .docx), blocks: [])
    }
}
