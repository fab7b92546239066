/// The assistance programmes a case belongs to (救助项目). One case is one household in one
/// programme.
public enum Programme: String, Sendable, Hashable, CaseIterable, Codable {
    /// 城市最低生活保障 urban minimum living allowance.
    case urbanDibao = "urban_dibao"
    /// 农村最低生活保障 rural minimum living allowance.
    case ruralDibao = "rural_dibao"
    /// 特困人员救助供养（集中供养） extreme-poverty support, centralised care.
    case extremePovertyCentralised = "tekun_centralised"
    /// 特困人员救助供养（分散供养） extreme-poverty support, dispersed care.
    case extremePovertyDispersed = "tekun_dispersed"
    /// 临时救助 temporary assistance.
    case temporaryAssistance = "temporary_assistance"
}
