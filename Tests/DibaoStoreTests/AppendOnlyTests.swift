import DibaoStore
import DibaoTestSupport
import Foundation
import PostgresNIO
import Testing

/// The log's append-only promise and the role grants, proved with plain SQL as each role.
@Suite("Append-only and grants, in plain SQL", .tags(.postgres))
struct AppendOnlyTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestCluster.shared.freshDatabase("appendonly")
        try await withStore(database) { store in _ = try await Fixtures.append(store, Fixtures.uniqueStream(), [Fixtures.thing(1)]) }
    }

    /// The SQLSTATE of running `sql` as `role`, or nil when it succeeds.
    func sqlState(_ sql: String, as role: String) async throws -> String? {
        try await withRunningClient(database.owner.asRole(role, password: nil)) { client in
            do {
                try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestLogging.logger)
                return nil
            } catch let error as PSQLError {
                return error.sqlState
            }
        }
    }

    @Test("UPDATE, DELETE and TRUNCATE are refused by trigger even for the owner (superuser)")
    func ownerCannotChangeTheLog() async throws {
        let owner = database.owner.username
        #expect(try await sqlState("UPDATE dibao.events SET event_type = 'Forged'", as: owner) == "DBA01")
        #expect(try await sqlState("DELETE FROM dibao.events", as: owner) == "DBA01")
        #expect(try await sqlState("TRUNCATE dibao.events", as: owner) == "DBA01")
        #expect(try await sqlState("UPDATE dibao.commands SET stream_id = 'x'", as: owner) == "DBA01")
        #expect(try await sqlState("DELETE FROM dibao.commands", as: owner) == "DBA01")
        #expect(try await sqlState("TRUNCATE dibao.commands", as: owner) == "DBA01")
        #expect(try await sqlState("SELECT count(*) FROM dibao.events", as: owner) == nil)
    }

    @Test("dibao_app reads the log and appends only through dibao.append_events")
    func appGrants() async throws {
        #expect(try await sqlState("SELECT count(*) FROM dibao.events", as: "dibao_app") == nil)
        #expect(try await sqlState("SELECT count(*) FROM dibao.schema_migrations", as: "dibao_app") == nil)
        #expect(try await sqlState("""
            INSERT INTO dibao.events (transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, command_id, effective_date, hash, previous_hash)
            VALUES ('1', 'x-1', 1, gen_random_uuid(), 'T', 1, '{}', '{}', gen_random_uuid(), '2024-01-01', sha256(''), sha256(''))
            """, as: "dibao_app") == "42501", "a direct INSERT could forge transaction_id or recorded_at")
        #expect(try await sqlState("UPDATE dibao.events SET event_type = 'Forged'", as: "dibao_app") == "42501")
        #expect(try await sqlState("DELETE FROM dibao.events", as: "dibao_app") == "42501")
        #expect(try await sqlState("TRUNCATE dibao.events", as: "dibao_app") == "42501")
        #expect(try await sqlState("DELETE FROM dibao.commands", as: "dibao_app") == "42501")
        #expect(try await sqlState("ALTER TABLE dibao.events DISABLE TRIGGER events_append_only", as: "dibao_app") == "42501")
    }

    @Test("dibao_auditor may only SELECT")
    func auditorGrants() async throws {
        #expect(try await sqlState("SELECT count(*) FROM dibao.events", as: "dibao_auditor") == nil)
        #expect(try await sqlState("SELECT count(*) FROM dibao.commands", as: "dibao_auditor") == nil)
        #expect(try await sqlState("""
            INSERT INTO dibao.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, command_id, effective_date, hash, previous_hash)
            VALUES ('x-1', 1, gen_random_uuid(), 'T', 1, '{}', '{}', gen_random_uuid(), '2024-01-01', sha256(''), sha256(''))
            """, as: "dibao_auditor") == "42501")
        #expect(try await sqlState("UPDATE dibao.events SET event_type = 'Forged'", as: "dibao_auditor") == "42501")
        #expect(try await sqlState("DELETE FROM dibao.events", as: "dibao_auditor") == "42501")
        #expect(try await sqlState("SELECT dibao.append_events('x-1', NULL, gen_random_uuid(), sha256(''), '{}', '{}', '{}', '{}', '{}', '{}', '{}')", as: "dibao_auditor") == "42501")
    }
}
