import Hummingbird
import Logging

/// Builds the HTTP application: operations endpoints, `GET /openapi.yaml` and the /v1 API.
public enum DibaoApplication {
    public static func make(port: Int, operations: OperationsRoutes, cases: CaseRoutes, caseload: CaseloadRoutes? = nil,
                            logger: Logger) -> some ApplicationProtocol {
        Application(router: router(operations: operations, cases: cases, caseload: caseload),
                    configuration: .init(address: .hostname("0.0.0.0", port: port), serverName: "dibao"), logger: logger)
    }

    /// The full router, for the server and for tests (the caseload reports when given).
    public static func router(operations: OperationsRoutes, cases: CaseRoutes, caseload: CaseloadRoutes? = nil) -> Router<DibaoRequestContext> {
        let router = Router(context: DibaoRequestContext.self)
        operations.add(to: router)
        OpenAPIRoute.add(to: router)
        cases.add(to: router)
        caseload?.add(to: router)
        return router
    }

    /// The operations endpoints alone, for tests.
    public static func router(operations: OperationsRoutes) -> Router<BasicRequestContext> {
        let router = Router()
        operations.add(to: router)
        return router
    }
}
