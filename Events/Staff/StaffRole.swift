/// The roles whose close relatives must be declared (近亲属备案).
public enum StaffRole: String, Codable, Sendable, Hashable {
    /// 民政干部 civil-affairs staff.
    case civilAffairs = "civil_affairs"
    /// 村干部 village cadre.
    case villageCadre = "village_cadre"
    /// 社会救助协理员 village social-assistance assistant (R001-18).
    case assistant
}
