import DibaoEvents

/// 近亲属备案登记 the staff kin registry: the `kin-<jurisdiction>` stream folded. Answers
/// whether a staff member declared kinship with any member of a household (R-D02).
public struct KinRegistry: Sendable, Hashable {
    public private(set) var declarations: [StaffKinshipDeclared] = []

    public init(_ declarations: [StaffKinshipDeclared] = []) {
        self.declarations = declarations
    }

    public mutating func evolve(_ event: StaffKinshipDeclared) {
        declarations.append(event)
    }

    /// Whether `staffId` declared any of `idNumbers` as a close relative.
    public func isKin(staffId: String, ofAnyOf idNumbers: [ResidentIdNumber]) -> Bool {
        declarations.contains { $0.staffId == staffId && idNumbers.contains($0.relativeIdNumber) }
    }

    /// Whether any staff member declared any of `idNumbers`.
    public func hasDeclaredKin(amongst idNumbers: [ResidentIdNumber]) -> Bool {
        declarations.contains { idNumbers.contains($0.relativeIdNumber) }
    }
}
