import DibaoEvents

/// The streams casework reads and writes: `case-<id>` (one household in one programme),
/// `policy-<region code>` (effective-dated parameters) and `kin-<region code>` (近亲属备案).
public enum CaseStreams {
    /// The stream of one case.
    public static func caseStream(_ caseId: String) throws(EventValidationError) -> StreamName {
        try StreamName(category: "case", id: caseId)
    }

    /// The policy stream of one jurisdiction.
    public static func policyStream(_ regionCode: String) throws(EventValidationError) -> StreamName {
        try StreamName(category: "policy", id: regionCode)
    }

    /// The staff kin registry of one jurisdiction.
    public static func kinStream(_ regionCode: String) throws(EventValidationError) -> StreamName {
        try StreamName(category: "kin", id: regionCode)
    }
}
