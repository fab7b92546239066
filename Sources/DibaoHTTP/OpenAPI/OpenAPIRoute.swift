import Hummingbird

/// `GET /openapi.yaml`: the API description (docs/openapi.yaml, embedded; a test keeps the
/// two byte-identical and checks every registered route appears in it).
public enum OpenAPIRoute {
    public static func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }
}
