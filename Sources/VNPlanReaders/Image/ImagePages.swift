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
    /// TIFF: the byte offset of each page's directory, walked once from the header.
    private let directories: [Int]

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
        directories = isTIFF ? try TIFFLayout(data).directories(file: input.name, limit: Self.pageLimit) : []
    }

    /// The next page, or nil after the last.
    mutating func next() throws(ReaderError) -> DecodedPage? {
        guard let number = upcoming else { return nil }
        let directory = isTIFF ? directories[number - 1] : 0
        let size = isTIFF ? TIFFLayout(data).pageSize(directory: directory) : headerSize
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
        // leptonica counts the first page's directory as 0.
        var offset = number == 1 ? 0 : directory
        let (pix, message) = LibraryMessages.capturing {
            data.withUnsafeBytes { bytes -> UnsafeMutablePointer<PIX>? in
                guard let base = bytes.bindMemory(to: UInt8.self).baseAddress else { return nil }
                return isTIFF ? pixReadMemFromMultipageTiff(base, bytes.count, &offset) : pixReadMem(base, bytes.count)
            }
        }
        guard let image = LeptonicaImage(pix) else {
            throw .unreadableImage(file: file, reason: "page \(number): \(message ?? "the decoder gave no image")")
        }
        upcoming = isTIFF && number < directories.count ? number + 1 : nil
        return DecodedPage(image: image, number: number, declaredResolution: image.declaredResolution)
    }
}

/// Where a TIFF's pages are: the chain of image file directories (IFDs) from the header, each
/// ending in the offset of the next (0 after the last), read without decoding anything.
private struct TIFFLayout {
    let data: Data

    init(_ data: Data) { self.data = data }

    /// The offset of every page's directory, in order. A chain that comes back to a page it
    /// passed, points past the file or runs longer than `limit` is refused here, before any
    /// page is decoded: it would otherwise be read again and again.
    func directories(file: String, limit: Int) throws(ReaderError) -> [Int] {
        var offsets: [Int] = []
        var seen: [Int: Int] = [:]
        var next = number(at: 4, size: 4) ?? 0
        while next != 0 {
            if let page = seen[next] {
                throw .unreadableImage(file: file, reason: "the TIFF is damaged: page \(offsets.count)'s next-page pointer leads back to page \(page)")
            }
            guard offsets.count < limit else { throw .unreadableImage(file: file, reason: "more than \(limit) pages") }
            guard let entries = number(at: next, size: 2), let following = number(at: next + 2 + 12 * entries, size: 4) else {
                guard offsets.isEmpty else { break } // the last page's directory is cut: the pages before it stand
                throw .unreadableImage(file: file, reason: "the TIFF has no readable page")
            }
            offsets.append(next)
            seen[next] = offsets.count
            next = following
        }
        guard !offsets.isEmpty else { throw .unreadableImage(file: file, reason: "the TIFF has no readable page") }
        return offsets
    }

    /// Width and height from the tags of the directory at `directory`.
    func pageSize(directory start: Int) -> (width: Int, height: Int)? {
        guard let entries = number(at: start, size: 2) else { return nil }
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

    /// An unsigned number of `size` bytes at `offset`, in the file's byte order; nil past the end.
    private func number(at offset: Int, size: Int) -> Int? {
        guard offset >= 0, size <= data.count, offset <= data.count - size else { return nil }
        let little = data.first == 0x49
        var value = 0
        for index in 0..<size {
            value = value << 8 | Int(data[data.startIndex + offset + (little ? size - 1 - index : index)])
        }
        return value
    }
}
