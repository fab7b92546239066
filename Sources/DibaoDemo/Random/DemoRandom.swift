/// SplitMix64: a small seeded generator, so the same seed gives the same county on every
/// machine and Swift version. The standard library's `random(in:using:)` is not used: its
/// mapping from bits to ranges is an implementation detail that may change.
public struct DemoRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, by rejection sampling (no modulo bias).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        let limit = UInt64.max - UInt64.max % span
        var bits = next()
        while bits >= limit { bits = next() }
        return range.lowerBound + Int(bits % span)
    }

    /// A fen amount in `range`, a multiple of `unitFen`.
    public mutating func fen(in range: ClosedRange<Int64>, unitFen: Int64 = 100) -> Int64 {
        Int64(int(in: Int(range.lowerBound / unitFen)...Int(range.upperBound / unitFen))) * unitFen
    }

    /// True with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    /// One element of a non-empty array.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        precondition(!elements.isEmpty, "pick needs at least one element")
        return elements[int(in: 0...(elements.count - 1))]
    }
}
