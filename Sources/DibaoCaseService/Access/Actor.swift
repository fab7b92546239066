import DibaoEvents

/// Who is acting: read from a verified token, never from a request body. Everything an
/// event's metadata says about its author (id, role, jurisdiction) comes from here.
public struct Actor: Sendable, Hashable {
    /// Staff id (the token's `sub`).
    public var actorId: String
    /// Name shown to people (the token's `name`).
    public var displayName: String
    public var role: ActorRole
    /// The jurisdiction the token acts in: a region code whose prefix must contain the case's village.
    public var jurisdictionCode: RegionCode

    public init(actorId: String, displayName: String, role: ActorRole, jurisdictionCode: RegionCode) {
        self.actorId = actorId
        self.displayName = displayName
        self.role = role
        self.jurisdictionCode = jurisdictionCode
    }

    /// The administrative level the actor decides at: a township code (9 digits) acts at
    /// township level (乡镇/街道), every shorter code at county level (县级民政局).
    public var level: AdministrativeLevel {
        jurisdictionCode.rawValue.utf8.count >= 9 ? .township : .county
    }
}

/// What a token holder may do (docs/decisions/0004-access-control.md).
public enum ActorRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// 经办人 township caseworker: applications, verification, home visits, appraisal, notice, review, re-checks.
    case caseworker
    /// 审批人 approver: approval, rejection, adjustment, suspension, exit, corrections, assistance approvals.
    case approver
    /// 资金 finance staff: reads cases; drives payouts, not the case lifecycle.
    case finance
    /// 审计/纪检监察 inspector: reads only.
    case inspector
    /// 系统管理员 administrator: policy and tokens; reads cases, drives no casework.
    case admin
}
