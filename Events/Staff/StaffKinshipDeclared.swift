/// 近亲属备案 a staff member (civil affairs, village cadre, assistant) declares a close relative, on stream `kin-<jurisdiction code>`; the staff member never reviews, approves or appraises that relative's case (R-D02).
public struct StaffKinshipDeclared: LedgerEventData {
    public static let eventType = "StaffKinshipDeclared"
    public static let schemaVersion = 1

    public var staffId: String
    public var staffRole: StaffRole
    public var relativeIdNumber: ResidentIdNumber
    public var relation: MemberRelation
    public var declaredOn: BusinessDate

    public init(staffId: String, staffRole: StaffRole, relativeIdNumber: ResidentIdNumber, relation: MemberRelation, declaredOn: BusinessDate) {
        self.staffId = staffId
        self.staffRole = staffRole
        self.relativeIdNumber = relativeIdNumber
        self.relation = relation
        self.declaredOn = declaredOn
    }

    public func check() throws(EventValidationError) {
        try RecordChecks.text(staffId, "data.staffId", max: 64)
    }
}
