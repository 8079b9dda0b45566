import Crypto
import Foundation
import VNPlanModel

/// A file handed to a reader: its name for messages, its bytes, and their hash.
public struct InputFile: Sendable {
    public let name: String
    public let data: Data
    public let sha256: String

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
        self.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public init(contentsOf url: URL) throws(ReaderError) {
        let data: Data
        do { data = try Data(contentsOf: url, options: .mappedIfSafe) }
        catch { throw .unreadable(file: url.lastPathComponent, reason: error.localizedDescription) }
        self.init(name: url.lastPathComponent, data: data)
    }

    func metadata(format: SourceFormat, pageCount: Int? = nil, usedOCR: Bool = false) -> SourceMetadata {
        SourceMetadata(fileName: name, sha256: sha256, format: format, pageCount: pageCount, usedOCR: usedOCR)
    }
}
