import COpenSSL
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
        self.sha256 = Self.sha256Hex(of: data)
    }

    /// SHA-256 through OpenSSL's libcrypto (EVP), as lowercase hex.
    static func sha256Hex(of data: Data) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let succeeded = data.withUnsafeBytes { bytes in
            EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil) == 1
        }
        precondition(succeeded, "libcrypto could not compute SHA-256")
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
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
