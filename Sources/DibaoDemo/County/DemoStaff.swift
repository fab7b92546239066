import DibaoCaseService
import DibaoEvents

/// The fictitious staff who act on the demo's cases, as the actors their tokens would carry.
/// Each township has two caseworkers (who visit homes together), a reviewer (审核, a
/// caseworker role) and an approver; the county civil-affairs bureau has two approvers.
/// The approver is never the reviewer (R-D01).
public struct DemoStaff: Sendable {
    public var county: DemoCounty

    public init(county: DemoCounty) { self.county = county }

    /// The caseworker who takes applications and records the investigation.
    public func caseworker(_ township: DemoCounty.Township) -> Actor {
        actor("cw1", "经办人甲", .caseworker, township)
    }

    /// The second investigator of a home visit (never holds the token).
    public func secondInvestigatorId(_ township: DemoCounty.Township) -> String { staffId("cw2", township) }

    /// The township reviewer (审核).
    public func reviewer(_ township: DemoCounty.Township) -> Actor {
        actor("rv", "审核人", .caseworker, township)
    }

    /// The township approver: emergency payments at township level, and approval where the
    /// policy's level is township.
    public func townshipApprover(_ township: DemoCounty.Township) -> Actor {
        actor("ap", "乡镇审批人", .approver, township)
    }

    /// A county approver (县级民政局); two alternate so the metadata shows more than one person.
    public func countyApprover(_ index: Int) -> Actor {
        let number = index % 2 + 1
        return Actor(actorId: "demo-\(county.code)-ap\(number)", displayName: "\(county.name)民政局审批人\(number)",
                     role: .approver, jurisdictionCode: county.code)
    }

    /// The approver at the administrative level the policy requires.
    public func approver(at level: AdministrativeLevel, _ township: DemoCounty.Township, index: Int) -> Actor {
        level == .township ? townshipApprover(township) : countyApprover(index)
    }

    func staffId(_ suffix: String, _ township: DemoCounty.Township) -> String { "demo-\(township.code)-\(suffix)" }

    func actor(_ suffix: String, _ title: String, _ role: ActorRole, _ township: DemoCounty.Township) -> Actor {
        Actor(actorId: staffId(suffix, township), displayName: township.name + title, role: role, jurisdictionCode: township.code)
    }
}
