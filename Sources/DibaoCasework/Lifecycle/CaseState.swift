import DibaoEvents

/// A `case-<id>` stream folded (`evolve`): what the decide function and the overdue
/// questions need. Built only from events, never from a clock.
public struct CaseState: Sendable, Hashable {
    public var status: CaseStatus = .notOpened
    public var application: ApplicationSubmitted?
    /// Verified (or re-checked) incomes and deductions; the declared ones until verification.
    public var incomes: [IncomeRecord] = []
    public var deductions: [DeductionRecord] = []
    public var verification: HouseholdEconomicVerificationRecorded?
    public var homeVisits: [HomeVisitRecorded] = []
    public var appraisals: [DemocraticAppraisalRecorded] = []
    public var notices: [PublicNoticePosted] = []
    public var objections: [ObjectionRaised] = []
    public var objectionStage: ObjectionStage = .none
    public var review: CaseReviewed?
    public var approval: CaseApproved?
    public var rejection: ApplicationRejected?
    /// Monthly amount paid now, fen.
    public var monthlyAmountFen: Int64 = 0
    public var adjustments: [AmountAdjusted] = []
    public var lastRecheckOn: BusinessDate?
    public var tapering: TaperingStarted?
    public var taperingEnded: TaperingEnded?
    public var suspension: CaseSuspended?
    /// Status to return to on resumption.
    public var statusBeforeSuspension: CaseStatus?
    public var exit: CaseExited?
    public var corrections: [EventCorrected] = []
    /// Id of the event that set the current amount (approval, adjustment, tapering start).
    public var amountEventId: String?
    /// Event id → event type, for corrections.
    public var eventTypes: [String: String] = [:]
    public var emergencyPayments: [EmergencyAssistancePaid] = []
    public var emergencyExplanations: [EmergencyExplanationRecorded] = []
    public var expenditureApproval: ExpenditureAssistanceApproved?
    public var stagesPaid: [AssistanceStagePaid] = []

    public init() {}

    /// Folds events in stream order, each with its event id.
    public init(replaying events: [(id: String, event: CaseEvent)]) {
        for entry in events { evolve(entry.event, eventId: entry.id) }
    }

    /// The programme, once an application exists.
    public var programme: Programme? { application.flatMap { Programme(rawValue: $0.programme) } }

    /// Members whose needs the amount covers: the single person (单人户) or the whole household.
    public var membersCounted: [HouseholdMemberRecord] {
        guard let application else { return [] }
        if let single = application.singlePersonMemberIdNumber { return application.members.filter { $0.idNumber == single } }
        return application.members
    }

    /// The current income assessment of the counted members' household.
    public var assessment: IncomeAssessment { IncomeAssessment(incomes: incomes, deductions: deductions) }

    /// Whether the case is kin-related: declared by the applicant or found in the registry.
    public func isKinRelated(_ registry: KinRegistry) -> Bool {
        guard let application else { return false }
        return application.applicantDeclaresStaffKinship || registry.hasDeclaredKin(amongst: application.members.map(\.idNumber))
    }
}
