import Foundation

/// The OpenAPI document served at `GET /openapi.yaml`: the resource `OpenAPI/openapi.yaml`,
/// which `docs/openapi.yaml` links to, so there is one copy. `OpenAPITests` checks that every
/// registered route is in it.
enum OpenAPIDocument {
    static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the OpenAPI document is missing from the DibaoHTTP resources") }
        return text
    }()
}
