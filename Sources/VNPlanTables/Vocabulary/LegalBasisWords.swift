/// How a plan states its legal basis: the statements' openers ("Căn cứ", "Thực hiện"), the
/// types of the documents cited, their numbers, their issuers, and the words that join one
/// citation to the next.
enum LegalBasisWords {
    /// What may precede a citation named without a number: a separator or the opener.
    nonisolated(unsafe) static let separatorBefore = /(?:^|[;,(]|\svà|^\s*(?:Căn cứ|Thực hiện))\s*$/
    /// A line that starts something else: another statement, an article, a heading, a list.
    nonisolated(unsafe) static let blockStart =
        /^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét|Điều\s+\d|QUYẾT ĐỊNH|[IVX]+\.|\d+\.|[a-zđ]\)|[-+•])/
    /// A legal-basis statement: "Căn cứ …", "Thực hiện …".
    nonisolated(unsafe) static let opening = /^(?:Căn cứ|Thực hiện)\s/
    /// A cited document: its type, then a number or a capitalised name.
    nonisolated(unsafe) static let documentStart =
        /(?<type>Bộ luật|Luật|Hiến pháp|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư liên tịch|Thông tư|Chỉ thị|Kế hoạch|Công văn|Văn bản|Hướng dẫn|Thông báo|Công điện|Kết luận|Quy định|Đề án|Chương trình)(?:(?<numbered>\s+số\s*:?\s*\d|\s+\d+[\p{L}\d]*[\/\-])|\s+\p{Lu})/
    /// "63/2010/NĐ-CP", "876/QĐ-BNV".
    nonisolated(unsafe) static let documentNumber =
        /(?<number>\d+[\p{L}\d]*(?:[\/\-–][\p{L}\d.&]*\p{L}[\p{L}\d.&]*|\/\d{4})+(?:[\/\-][\p{L}\d]+)*)/
    /// "của Thủ tướng Chính phủ về …": the issuer, up to what the document is about.
    nonisolated(unsafe) static let issuerPhrase =
        /\scủa\s+(?<issuer>.+?)(?=\s+(?:về|quy định|ban hành|hướng dẫn|phê duyệt|sửa đổi|tổ chức|triển khai|thực hiện|hợp nhất|thông qua|công bố|giao|điều chỉnh|bãi bỏ|V\/v|v\/v|đối với|trên địa bàn|tại|năm\s+\d{4}\s*(?:về|$))\s|\s*[(;]|\s*$)/
    /// What leads from one citation to the next: "và", "(được sửa đổi, bổ sung tại".
    nonisolated(unsafe) static let trailingConnective =
        /(?:\s+và(?:\s+các)?|\s*\(?\s*(?:được\s+)?(?:sửa đổi,?\s*bổ sung|thay thế|hướng dẫn)\s*(?:tại|bởi|theo)?|\s+tại)$/
    /// Issuers that a number's suffix defines.
    nonisolated(unsafe) static let issuerBySuffix: [(suffix: Regex<Substring>, issuer: String)] = [
        (/-TTg\b/, "Thủ tướng Chính phủ"), (/-CP\b/, "Chính phủ"), (/\/QH\d*\b/, "Quốc hội"),
        (/\/UBTVQH\d*\b/, "Ủy ban Thường vụ Quốc hội"),
    ]
    /// Laws are the National Assembly's.
    static let laws: Set<String> = ["Luật", "Bộ luật"]
    static let lawIssuer = "Quốc hội"
}
