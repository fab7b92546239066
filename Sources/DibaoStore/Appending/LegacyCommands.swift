import Synchronization

/// Whether `dibao.commands` holds commands recorded before migration 017. Their first events
/// have no `command_index`, so `events_command_key` does not see them: a retry of one, or its
/// id reused on another stream, could meet no index to refuse it. While such rows exist, every
/// append looks its command up first. The table is no longer written, so the answer, once
/// known, never changes; a database created after 017 never asks again.
final class LegacyCommands: Sendable {
    private let known = Mutex<Bool?>(nil)

    func exist(_ lookUp: () async throws -> Bool) async throws -> Bool {
        if let answer = known.withLock({ $0 }) { return answer }
        let answer = try await lookUp()
        known.withLock { $0 = answer }
        return answer
    }
}
