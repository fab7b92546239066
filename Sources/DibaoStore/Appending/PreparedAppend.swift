import DibaoEvents
import Foundation

/// A validated request with everything the rows need except the head they follow: event ids
/// (derived from the command id), canonical data and metadata bytes, and content hashes.
struct PreparedAppend: Sendable {
    var request: AppendRequest
    var eventIds: [UUID]
    /// Canonical JSON bytes of the metadata and of each event's data.
    var metadata: [UInt8]
    var data: [[UInt8]]
    var contentHashes: [[UInt8]]

    /// The rows to insert after `head`: consecutive versions, each hash linked to the one before.
    func rows(after head: StreamHead) -> [AppendStatements.EventRow] {
        var previous = head.hash
        return request.events.indices.map { index in
            let version = head.version + Int64(index) + 1
            let link = previous
            let hash = HashChain.link(previous: link, streamVersion: version, contentHash: contentHashes[index])
            previous = hash
            let event = request.events[index]
            return AppendStatements.EventRow(
                streamId: request.stream.rawValue, version: version, eventId: eventIds[index], eventType: event.eventType,
                schemaVersion: Int32(event.schemaVersion), data: data[index], metadata: metadata,
                commandId: request.commandId, effectiveDate: event.effectiveDate.description, hash: hash, previousHash: link)
        }
    }
}

extension EventStore {
    /// Validates the request and computes what does not depend on the stream's head.
    func prepare(_ request: AppendRequest) throws(EventValidationError) -> PreparedAppend {
        guard !request.events.isEmpty else { throw .invalid(field: "events", reason: "an append needs at least one event") }
        guard request.events.count <= AppendRequest.eventsMax else {
            throw .invalid(field: "events", reason: "at most \(AppendRequest.eventsMax) events per append")
        }
        if case .exactly(let version) = request.expectedVersion, version < 1 {
            throw .invalid(field: "expected_version", reason: "must be at least 1 (use noStream for a new stream)")
        }
        let metadataJSON = request.metadata.json
        _ = try EventMetadata(json: metadataJSON)
        let metadataBytes = CanonicalJSON.bytes(metadataJSON)
        try EventCatalogue.validate(canonicalMetadata: metadataBytes)
        let eventIds = EventIdentity.eventIds(commandId: request.commandId, count: request.events.count)
        var datas: [[UInt8]] = [], contentHashes: [[UInt8]] = []
        datas.reserveCapacity(request.events.count)
        contentHashes.reserveCapacity(request.events.count)
        for (index, event) in request.events.enumerated() {
            let data = CanonicalJSON.bytes(event.data)
            do { try catalogue.validate(event, canonicalData: data) } catch { throw Self.locate(error, at: index) }
            datas.append(data)
            contentHashes.append(HashChain.contentHash(
                streamId: request.stream.rawValue, eventId: eventIds[index], eventType: event.eventType,
                schemaVersion: event.schemaVersion, canonicalData: data, canonicalMetadata: metadataBytes, effectiveDate: event.effectiveDate))
        }
        return PreparedAppend(request: request, eventIds: eventIds, metadata: metadataBytes, data: datas, contentHashes: contentHashes)
    }

    private static func locate(_ error: EventValidationError, at index: Int) -> EventValidationError {
        switch error {
        case .invalid(let field, let reason): return .invalid(field: "events[\(index)].\(field)", reason: reason)
        case .payloadTooLarge(let field, let bytes, let bytesMax): return .payloadTooLarge(field: "events[\(index)].\(field)", bytes: bytes, bytesMax: bytesMax)
        case .unknownEventType: return error
        }
    }
}
