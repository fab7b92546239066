import DibaoEvents
import Foundation
import Testing

/// The hash-chain format must never drift: these vectors were computed independently (Python's
/// hashlib and json with sorted keys, see docs/internals/hash-chain.md) and are fixed forever.
@Suite("Hash chain: fixed vectors")
struct HashChainVectorTests {
    struct Vector {
        let streamId: String, streamVersion: Int64, eventId: String, eventType: String, schemaVersion: Int
        let data: JSONValue, metadata: JSONValue, effectiveDate: BusinessDate
        let canonicalContent: String, contentHash: String, previousHash: String, hash: String
    }

    static func vectors() throws -> [Vector] {
        let url = try #require(Bundle.module.url(forResource: "Vectors/hash-chain", withExtension: "json"))
        guard case .array(let items) = try StrictJSONParser.parse(Array(try Data(contentsOf: url))) else { Issue.record("not an array"); return [] }
        return try items.map { item in
            Vector(streamId: try #require(item["stream_id"]?.stringValue), streamVersion: try #require(item["stream_version"]?.integerValue),
                   eventId: try #require(item["event_id"]?.stringValue), eventType: try #require(item["event_type"]?.stringValue),
                   schemaVersion: Int(try #require(item["schema_version"]?.integerValue)),
                   data: try #require(item["data"]), metadata: try #require(item["metadata"]),
                   effectiveDate: try BusinessDate(try #require(item["effective_date"]?.stringValue)),
                   canonicalContent: try #require(item["canonical_content"]?.stringValue),
                   contentHash: try #require(item["content_hash"]?.stringValue),
                   previousHash: try #require(item["previous_hash"]?.stringValue), hash: try #require(item["hash"]?.stringValue))
        }
    }

    @Test("The writer's spliced content hash equals the one computed from the whole content object")
    func splicedContentHash() throws {
        var cases = try Self.vectors().map { ($0.streamId, $0.eventId, $0.eventType, $0.schemaVersion, $0.data, $0.metadata, $0.effectiveDate) }
        cases.append(("case-5301020010012024000123", "D867D73E-E47A-8A44-9199-45C4BCE9E8BD", "Quote\"Back\\slash", 3,
                      ["名字": "张三\u{1F600}\n\t\u{1}", "z": [1, -2, .null, true], "a": .object([:]), "b": 9_007_199_254_740_993],
                      ["actorId": "u-1", "reason": "更正：\"原\"值"], try BusinessDate("2024-02-29")))
        for (streamId, eventId, eventType, schemaVersion, data, metadata, effectiveDate) in cases {
            let whole = HashChain.contentHash(streamId: streamId, eventId: eventId, eventType: eventType, schemaVersion: schemaVersion,
                                              data: data, metadata: metadata, effectiveDate: effectiveDate)
            let spliced = HashChain.contentHash(streamId: streamId, eventId: try #require(UUID(uuidString: eventId)), eventType: eventType,
                                                schemaVersion: schemaVersion,
                                                canonicalData: CanonicalJSON.bytes(data), canonicalMetadata: CanonicalJSON.bytes(metadata),
                                                effectiveDate: effectiveDate)
            #expect(whole == spliced)
        }
    }

    @Test("Canonical content bytes, content hash and link match the vectors")
    func vectorsMatch() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count == 2)
        var previous = HashChain.genesis
        for vector in vectors {
            let object = HashChain.contentObject(streamId: vector.streamId, eventId: vector.eventId, eventType: vector.eventType,
                                                 schemaVersion: vector.schemaVersion, data: vector.data, metadata: vector.metadata,
                                                 effectiveDate: vector.effectiveDate)
            #expect(CanonicalJSON.string(object) == vector.canonicalContent)
            let content = HashChain.contentHash(streamId: vector.streamId, eventId: vector.eventId, eventType: vector.eventType,
                                                schemaVersion: vector.schemaVersion, data: vector.data, metadata: vector.metadata,
                                                effectiveDate: vector.effectiveDate)
            #expect(HashChain.hex(content) == vector.contentHash)
            #expect(HashChain.hex(previous) == vector.previousHash)
            let link = HashChain.link(previous: previous, streamVersion: vector.streamVersion, contentHash: content)
            #expect(HashChain.hex(link) == vector.hash)
            previous = link
        }
    }

    @Test("Changing one character of the data changes the hash")
    func tamperingIsVisible() throws {
        let vector = try #require(try Self.vectors().first)
        let tampered = HashChain.contentHash(streamId: vector.streamId, eventId: vector.eventId, eventType: vector.eventType,
                                             schemaVersion: vector.schemaVersion, data: ["text": "申请受理 application received!"],
                                             metadata: vector.metadata, effectiveDate: vector.effectiveDate)
        #expect(HashChain.hex(tampered) != vector.contentHash)
    }
}
