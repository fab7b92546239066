import DibaoCasework
import DibaoEvents

/// The caseload part of the 民政统计月报 for one jurisdiction and month, with the previous
/// month (上期) and the change (环比 = 本期 − 上期, an absolute difference).
public struct MonthlyStatistics: Sendable, Hashable {
    public var jurisdiction: RegionCode
    public var month: CalendarMonth
    /// Urban and rural 低保, centralised and dispersed 特困, in that order.
    public var programmes: [ProgrammeMonthComparison]
    public var temporaryAssistance: TemporaryAssistanceComparison

    public var previousMonth: CalendarMonth { month.adding(months: -1) }
}

/// One programme's figures for a month, the previous month's, and the change.
public struct ProgrammeMonthComparison: Sendable, Hashable {
    public var programme: Programme
    /// 本期.
    public var current: ProgrammeMonthFigures
    /// 上期.
    public var previous: ProgrammeMonthFigures
    /// 环比: current − previous, figure by figure. Its `averagePerPersonFen` is meaningless
    /// (a ratio of differences); use `averagePerPersonChangeFen`.
    public var change: ProgrammeMonthFigures { current.minus(previous) }
    /// 环比 of 月人均支出水平: the difference of the two rounded averages.
    public var averagePerPersonChangeFen: Int64 { current.averagePerPersonFen - previous.averagePerPersonFen }
}

/// A monthly programme's figures for one month: households and persons in the caseload at the
/// month's end (active or tapering for that benefit month, F-23), the month's amount, the
/// average per person, and the households and persons that entered or exited in the month.
public struct ProgrammeMonthFigures: Sendable, Hashable {
    public var households: Int64 = 0
    public var persons: Int64 = 0
    /// 当月支出: the sum of the monthly amounts in force for the month, fen.
    public var amountFen: Int64 = 0
    /// 当月新增 households and persons: first benefit month is this month.
    public var householdsEntered: Int64 = 0
    public var personsEntered: Int64 = 0
    /// 当月退出 households and persons: the exit's effective month (first month without entitlement) is this month.
    public var householdsExited: Int64 = 0
    public var personsExited: Int64 = 0

    public init() {}

    /// 月人均支出水平, fen: amount ÷ persons rounded half up to the fen, in integers
    /// (`(2 × amount + persons) / (2 × persons)`); 0 when there are no persons.
    public var averagePerPersonFen: Int64 {
        persons > 0 ? (2 * amountFen + persons) / (2 * persons) : 0
    }

    func minus(_ other: ProgrammeMonthFigures) -> ProgrammeMonthFigures {
        var result = ProgrammeMonthFigures()
        result.households = households - other.households
        result.persons = persons - other.persons
        result.amountFen = amountFen - other.amountFen
        result.householdsEntered = householdsEntered - other.householdsEntered
        result.personsEntered = personsEntered - other.personsEntered
        result.householdsExited = householdsExited - other.householdsExited
        result.personsExited = personsExited - other.personsExited
        return result
    }
}

/// 临时救助 paid in a month: the amount and person-times (人次).
public struct TemporaryAssistanceMonthFigures: Sendable, Hashable {
    public var amountFen: Int64 = 0
    public var personTimes: Int64 = 0
    /// Payments (emergency payments and stages).
    public var payments: Int64 = 0

    public init() {}
}

/// 临时救助 this month, last month and the change.
public struct TemporaryAssistanceComparison: Sendable, Hashable {
    public var current: TemporaryAssistanceMonthFigures
    public var previous: TemporaryAssistanceMonthFigures
}
