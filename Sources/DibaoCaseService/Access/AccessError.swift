/// Why a request was refused before anything was read for a decision or written. Each case
/// has a stable code (docs/reference/http-api.md); none carries secret material.
public enum AccessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No bearer token was sent.
    case tokenMissing
    /// The token is malformed, not signed with our key, or carries unusable claims.
    case tokenInvalid(reason: String)
    /// The token's `exp` has passed.
    case tokenExpired
    /// The role may not issue this command.
    case roleNotPermitted(role: ActorRole, command: String)
    /// The case's village lies outside the token's jurisdiction.
    case outsideJurisdiction(jurisdictionCode: String, villageCode: String)

    /// Stable snake_case code.
    public var code: String {
        switch self {
        case .tokenMissing: "token_missing"
        case .tokenInvalid: "token_invalid"
        case .tokenExpired: "token_expired"
        case .roleNotPermitted: "role_not_permitted"
        case .outsideJurisdiction: "outside_jurisdiction"
        }
    }

    /// True for "who are you" failures (HTTP 401), false for "you may not" (HTTP 403).
    public var isAuthentication: Bool {
        switch self {
        case .tokenMissing, .tokenInvalid, .tokenExpired: true
        case .roleNotPermitted, .outsideJurisdiction: false
        }
    }

    public var description: String {
        switch self {
        case .tokenMissing: "a bearer token is required"
        case .tokenInvalid(let reason): "the token is not valid: \(reason)"
        case .tokenExpired: "the token has expired"
        case .roleNotPermitted(let role, let command): "the role \(role.rawValue) may not \(command.replacingOccurrences(of: "_", with: " "))"
        case .outsideJurisdiction(let jurisdiction, let village): "village \(village) lies outside jurisdiction \(jurisdiction)"
        }
    }
}
