import DibaoCaseService
import Hummingbird

/// Verifies `Authorization: Bearer <token>` and puts the token's actor into the context.
/// A missing, forged or expired token ends the request with 401 before any handler runs.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = DibaoRequestContext

    let verifier: TokenVerifier

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw AccessError.tokenMissing }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix) else { throw AccessError.tokenInvalid(reason: "expected 'Authorization: Bearer <token>'") }
        var context = context
        context.actor = try await verifier.verify(String(header.dropFirst(prefix.count)))
        return try await next(request, context)
    }
}
