import Foundation

/// What a comparison is judged against, when it is judged at all: a least ratio ours/raw, or a
/// least rate of our own.
public struct Target: Sendable, Codable, Equatable {
    /// ours / raw must reach this.
    public var ratio: Double?
    /// Our events per second must reach this.
    public var eventsPerSecond: Double?

    public static func ratio(_ value: Double) -> Target { Target(ratio: value) }
    public static func eventsPerSecond(_ value: Double) -> Target { Target(eventsPerSecond: value) }

    /// Whether medians at `ratio` and `oursEventsPerSecond` reach every bound this target sets.
    func isMet(ratio measured: Double, oursEventsPerSecond: Double) -> Bool {
        (ratio.map { measured >= $0 } ?? true) && (eventsPerSecond.map { oursEventsPerSecond >= $0 } ?? true)
    }

    /// `ratio ≥ 0.80` or `≥ 100000 events/s`.
    var description: String {
        [ratio.map { String(format: "ratio ≥ %.2f", $0) }, eventsPerSecond.map { String(format: "≥ %.0f events/s", $0) }]
            .compactMap { $0 }.joined(separator: ", ")
    }
}

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
    /// The target this comparison is judged on; nil for a comparison printed as context.
    public var target: Target?
    /// Whether the medians meet `target` (nil without one).
    public var met: Bool?

    public init(name: String, oursRounds: [Double], rawRounds: [Double], target: Target? = nil) {
        self.name = name
        self.oursRounds = oursRounds
        self.rawRounds = rawRounds
        self.oursEventsPerSecond = Self.median(oursRounds)
        self.rawEventsPerSecond = Self.median(rawRounds)
        self.ratio = rawEventsPerSecond > 0 ? oursEventsPerSecond / rawEventsPerSecond : 0
        self.target = target
        self.met = target?.isMet(ratio: ratio, oursEventsPerSecond: oursEventsPerSecond)
    }

    /// The median (mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// One line for people:
    /// `name  ours 9812 events/s  raw 10544 events/s  ratio 0.931  target ratio ≥ 0.90: met`.
    /// The ratio is cut (not rounded) to three decimals, so a ratio just under its target never
    /// prints as the target itself.
    public var line: String {
        // Wide enough for every scenario's name, so the figures line up.
        let padded = name.padding(toLength: max(name.count, 44), withPad: " ", startingAt: 0)
        let figures = String(format: "%@ ours %8.0f events/s   raw %8.0f events/s   ratio %.3f",
                             padded, oursEventsPerSecond, rawEventsPerSecond, (ratio * 1_000).rounded(.down) / 1_000)
        guard let target, let met else { return figures + "   (context)" }
        return figures + "   target \(target.description): " + (met ? "met" : "NOT MET")
    }
}

extension Duration {
    /// Seconds as a Double, for rates.
    var secondsValue: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
