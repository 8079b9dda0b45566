/// The words of a Vietnamese administrative document around its plan: the letterhead (the
/// national motto, "Số:", place and date), the type heading and title, the recitals, the
/// signature block and the appendix.
enum DocumentWords {
    /// Document types a plan is issued as, and the words naming them in a title line.
    static let types: [(heading: String, name: String)] = [
        ("KẾ HOẠCH", "Kế hoạch"), ("QUYẾT ĐỊNH", "Quyết định"), ("CHƯƠNG TRÌNH", "Chương trình"),
        ("PHƯƠNG ÁN", "Phương án"), ("ĐỀ ÁN", "Đề án"), ("NGHỊ QUYẾT", "Nghị quyết"),
        ("NGHỊ ĐỊNH", "Nghị định"), ("THÔNG TƯ", "Thông tư"), ("CHỈ THỊ", "Chỉ thị"),
        ("CÔNG VĂN", "Công văn"), ("THÔNG BÁO", "Thông báo"), ("BÁO CÁO", "Báo cáo"),
        ("TỜ TRÌNH", "Tờ trình"), ("QUY TRÌNH", "Quy trình"), ("QUY CHẾ", "Quy chế"),
        ("QUY ĐỊNH", "Quy định"), ("HƯỚNG DẪN", "Hướng dẫn"), ("LUẬT", "Luật"),
    ]

    /// Types whose body can be a plan (a decision adopts one; a programme is one).
    static let planTypes: Set<String> = ["Kế hoạch", "Quyết định", "Chương trình", "Phương án", "Đề án"]

    static let plan = "Kế hoạch"
    static let decision = "Quyết định"

    /// The national motto, folded: the letterhead's right column, never the issuer.
    static let motto = ["cong hoa xa hoi chu nghia", "doc lap tu do"]
    /// "Số: 169/KH-UBND" → "169/KH-UBND"; "Số:277 /KH-UBND", the figures filled in by the
    /// signing software beside the printed rest, too; a draft's "Số:     /QĐ-UBND" does not match.
    nonisolated(unsafe) static let number = /Số\s*:?\s*(?<number>\d+[\w.\-]*(?:\s?\/\s?[\p{L}\d.\-]+)+)/
    /// "Phú Mỹ, ngày 04 tháng 03 năm 2024", with a draft's day or month left blank.
    nonisolated(unsafe) static let placeAndDate =
        /^(?<place>[^,]{2,40}),\s*ngày\s*(?<day>\d{1,2})?\s*(?:\/|tháng)\s*(?<month>\d{1,2})?\s*(?:\/|năm)\s*(?<year>\d{4})/
    /// The letterhead's two columns read across the page: the right one opens with the
    /// motto, or the number line runs into the place and date.
    nonisolated(unsafe) static let letterheadRightColumn =
        /\s(?=CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do)/
    nonisolated(unsafe) static let numberThenPlace = /^(Số:?\s*\S+)\s+(\S[^,]{1,40},\s*ngày\b.*)$/
    /// Lines without one of these, or not opening with "Số", cannot hold two letterhead
    /// columns.
    static let letterheadRightOpeners = ["CỘNG", "Độc"]
    static let numberLineOpener = "Số"

    /// Recitals end the title: "Căn cứ …", "Thực hiện …", "Xét …" (folded).
    static let recitalOpeners = ["can cu", "thuc hien", "xet "]
    /// "(Kèm theo Kế hoạch số … của Ủy ban nhân dân …)": an appendix names its plan's issuer.
    static let attachmentOpeners = ["(Kèm theo", "(Ban hành kèm theo"]
    nonisolated(unsafe) static let attachingIssuer = /\scủa\s+(?<issuer>[^()]+?)\s*\)\s*$/
    /// "của Chủ tịch …" names the signer's office, not the body.
    static let chairman = "Chủ tịch"
    /// The number of the plan a decision adopts.
    nonisolated(unsafe) static let attachedPlanNumber = /Kế hoạch số\s+(?<number>\d+[^\s]*\/[\p{L}\d.\-]+)/
    /// "năm 2025" in a title: the plan's year when the document is undated.
    nonisolated(unsafe) static let titleYear = /năm (?<year>\d{4})/
    /// "PHỤ LỤC": an appendix closes the part a heading opened.
    static let appendix = "PHỤ LỤC"

    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "KT.HIỆU TRƯỞNG", "T/M. ĐOÀN": signing on behalf of.
    nonisolated(unsafe) static let signingOnBehalf = /^(TM|T\/M|KT|TL|TUQ|Q)\.\s*\p{Lu}/
    /// A signer's title alone on its line (folded).
    static let signerTitles: Set<String> = [
        "chu tich", "pho chu tich", "giam doc", "pho giam doc", "truong ban", "truong phong",
        "bo truong", "thu truong", "thu tuong", "pho thu tuong", "chanh van phong",
    ]

    /// A signature block's title line: "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", "CHỦ TỊCH".
    static func isSignatureTitle(_ text: String) -> Bool {
        guard text == text.uppercased(), text.count <= 60 else { return false }
        if text.firstMatch(of: signingOnBehalf) != nil { return true }
        return signerTitles.contains(HeaderText.fold(text))
    }

    /// "Nơi nhận:": the list of recipients beside the signature.
    static let recipients = "noi nhan"
}
