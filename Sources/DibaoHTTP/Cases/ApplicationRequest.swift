import DibaoEvents
import Foundation

/// The body of `POST /v1/cases`: an `ApplicationSubmitted` without `caseId`. The server names
/// the case `<villageCode>-<idempotency key>`, so a retried submission names the same case.
enum ApplicationRequest {
    static func decode(_ body: inout CommandBody, commandId: UUID) throws -> ApplicationSubmitted {
        guard case .object(var members) = try body.object(refusing: []) else { preconditionFailure("a body is an object") }
        guard members["caseId"] == nil else { throw APIError.invalid(field: "caseId", reason: "is assigned by the server") }
        let village = try RegionCode(members["villageCode"]?.stringValue ?? "", field: "villageCode")
        guard village.isVillage else { throw APIError.invalid(field: "villageCode", reason: "must be a 12-digit village code") }
        members["caseId"] = .string("\(village.rawValue)-\(commandId.uuidString.lowercased())")
        return try ApplicationSubmitted.decode(.object(members))
    }
}
