import Hummingbird
import Logging

/// Builds the HTTP application. Later issues add the /v1 routes here.
public enum DibaoApplication {
    public static func make(port: Int, operations: OperationsRoutes, logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        operations.add(to: router)
        return Application(router: router, configuration: .init(address: .hostname("0.0.0.0", port: port), serverName: "dibao"), logger: logger)
    }

    /// The router alone, for tests.
    public static func router(operations: OperationsRoutes) -> Router<BasicRequestContext> {
        let router = Router()
        operations.add(to: router)
        return router
    }
}
