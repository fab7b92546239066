/// Every casework, policy and staff event type, in catalogue order. `LedgerCatalogue.make()`
/// registers them; the golden-sample and reference-doc tests walk this list.
public enum CaseworkEventTypes {
    public static let all: [any LedgerEventData.Type] = [
        ApplicationSubmitted.self, HouseholdEconomicVerificationRecorded.self, HomeVisitRecorded.self,
        DemocraticAppraisalRecorded.self, PublicNoticePosted.self, ObjectionRaised.self, CaseReviewed.self,
        CaseApproved.self, ApplicationRejected.self, AmountAdjusted.self, RecheckRecorded.self,
        TaperingStarted.self, TaperingEnded.self, CaseSuspended.self, CaseResumed.self, CaseExited.self,
        EventCorrected.self, EmergencyAssistancePaid.self, EmergencyExplanationRecorded.self,
        ExpenditureAssistanceApproved.self, AssistanceStagePaid.self,
        PolicyParametersSet.self, StaffKinshipDeclared.self,
    ]

    /// Every type's name, in catalogue order.
    public static var eventTypeNames: [String] { all.map { $0.eventType } }

    /// Registers every type into `catalogue`.
    public static func register(into catalogue: inout EventCatalogue) {
        for type in all { catalogue.register(type) }
    }
}
