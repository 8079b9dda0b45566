import Foundation
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

/// The 1,000-document batch of issue 5, made in a temporary folder: copies of the project's
/// sample DOCX files and the shared real ones, each made unique by a different zip comment
/// (the document inside is untouched), and 5% broken files of five kinds.
struct BatchCorpus {
    enum Broken: String, CaseIterable {
        case truncated, wrongExtension, empty, zipBomb, encryptedPDF
    }

    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let folder: URL
    /// File name → the kind of defect, for the broken ones.
    let broken: [String: Broken]
    let goodCount: Int

    /// DOCX files the pipeline converts: the project's samples and, when ../shared is
    /// there, the real documents up to `sizeLimit` bytes (the batch converts each some
    /// 300 times; the largest real one would double the test's time for no new case).
    static func convertibleDOCX(pipeline: Pipeline, sizeLimit: Int = 50_000) -> [Data] {
        let folders = [projectRoot.appendingPathComponent("samples"),
                       projectRoot.deletingLastPathComponent().appendingPathComponent("shared/realdocs")]
        let files = folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".docx") }.sorted().map { folder.appendingPathComponent($0) }
        }
        return files.compactMap { url in
            guard let input = try? InputFile(contentsOf: url), input.data.count <= sizeLimit,
                  (try? pipeline.convert(input)) != nil
            else { return nil }
            return input.data
        }
    }

    init(in folder: URL, total: Int, brokenPerKind: Int, sources: [Data]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.folder = folder
        var broken: [String: Broken] = [:]
        let bomb = ZipBuilder.bomb(expandingTo: 256 * 1_048_576)
        for (kind, index) in Broken.allCases.flatMap({ kind in (0..<brokenPerKind).map { (kind, $0) } }) {
            let unique = Data("\(kind.rawValue) \(index)".utf8)
            let (name, bytes): (String, Data) = switch kind {
            case .truncated:
                ("truncated-\(index).docx", sources[index % sources.count].prefix(sources[index % sources.count].count * 3 / 5) + unique)
            case .wrongExtension:
                // Bytes of no known format under a DOCX name: sniffing by content must say so.
                ("scan-\(index).docx", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ index) }))
            case .empty:
                ("empty-\(index).docx", Data())
            case .zipBomb:
                ("bomb-\(index).docx", try ZipVariant.withComment(bomb, unique))
            case .encryptedPDF:
                ("encrypted-\(index).pdf", Self.encryptedPDF(unique))
            }
            try bytes.write(to: folder.appendingPathComponent(name))
            broken[name] = kind
        }
        goodCount = total - broken.count
        for index in 0..<goodCount {
            let variant = try ZipVariant.withComment(sources[index % sources.count], Data("vnplan batch copy \(index)".utf8))
            try variant.write(to: folder.appendingPathComponent(String(format: "plan-%04d.docx", index)))
        }
        self.broken = broken
    }

    /// A one-page PDF whose trailer names an /Encrypt dictionary (standard security handler).
    static func encryptedPDF(_ unique: Data) -> Data {
        var pdf = Data("""
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
            4 0 obj << /Filter /Standard /V 1 /R 2 /P -44
              /O <8A9B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F80>
              /U <1F2E3D4C5B6A79887766554433221100FFEEDDCCBBAA99887766554433221100> >> endobj
            trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789ABCDEF><0123456789ABCDEF>] >>
            %
            """.utf8)
        pdf += unique + Data("\n%%EOF\n".utf8)
        return pdf
    }
}

/// Just enough of the zip format to make a zip bomb.
enum ZipBuilder {
    /// A DOCX-shaped zip whose word/document.xml inflates to `size` bytes of spaces, honestly
    /// declared, from a few hundred kilobytes.
    static func bomb(expandingTo size: Int) -> Data {
        let compressed = deflatedSpaces(size)
        let name = Data("word/document.xml".utf8)
        var local = Data()
        local += le32(0x04034B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0)
        local += le32(0) + le32(compressed.count) + le32(size) + le16(name.count) + le16(0) + name + compressed
        var central = Data()
        central += le32(0x02014B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0)
        central += le32(0) + le32(compressed.count) + le32(size) + le16(name.count) + le16(0) + le16(0)
        central += le16(0) + le16(0) + le32(0) + le32(0) + name
        var end = Data()
        end += le32(0x06054B50) + le16(0) + le16(0) + le16(1) + le16(1)
        end += le32(central.count) + le32(local.count) + le16(0)
        return local + central + end
    }

    /// Raw deflate, one fixed-Huffman block: a space, then copies of 258 bytes at distance 1.
    private static func deflatedSpaces(_ size: Int) -> Data {
        var writer = BitWriter()
        writer.write(1, bits: 1)  // final block
        writer.write(1, bits: 2)  // fixed Huffman codes
        writer.writeCode(0x30 + 0x20, length: 8)  // literal " "
        var remaining = size - 1
        while remaining >= 258 {
            writer.writeCode(0b1100_0101, length: 8)  // length code 285: 258 bytes
            writer.writeCode(0, length: 5)  // distance code 0: distance 1
            remaining -= 258
        }
        for _ in 0..<remaining { writer.writeCode(0x30 + 0x20, length: 8) }
        writer.writeCode(0, length: 7)  // end of block
        return writer.data
    }

    private static func le16(_ value: Int) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]) }
    private static func le32(_ value: Int) -> Data { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
}

/// Deflate's bit order: values least significant bit first, Huffman codes most significant first.
private struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var current: UInt8 = 0
    private var used = 0

    var data: Data { Data(used == 0 ? bytes : bytes + [current]) }

    mutating func write(_ value: Int, bits: Int) {
        for bit in 0..<bits { push(value >> bit & 1) }
    }

    mutating func writeCode(_ code: Int, length: Int) {
        for bit in stride(from: length - 1, through: 0, by: -1) { push(code >> bit & 1) }
    }

    private mutating func push(_ bit: Int) {
        current |= UInt8(bit) << used
        used += 1
        if used == 8 { bytes.append(current); current = 0; used = 0 }
    }
}
