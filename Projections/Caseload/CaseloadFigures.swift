import DibaoCasework

/// Households (户数), persons (人数) and the monthly amount (月保障金额, fen) of a group of cases.
public struct CaseloadFigures: Sendable, Hashable {
    public var households: Int64
    public var persons: Int64
    public var monthlyAmountFen: Int64

    public init(households: Int64 = 0, persons: Int64 = 0, monthlyAmountFen: Int64 = 0) {
        self.households = households
        self.persons = persons
        self.monthlyAmountFen = monthlyAmountFen
    }
}

/// One line of a caseload rollup: a region at one level, a programme and a status.
public struct CaseloadRollupRow: Sendable, Hashable {
    /// The region's code at its level (`533103001`, `533100`, …).
    public var regionCode: String
    public var level: RegionLevel
    public var programme: Programme
    /// `active`, `tapering` or `suspended`.
    public var status: CaseStatus
    public var figures: CaseloadFigures

    public init(regionCode: String, level: RegionLevel, programme: Programme, status: CaseStatus, figures: CaseloadFigures) {
        self.regionCode = regionCode
        self.level = level
        self.programme = programme
        self.status = status
        self.figures = figures
    }
}

/// The statuses a caseload counts (在保, 渐退期, 暂停) and their report order.
public enum CaseloadBuckets {
    public static let statuses: [CaseStatus] = [.active, .tapering, .suspended]
    /// The monthly programmes, in report order (临时救助 is reported as payments, not caseload).
    public static let programmes: [Programme] = [.urbanDibao, .ruralDibao, .extremePovertyCentralised, .extremePovertyDispersed]

    static var statusList: String { statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") }
    static var programmeList: String { programmes.map { "'\($0.rawValue)'" }.joined(separator: ", ") }

    static func order(_ row: CaseloadRollupRow) -> (Int, String, Int, Int) {
        (row.level.rawValue, row.regionCode, programmes.firstIndex(of: row.programme) ?? 99, statuses.firstIndex(of: row.status) ?? 99)
    }
}
