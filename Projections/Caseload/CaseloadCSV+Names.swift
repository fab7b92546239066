import DibaoCasework

extension CaseloadCSV {
    /// The programme's name on the 月报.
    public static func chineseName(_ programme: Programme) -> String {
        switch programme {
        case .urbanDibao: return "城市低保"
        case .ruralDibao: return "农村低保"
        case .extremePovertyCentralised: return "特困人员（集中供养）"
        case .extremePovertyDispersed: return "特困人员（分散供养）"
        case .temporaryAssistance: return "临时救助"
        }
    }

    /// The status's name (在保, 渐退期, 暂停 …).
    public static func chineseName(_ status: CaseStatus) -> String {
        switch status {
        case .notOpened: return "未立案"
        case .pending: return "待审批"
        case .rejected: return "不予批准"
        case .active: return "在保"
        case .tapering: return "渐退期"
        case .suspended: return "暂停"
        case .exited: return "退出"
        }
    }
}
