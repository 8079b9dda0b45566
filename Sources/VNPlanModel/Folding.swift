import Foundation

extension String {
    /// The text without diacritics, đ/Đ as d/D: "Số hóa hồ sơ" → "So hoa ho so".
    /// Used for slugs and for search that finds "so hoa" as "số hóa".
    public var foldingDiacritics: String {
        let stripped = self.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x0300...0x036F).contains($0.value)
        }
        var result = String(String.UnicodeScalarView(stripped))
        result = result.replacingOccurrences(of: "đ", with: "d")
        return result.replacingOccurrences(of: "Đ", with: "D")
    }

    /// A lowercase ASCII slug: "UBND phường Cẩm Thành" → "ubnd-phuong-cam-thanh".
    public var slug: String {
        var result = ""
        var pendingDash = false
        for scalar in foldingDiacritics.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash && !result.isEmpty { result += "-" }
                result.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
