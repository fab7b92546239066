@testable import DibaoStore
import DibaoEvents
import Foundation
import Testing

/// The writer derives a command's event ids from bytes in one pass; they must be the very ids
/// the one-at-a-time derivation gives (which `AppendOnlyTests` checks against SQL's
/// `dibao.event_id`), for single- and multi-digit indexes.
@Suite("Event ids: the batch derivation")
struct EventIdentityTests {
    @Test("eventIds(commandId:count:) equals eventId(commandId:index:) at every index")
    func batchEqualsOneByOne() {
        for commandId in [UUID(), UUID(uuidString: "D867D73E-E47A-8A44-9199-45C4BCE9E8BD")!] {
            let batch = EventIdentity.eventIds(commandId: commandId, count: 120)
            #expect(batch == (0..<120).map { EventIdentity.eventId(commandId: commandId, index: $0) })
            #expect(Set(batch).count == 120)
            #expect(batch[17] == DerivedIdentifier.uuid("dibao-event:\(commandId.uuidString.lowercased()):17"))
        }
    }

    @Test("A UUID's text is lower-case 8-4-4-4-12, as PostgreSQL prints it")
    func uuidText() {
        let id = UUID(uuidString: "D867D73E-E47A-8A44-9199-45C4BCE9E8BD")!
        #expect(UUIDText.string(id) == "d867d73e-e47a-8a44-9199-45c4bce9e8bd")
        #expect(UUIDText.string(id) == id.uuidString.lowercased())
    }
}
