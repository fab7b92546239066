import DibaoEvents
import Foundation
import JWTKit

/// Checks a bearer token's signature and expiry and turns its claims into an `Actor`.
public struct TokenVerifier: Sendable {
    private let keys: JWTKeyCollection

    public init(secret: [UInt8]) async {
        keys = await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// The actor the token speaks for; refuses forged, expired or malformed tokens.
    public func verify(_ token: String) async throws(AccessError) -> Actor {
        let claims: TokenClaims
        do {
            claims = try await keys.verify(token, as: TokenClaims.self)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw .tokenExpired
        } catch {
            throw .tokenInvalid(reason: "signature or format not accepted")
        }
        guard let role = ActorRole(rawValue: claims.role) else { throw .tokenInvalid(reason: "unknown role") }
        guard let jurisdiction = try? RegionCode(claims.jurisdiction) else { throw .tokenInvalid(reason: "jurisdiction is not a region code") }
        guard !claims.sub.value.isEmpty, claims.sub.value.utf8.count <= 64 else { throw .tokenInvalid(reason: "sub must be 1…64 bytes") }
        return Actor(actorId: claims.sub.value, displayName: claims.name, role: role, jurisdictionCode: jurisdiction)
    }
}
