import VNPlanModel

/// A reader turns one file format into the `SourceDocument` IR. It knows nothing of plans.
public protocol DocumentReader: Sendable {
    var format: SourceFormat { get }
    func read(_ input: InputFile) throws(ReaderError) -> SourceDocument
}

/// A reader of a format that only draws (PDF, scans): it gives pages of geometry — words with
/// boxes and ruling lines — one at a time, and the Layout stage makes blocks of them.
/// A page is handed on and released before the next is read, so memory stays flat in the
/// page count.
public protocol PageGeometryReader: Sendable {
    var format: SourceFormat { get }
    /// Reads every page into `receive`, in order; returns the file's metadata.
    func readPages(_ input: InputFile,
                   into receive: (PageGeometry) -> Void) throws(ReaderError) -> SourceMetadata
}
