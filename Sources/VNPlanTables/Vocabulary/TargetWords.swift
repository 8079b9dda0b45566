/// How a plan words a measurable target: the comparator before or after the number
/// ("tối thiểu 80%", "từ 90% trở lên", "không quá 5"), and its unit. Built once: targets are
/// looked for in every objective cell.
enum TargetWords {
    /// A number, with a percent sign after it.
    nonisolated(unsafe) static let number = /(?<digits>\d+(?:[.,]\d+)*)(?<percent>\s*%)?/
    /// "1.000": dots that group thousands.
    nonisolated(unsafe) static let groupedThousands = /^\d{1,3}(?:\.\d{3})+$/
    nonisolated(unsafe) static let orMore = /^\s*%?\s*trở lên/
    nonisolated(unsafe) static let orLess = /^\s*%?\s*trở xuống/
    nonisolated(unsafe) static let atMost =
        /(?:tối đa|không quá|không vượt quá|không nhiều hơn|dưới|ít hơn)\s*(?:là\s*)?$/
    nonisolated(unsafe) static let atLeast =
        /(?:tối thiểu|ít nhất|trên|không dưới|không thấp hơn|không ít hơn|lớn hơn|hơn|vượt)\s*(?:từ\s*|là\s*|đạt\s*)?$/
    nonisolated(unsafe) static let about = /(?:khoảng|xấp xỉ|gần|chừng|ước)\s*$/
    /// "80 điểm": a score.
    static let pointsUnit = "điểm"
}
