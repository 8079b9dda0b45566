/// What a real table can hold, so a number written in a file never sizes an allocation:
/// Word stops at 63 columns and 9 list levels and starts a list at 32767 at most.
enum GridLimits {
    static let columns = 63
    static let listLevels = 0...8
    static let listStart = 0...32_767

    /// The attribute as a whole number clamped to `range`; nil when it is not a number.
    static func number(_ attribute: String?, clampedTo range: ClosedRange<Int>) -> Int? {
        guard let attribute else { return nil }
        // An integer too long for Int is out of every range, on the side its sign says.
        guard let value = Int(attribute) else {
            let digits = attribute.drop { $0 == "-" || $0 == "+" }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            return attribute.hasPrefix("-") ? range.lowerBound : range.upperBound
        }
        return min(max(value, range.lowerBound), range.upperBound)
    }
}
