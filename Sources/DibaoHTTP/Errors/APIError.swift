import DibaoEvents
import Hummingbird

/// An error as the API shows it: a status and `{"error": {"code", "message", "field"?}}`.
/// Every failure is translated here, once; database text never reaches a client.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    /// Stable snake_case code (docs/reference/http-api.md).
    public var code: String
    public var message: String
    /// The request field at fault, for 400s.
    public var field: String?

    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    /// A 400 naming the field.
    static func invalid(field: String, reason: String, code: String = "invalid_field") -> APIError {
        APIError(.badRequest, code: code, message: "\(field): \(reason)", field: field)
    }

    var json: JSONValue {
        var members: [String: JSONValue] = ["code": .string(code), "message": .string(message)]
        if let field { members["field"] = .string(field) }
        return ["error": .object(members)]
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(json, status: status)
    }
}

/// JSON bodies in canonical form (sorted members, integers only).
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: CanonicalJSON.bytes(value))))
    }
}
