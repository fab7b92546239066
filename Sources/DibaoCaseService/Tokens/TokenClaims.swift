import JWTKit

/// The claims of a Dibao access token (JWT, HS256): who (`sub`, `name`), as what (`role`),
/// where (`jurisdiction`) and until when (`exp`).
struct TokenClaims: JWTPayload {
    var sub: SubjectClaim
    var name: String
    var role: String
    var jurisdiction: String
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
