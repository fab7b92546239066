import DibaoCasework
import DibaoEvents

/// A case's current facts, as kept in `caseload_cases`: the compact part of `CaseState` the
/// caseload needs, so a batch loads one small row per case instead of replaying its stream.
struct CaseloadRow: Sendable, Hashable {
    var caseId: String
    /// 12-digit village code.
    var villageCode: String
    /// Programme wire name.
    var programme: String
    var status: CaseStatus
    /// The status a resumption returns to.
    var statusBeforeSuspension: CaseStatus?
    /// Members the amount covers (单人户: 1).
    var persons: Int
    var monthlyAmountFen: Int64
    /// The event that set `monthlyAmountFen` (lower-case UUID), so a correction naming it applies.
    var amountEventId: String?
    var submittedOn: BusinessDate
    /// First benefit month (`CaseApproved.firstBenefitMonth`).
    var entryMonth: CalendarMonth?
    /// First month without entitlement (`CaseExited.effectiveMonth`).
    var exitMonth: CalendarMonth?
    var lastStreamVersion: Int64
}

/// One effective-dated change of a case, a row of `caseload_history`: nil means unchanged.
struct CaseloadChange: Sendable, Hashable {
    var caseId: String
    var streamVersion: Int64
    var eventId: String
    var eventType: String
    var villageCode: String
    var programme: String
    var validFrom: BusinessDate
    var status: CaseStatus?
    var persons: Int?
    var monthlyAmountFen: Int64?
}

/// One 临时救助 payment, a row of `caseload_temporary_payments`.
struct TemporaryPayment: Sendable, Hashable {
    var eventId: String
    var caseId: String
    var regionCode: String
    /// `emergency` or `stage`.
    var kind: String
    var paidOn: BusinessDate
    var amountFen: Int64
    var personTimes: Int
}

/// A correction of the amount an earlier event set: rewrites that event's history row.
struct AmountCorrection: Sendable, Hashable {
    var caseId: String
    var correctedEventId: String
    var monthlyAmountFen: Int64
}

/// Everything one batch writes besides the case rows, in event order.
struct CaseloadChanges: Sendable {
    var history: [CaseloadChange] = []
    var payments: [TemporaryPayment] = []
    var corrections: [AmountCorrection] = []
    var touched: Set<String> = []
}
