import Foundation
import JWTKit

/// Signs access tokens with the service's HMAC secret (HS256).
public struct TokenIssuer: Sendable {
    /// Longest validity a token may be issued for.
    public static let validityHoursMax = 24 * 31

    private let keys: JWTKeyCollection

    public init(secret: [UInt8]) async {
        keys = await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// A token for `actor`, valid for `hours` from `now`.
    public func issue(for actor: Actor, hours: Int = 12, now: Date = Date()) async throws -> String {
        precondition((1...Self.validityHoursMax).contains(hours), "token validity must be 1…\(Self.validityHoursMax) hours")
        let claims = TokenClaims(sub: SubjectClaim(value: actor.actorId), name: actor.displayName, role: actor.role.rawValue,
                                 jurisdiction: actor.jurisdictionCode.rawValue,
                                 exp: ExpirationClaim(value: Date(timeIntervalSince1970: (now.timeIntervalSince1970 + TimeInterval(hours) * 3_600).rounded(.down))))
        return try await keys.sign(claims)
    }
}
