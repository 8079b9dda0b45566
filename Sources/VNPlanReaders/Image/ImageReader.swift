import VNPlanModel

/// Reads a scanned page (PNG, JPEG, TIFF) with OCR. A multi-page TIFF gives its first page.
public struct ImageReader: DocumentReader {
    public let format = SourceFormat.image
    public var recognizer: TextRecognizer

    public init(recognizer: TextRecognizer = TextRecognizer()) {
        self.recognizer = recognizer
    }

    public func read(_ input: InputFile) throws(ReaderError) -> SourceDocument {
        let page = try recognizer.recognize(imageData: input.data, file: input.name)
        return try RecognizedDocument.document(of: [page], input: input, format: .image)
    }
}
