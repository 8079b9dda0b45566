import CTesseract
import Foundation

/// A decoded page of an image file, with the resolution its file states (0 for none).
struct DecodedPage: Sendable {
    var image: LeptonicaImage
    var number: Int
    var declaredResolution: Int
}

/// The pages of an image file — a PNG, a JPEG, or every page of a TIFF — decoded one at a
/// time, each only after its header was read and its size checked, so that a 30000 × 30000
/// image is refused before any of it is decoded. What the decoders print about a damaged
/// file becomes the reason of one error naming it.
struct ImagePages {
    /// 80 million pixels: an A3 page at 600 dpi (70 M) fits; decoded in colour it takes 320 MB.
    static let pixelLimit = 80_000_000
    /// Fewer pixels than this on a side cannot hold a line of text.
    static let smallestSide = 32
    /// A TIFF with more pages than this is refused rather than read for hours.
    static let pageLimit = 2_000

    private let data: Data
    private let file: String
    private let isTIFF: Bool
    /// A PNG's or JPEG's size, from its header.
    private let headerSize: (width: Int, height: Int)
    /// The next page's number (1-based); nil once every page was decoded.
    private var upcoming: Int? = 1
    /// TIFF: the byte offset of the next page's directory (0 for the first page, as leptonica wants it).
    private var directory = 0

    init(_ input: InputFile) throws(ReaderError) {
        let data = input.data
        let isTIFF = data.starts(with: [0x49, 0x49, 0x2A, 0x00]) || data.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
        var format: Int32 = 0, width: Int32 = 0, height: Int32 = 0
        let (read, message) = LibraryMessages.capturing {
            data.withUnsafeBytes { bytes in
                bytes.bindMemory(to: UInt8.self).baseAddress.map {
                    pixReadHeaderMem($0, bytes.count, &format, &width, &height, nil, nil, nil) == 0
                } ?? false
            }
        }
        guard read else {
            throw .unreadableImage(file: input.name, reason: isTIFF ? "the TIFF has no readable page" : message ?? "no image header")
        }
        (self.data, self.file, self.isTIFF, headerSize) = (data, input.name, isTIFF, (Int(width), Int(height)))
    }

    /// The next page, or nil after the last.
    mutating func next() throws(ReaderError) -> DecodedPage? {
        guard let number = upcoming else { return nil }
        guard number <= Self.pageLimit else {
            throw .unreadableImage(file: file, reason: "more than \(Self.pageLimit) pages")
        }
        let size = isTIFF ? tiffPageSize(directory: directory) : headerSize
        guard let size else {
            throw .unreadableImage(file: file, reason: number == 1 ? "no image header" : "page \(number) has a damaged header")
        }
        // A TIFF states each side in 32 bits: their product is checked before it is trusted.
        let (pixels, overflows) = size.width.multipliedReportingOverflow(by: size.height)
        guard !overflows, pixels <= Self.pixelLimit else {
            throw .imageTooLarge(file: file, page: number, width: size.width, height: size.height, limit: Self.pixelLimit)
        }
        guard min(size.width, size.height) >= Self.smallestSide else {
            throw .unreadableImage(file: file, reason: "page \(number) is \(size.width) × \(size.height) pixels, too small to hold text")
        }
        var offset = directory
        let (pix, message) = LibraryMessages.capturing {
            data.withUnsafeBytes { bytes -> UnsafeMutablePointer<PIX>? in
                guard let base = bytes.bindMemory(to: UInt8.self).baseAddress else { return nil }
                return isTIFF ? pixReadMemFromMultipageTiff(base, bytes.count, &offset) : pixReadMem(base, bytes.count)
            }
        }
        guard let image = LeptonicaImage(pix) else {
            throw .unreadableImage(file: file, reason: "page \(number): \(message ?? "the decoder gave no image")")
        }
        directory = offset
        upcoming = isTIFF && offset != 0 ? number + 1 : nil
        return DecodedPage(image: image, number: number, declaredResolution: image.declaredResolution)
    }

    /// Width and height from the tags of the TIFF directory at `directory` (0: the first),
    /// read without decoding anything.
    private func tiffPageSize(directory: Int) -> (width: Int, height: Int)? {
        data.withUnsafeBytes { bytes -> (width: Int, height: Int)? in
            let little = bytes.first == 0x49
            func number(at offset: Int, size: Int) -> Int? {
                guard offset >= 0, offset + size <= bytes.count else { return nil }
                var value = 0
                for index in 0..<size {
                    let byte = Int(bytes[offset + (little ? size - 1 - index : index)])
                    value = value << 8 | byte
                }
                return value
            }
            guard let start = directory == 0 ? number(at: 4, size: 4) : directory,
                  let entries = number(at: start, size: 2) else { return nil }
            var width: Int?, height: Int?
            for entry in 0..<entries {
                let at = start + 2 + 12 * entry
                guard let tag = number(at: at, size: 2), let type = number(at: at + 2, size: 2) else { return nil }
                // SHORT (3) values sit in the first two bytes of the value field, LONG (4) fill it.
                let value = type == 3 ? number(at: at + 8, size: 2) : type == 4 ? number(at: at + 8, size: 4) : nil
                if tag == 256 { width = value }
                if tag == 257 { height = value }
            }
            guard let width, let height else { return nil }
            return (width, height)
        }
    }
}
