import DibaoEvents

extension Programme {
    /// 低保, urban or rural.
    public var isDibao: Bool { self == .urbanDibao || self == .ruralDibao }
    /// 特困, centralised or dispersed.
    public var isTekun: Bool { self == .extremePovertyCentralised || self == .extremePovertyDispersed }
    /// A monthly benefit programme (everything but 临时救助).
    public var isMonthly: Bool { self != .temporaryAssistance }
}
