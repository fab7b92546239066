import Foundation

/// One measured comparison: our operation beside the raw PostgreSQL baseline, as medians of
/// several alternating rounds in the same run against the same server.
public struct Comparison: Sendable, Codable, Equatable {
    /// What was measured (`single_event_1_writer`, …).
    public var name: String
    /// Median events per second through the ledger.
    public var oursEventsPerSecond: Double
    /// Median events per second of the raw baseline.
    public var rawEventsPerSecond: Double
    /// Every round's figure, in the order measured (for the reader who distrusts medians).
    public var oursRounds: [Double]
    public var rawRounds: [Double]

    /// ours / raw, of the medians.
    public var ratio: Double

    public init(name: String, oursRounds: [Double], rawRounds: [Double]) {
        self.name = name
        self.oursRounds = oursRounds
        self.rawRounds = rawRounds
        self.oursEventsPerSecond = Self.median(oursRounds)
        self.rawEventsPerSecond = Self.median(rawRounds)
        self.ratio = rawEventsPerSecond > 0 ? oursEventsPerSecond / rawEventsPerSecond : 0
    }

    /// The median (mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// One line for people: `name  ours 9812 events/s  raw 10544 events/s  ratio 0.93`.
    public var line: String {
        let padded = name.padding(toLength: max(name.count, 28), withPad: " ", startingAt: 0)
        return String(format: "%@ ours %8.0f events/s   raw %8.0f events/s   ratio %.2f", padded, oursEventsPerSecond, rawEventsPerSecond, ratio)
    }
}

extension Duration {
    /// Seconds as a Double, for rates.
    var secondsValue: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
