/// 行政区划代码 administrative division code (GB/T 2260 plus township and village digits):
/// 6 digits for province, prefecture and county (`530000`, `533100`, `533103`), 9 for a
/// township (`533103001`), 12 for a village (`533103001001`). A jurisdiction is a code
/// prefix (R-D11): trailing `00` pairs of a 6-digit code do not count.
public struct RegionCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// 6, 9 or 12 ASCII digits.
    public init(_ text: String, field: String = "code") throws(EventValidationError) {
        guard [6, 9, 12].contains(text.utf8.count), text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            !text.hasPrefix("00")
        else { throw .invalid(field: field, reason: "must be a region code of 6, 9 or 12 digits") }
        rawValue = text
    }

    /// Whether the code names a village (12 digits).
    public var isVillage: Bool { rawValue.utf8.count == 12 }

    /// The digits that matter for containment: `53` for 530000, `5331` for 533100.
    public var jurisdictionPrefix: String {
        guard rawValue.utf8.count == 6 else { return rawValue }
        if rawValue.hasSuffix("0000") { return String(rawValue.prefix(2)) }
        if rawValue.hasSuffix("00") { return String(rawValue.prefix(4)) }
        return rawValue
    }

    /// Whether `other` lies inside this jurisdiction (a code contains itself).
    public func contains(_ other: RegionCode) -> Bool { other.rawValue.hasPrefix(jurisdictionPrefix) }

    /// The codes from the province down to this one: 533103001001 →
    /// [530000, 533100, 533103, 533103001, 533103001001]. Duplicates are dropped.
    public var ancestry: [RegionCode] {
        let digits = rawValue
        var chain = [String(digits.prefix(2)) + "0000", String(digits.prefix(4)) + "00", String(digits.prefix(6))]
        if digits.utf8.count >= 9 { chain.append(String(digits.prefix(9))) }
        if digits.utf8.count == 12 { chain.append(digits) }
        var seen = Set<String>()
        return chain.filter { seen.insert($0).inserted }.map { try! RegionCode($0) }
    }

    public var description: String { rawValue }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch { throw invalidValue(decoder, "must be a region code of 6, 9 or 12 digits") }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
