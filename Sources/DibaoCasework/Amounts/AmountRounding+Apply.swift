import DibaoEvents

extension AmountRounding {
    /// Rounds the non-negative fraction `numerator / denominator` fen to the rounding unit.
    public func round(numerator: Int64, denominator: Int64) -> Int64 {
        precondition(numerator >= 0 && denominator > 0, "amounts are rounded only when non-negative")
        let scaled = denominator * unitFen
        let units: Int64
        switch mode {
        case .floor: units = numerator / scaled
        case .ceiling: units = (numerator + scaled - 1) / scaled
        case .halfUp: units = (2 * numerator + scaled) / (2 * scaled)
        }
        return units * unitFen
    }
}
