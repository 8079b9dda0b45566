import CPoppler
import CTesseract
import Foundation
import VNPlanModel

/// Rows cut from scanned pages as OCR read them. A scan's boxes are in the pixels of the page
/// after it was turned upright, straightened and brought to reading resolution, so each page
/// is prepared again the same way (the preparation is deterministic, and needs no OCR) before
/// its regions are cut, outlined in red and scaled to `dpi`.
public enum ScanPictures {
    /// PNG bytes of each region (its box and area in prepared-page pixels) of the scan
    /// `input`: an image file, or a PDF whose pages OCR read. Each page is decoded and
    /// prepared once, and only the pages that hold regions.
    public static func pictures(of regions: [PageRegion], in input: InputFile, format: SourceFormat,
                                recognizer: TextRecognizer = TextRecognizer(),
                                dpi: Int = 110) throws(ReaderError) -> [PageRegion: Data] {
        let byPage = Dictionary(grouping: Set(regions), by: \.page)
        guard let lastPage = byPage.keys.max() else { return [:] }
        var pictures: [PageRegion: Data] = [:]
        func cut(_ page: DecodedPage) {
            guard let wanted = byPage[page.number],
                  let prepared = PagePreparation.prepare(page.image, declared: page.declaredResolution,
                                                         assumed: recognizer.dpi) else { return }
            for region in wanted {
                if let picture = picture(of: region, on: prepared, dpi: dpi) { pictures[region] = picture }
            }
        }
        switch format {
        case .pdf:
            let document = try PDFReader.open(input)
            defer { g_object_unref(UnsafeMutableRawPointer(document)) }
            for number in byPage.keys.sorted() where number >= 1 && number <= PDFReader.pageCount(of: document) {
                cut(try PDFReader.renderedForOCR(number - 1, of: document, dpi: recognizer.dpi, file: input.name))
            }
        case .image:
            var pages = try ImagePages(input)
            while let page = try pages.next() {
                cut(page)
                if page.number >= lastPage { break }
            }
        case .docx, .text:
            return [:]
        }
        return pictures
    }

    /// The region's area (and a margin of 4 pt) cut from the prepared page, its box outlined.
    private static func picture(of region: PageRegion, on page: PreparedPage, dpi: Int) -> Data? {
        let grey = page.grey
        // The row's area and a margin of 4 pt, in the prepared page's pixels.
        guard let cut = PageRegion.pixels(of: region.area, scale: 1, margin: Double(page.resolution) * 4 / 72,
                                          width: grey.width, height: grey.height),
              let clip = boxCreate(Int32(cut.left), Int32(cut.top), Int32(cut.width), Int32(cut.height)) else { return nil }
        var owned: UnsafeMutablePointer<BOX>? = clip
        defer { boxDestroy(&owned) }
        guard let cropped = LeptonicaImage(pixClipRectangle(grey.pix, clip, nil)),
              let colour = LeptonicaImage(pixConvertTo32(cropped.pix)) else { return nil }
        if let outline = PageRegion.pixels(of: region.box, scale: 1, width: grey.width, height: grey.height),
           let box = boxCreate(Int32(outline.left - cut.left), Int32(outline.top - cut.top),
                               Int32(outline.width), Int32(outline.height)) {
            var drawn: UnsafeMutablePointer<BOX>? = box
            pixRenderBoxArb(colour.pix, box, Int32(max(2, page.resolution / 120)), 217, 26, 26)
            boxDestroy(&drawn)
        }
        let factor = Float(min(max(dpi, 20), 300)) / Float(max(page.resolution, 1))
        guard let scaled = LeptonicaImage(factor < 1 ? pixScaleSmooth(colour.pix, factor, factor) : pixScale(colour.pix, factor, factor))
        else { return nil }
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMemPng(&bytes, &size, scaled.pix, 0) == 0, let bytes else { return nil }
        defer { free(bytes) }
        return Data(bytes: bytes, count: size)
    }
}
