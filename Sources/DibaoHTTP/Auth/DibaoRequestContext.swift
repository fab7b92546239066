import DibaoCaseService
import Hummingbird

/// The request context of the /v1 API: Hummingbird's core storage plus the actor a verified
/// bearer token names (nil until `BearerAuthMiddleware` has run).
public struct DibaoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated actor.
    public var actor: Actor?

    public init(source: Source) {
        coreContext = .init(source: source)
        actor = nil
    }

    /// The actor, or the 401 a handler behind the middleware can never actually see.
    func requireActor() throws -> Actor {
        guard let actor else { throw AccessError.tokenMissing }
        return actor
    }
}
