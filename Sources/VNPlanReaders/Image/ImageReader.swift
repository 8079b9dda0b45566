import VNPlanModel

/// Reads scanned pages (PNG, JPEG, TIFF with every page) with OCR, as pages of geometry.
public struct ImageReader: PageGeometryReader {
    public let format = SourceFormat.image
    public var recognizer: TextRecognizer

    public init(recognizer: TextRecognizer = TextRecognizer()) {
        self.recognizer = recognizer
    }

    public func readPages(_ input: InputFile,
                          into receive: (PageGeometry) -> Void) throws(ReaderError) -> SourceMetadata {
        var pages = try ImagePages(input)
        var count = 0
        try recognizer.pageGeometries(file: input.name, next: { () throws(ReaderError) in try pages.next() }) { page in
            count += 1
            receive(page)
        }
        return input.metadata(format: .image, pageCount: count, usedOCR: true)
    }
}
