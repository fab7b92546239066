import DibaoEvents

/// 行政区划层级: the five levels a caseload rolls up through, and the code of each level for a
/// village: 533103001001 → village 533103001001, township 533103001, county 533103,
/// prefecture 533100, province 530000.
public enum RegionLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// 省级 (2 digits + `0000`).
    case province = 1
    /// 地市级 (4 digits + `00`).
    case prefecture = 2
    /// 县级 (6 digits).
    case county = 3
    /// 乡镇级 (9 digits).
    case township = 4
    /// 村级 (12 digits).
    case village = 5

    /// The level a code names (a 6-digit code ending `0000` is a province, `00` a prefecture).
    public init(of code: RegionCode) {
        switch code.rawValue.utf8.count {
        case 12: self = .village
        case 9: self = .township
        default: self = code.rawValue.hasSuffix("0000") ? .province : code.rawValue.hasSuffix("00") ? .prefecture : .county
        }
    }

    /// SQL expression of this level's code, from a 12-digit village code column.
    func codeExpression(_ column: String) -> String {
        switch self {
        case .province: return "substr(\(column), 1, 2) || '0000'"
        case .prefecture: return "substr(\(column), 1, 4) || '00'"
        case .county: return "substr(\(column), 1, 6)"
        case .township: return "substr(\(column), 1, 9)"
        case .village: return column
        }
    }

    /// Chinese label for reports.
    public var label: String {
        switch self {
        case .province: return "省"
        case .prefecture: return "市"
        case .county: return "县"
        case .township: return "乡镇"
        case .village: return "村"
        }
    }

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension RegionLevel {
    /// Stable English name (`county`), used in CSV cells.
    public var wireName: String {
        switch self {
        case .province: return "province"
        case .prefecture: return "prefecture"
        case .county: return "county"
        case .township: return "township"
        case .village: return "village"
        }
    }
}
