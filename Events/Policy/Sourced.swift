/// A policy value with where it comes from: a seed rule id (`R004-03`) or `ILLUSTRATIVE`
/// for a number the seeds do not give and the fixture needed anyway (never presented as policy).
public struct Sourced<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var value: Value
    /// `R000-06`, `R-D05`… or `ILLUSTRATIVE`.
    public var source: String

    public init(_ value: Value, source: String) {
        self.value = value
        self.source = source
    }

    /// A value from a seed rule.
    public static func seed(_ value: Value, _ rule: String) -> Sourced { Sourced(value, source: rule) }
    /// A value no seed gives.
    public static func illustrative(_ value: Value) -> Sourced { Sourced(value, source: illustrativeSource) }

    /// The label of values no seed gives.
    public static var illustrativeSource: String { "ILLUSTRATIVE" }

    /// Whether the value comes from no seed.
    public var isIllustrative: Bool { source == Self.illustrativeSource }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decode(Value.self, forKey: .value)
        source = try container.decode(String.self, forKey: .source)
        let ruleShape = source.hasPrefix("R") && source.utf8.count >= 5 && source.utf8.count <= 8 && source.contains("-")
        guard source == Self.illustrativeSource || ruleShape else {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [CodingKeys.source],
                                                   debugDescription: "must be a rule id like R004-03 or ILLUSTRATIVE"))
        }
    }

    private enum CodingKeys: String, CodingKey { case value, source }
}
