import VNPlanModel
import VNPlanNormalizer

/// The words of a PDF's fonts without a usable map to Unicode, as Unicode; every other word is
/// left as poppler read it (as `pdftotext` prints it).
///
/// Two kinds need decoding. Glyphs a CID font drew without a ToUnicode map come out as glyph
/// indices ("6Ӣ" for "SỞ"); the reader marks those words (`isGlyphIndexed`) from the font
/// object that drew them, and they are read by the glyph order of their face, decided once per
/// font name from all its marked words. The 8-bit ABC and VNI faces (".VnTime", "VNI-Times")
/// carry their encoding in their name, checked once per font against its text.
struct FontDecoding {
    private var named: [String: FontEncoding] = [:]
    private var glyphOrders: [String: GlyphOrder] = [:]

    mutating func decoded(_ page: PageGeometry) -> PageGeometry {
        var samples: [String: [String]] = [:], glyphSamples: [String: [String]] = [:]
        for word in page.words {
            let font = word.fontName ?? ""
            if word.isGlyphIndexed {
                if glyphOrders[font] == nil { glyphSamples[font, default: []].append(word.text) }
            } else if named[font] == nil {
                samples[font, default: []].append(word.text)
            }
        }
        for (font, words) in samples {
            named[font] = FontEncoding.encoding(ofFont: font, sample: words.joined(separator: " "))
        }
        for (font, words) in glyphSamples {
            glyphOrders[font] = FontEncoding.glyphOrder(ofFont: font, sample: words.joined(separator: " "))
        }
        var page = page
        for index in page.words.indices {
            let word = page.words[index], font = word.fontName ?? ""
            if word.isGlyphIndexed, let order = glyphOrders[font] {
                page.words[index].text = FontEncoding.glyphIndex(order).decode(word.text)
            } else if let encoding = named[font], encoding != .unicode {
                page.words[index].text = encoding.decode(word.text)
            }
        }
        return page
    }
}
