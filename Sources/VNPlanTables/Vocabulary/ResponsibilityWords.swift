/// How a "Cơ quan thực hiện" cell says who leads (chủ trì) and who supports (phối hợp).
enum ResponsibilityWords {
    /// The word of the lead role; the other role word is phối hợp.
    static let lead = "chủ trì"
    /// "Bộ phận chủ trì: X", "Cơ quan phối hợp thực hiện: Y".
    nonisolated(unsafe) static let labelled =
        /(?i)^(?:(?:bộ phận|cơ quan|đơn vị|phòng|đơn vị, cơ quan|cơ quan, đơn vị)\s+)?(?<role>chủ trì|phối hợp)(?:\s+thực hiện)?\s*:\s*(?<units>.+)$/
    /// "Công an phường chủ trì.", "Các cơ quan có liên quan (được giao) phối hợp".
    nonisolated(unsafe) static let closingRole =
        /(?i)^(?<units>.+?)\s*\(?\s*(?:được giao(?: nhiệm vụ)?\s+|là (?:cơ quan|đơn vị)\s+|làm\s+)?(?<role>chủ trì|phối hợp)\b[^:]*$/
}
