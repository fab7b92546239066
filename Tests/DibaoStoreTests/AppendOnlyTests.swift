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
        // dibao.commands is no longer written (migration 017); a row as old appends left one:
        #expect(try await sqlState("INSERT INTO dibao.commands VALUES (gen_random_uuid(), 'legacy-1', sha256(''), 1, 1, 1, 1)", as: owner) == nil)
        #expect(try await sqlState("UPDATE dibao.commands SET stream_id = 'x'", as: owner) == "DBA01")
        #expect(try await sqlState("DELETE FROM dibao.commands", as: owner) == "DBA01")
        #expect(try await sqlState("TRUNCATE dibao.commands", as: owner) == "DBA01")
        #expect(try await sqlState("SELECT count(*) FROM dibao.events", as: owner) == nil)
    }

    @Test("In session_replication_role = replica, where ordinary triggers do not fire, the superuser is still refused UPDATE, DELETE and TRUNCATE, and nothing changes")
    func replicaRoleCannotBypass() async throws {
        let fingerprint = """
            SELECT (SELECT count(*) FROM dibao.events)::text || ' ' || (SELECT count(*) FROM dibao.commands)::text || ' '
                   || coalesce((SELECT md5(string_agg(e::text, ',' ORDER BY global_position)) FROM dibao.events e), '')
                   || coalesce((SELECT md5(string_agg(c::text, ',' ORDER BY command_id)) FROM dibao.commands c), '')
            """
        try await withRunningClient(database.owner, connectionsMax: 1) { client in
            try await client.withConnection { connection in
                let logger = TestLogging.logger
                func sqlState(_ sql: String) async throws -> String? {
                    do { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger); return nil }
                    catch let error as PSQLError { return error.sqlState }
                }
                func value(_ sql: String) async throws -> String? {
                    try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(String.self).first { _ in true }
                }
                #expect(try await value("SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user") == "true")
                try await connection.query("SET session_replication_role = replica", logger: logger)
                #expect(try await value("SHOW session_replication_role") == "replica")
                #expect(try await sqlState("INSERT INTO dibao.commands VALUES (gen_random_uuid(), 'legacy-1', sha256(''), 1, 1, 1, 1)") == nil)
                let before = try await value(fingerprint)
                #expect(before?.hasPrefix("1 1 ") == true, "one event and one command row to protect")
                #expect(try await sqlState("UPDATE dibao.events SET event_type = 'Forged'") == "DBA01")
                #expect(try await sqlState("DELETE FROM dibao.events") == "DBA01")
                #expect(try await sqlState("TRUNCATE dibao.events") == "DBA01")
                #expect(try await sqlState("UPDATE dibao.commands SET stream_id = 'x'") == "DBA01")
                #expect(try await sqlState("DELETE FROM dibao.commands") == "DBA01")
                #expect(try await sqlState("TRUNCATE dibao.commands") == "DBA01")
                #expect(try await value("SHOW session_replication_role") == "replica")
                #expect(try await value(fingerprint) == before)
            }
        }
    }

    @Test("dibao_app reads the log and inserts only the columns it may set: never position, transaction id or recording time")
    func appGrants() async throws {
        #expect(try await sqlState("SELECT count(*) FROM dibao.events", as: "dibao_app") == nil)
        #expect(try await sqlState("SELECT count(*) FROM dibao.schema_migrations", as: "dibao_app") == nil)
        let columns = "stream_id, stream_version, event_id, event_type, schema_version, data, metadata, command_id, command_index, effective_date, hash, previous_hash"
        let values = "'x-1', 1, gen_random_uuid(), 'T', 1, '{}', '{}', gen_random_uuid(), 0, '2024-01-01', sha256(''), sha256('')"
        #expect(try await sqlState("INSERT INTO dibao.events (transaction_id, \(columns)) VALUES ('1', \(values))", as: "dibao_app") == "42501",
                "a forged transaction_id could hide an event below every reader's checkpoint")
        #expect(try await sqlState("INSERT INTO dibao.events (recorded_at, \(columns)) VALUES ('2000-01-01', \(values))", as: "dibao_app") == "42501")
        #expect(try await sqlState("INSERT INTO dibao.events (global_position, \(columns)) OVERRIDING SYSTEM VALUE VALUES (1, \(values))", as: "dibao_app") == "42501")
        #expect(try await sqlState("INSERT INTO dibao.events (\(columns)) VALUES (\(values))", as: "dibao_app") == nil)
        #expect(try await sqlState("""
            INSERT INTO dibao.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, command_id, effective_date, hash, previous_hash)
            VALUES ('x-2', 1, gen_random_uuid(), 'T', 1, '{}', '{}', gen_random_uuid(), '2024-01-01', sha256(''), sha256(''))
            """, as: "dibao_app") == "23514", "every new event states its command_index")
        #expect(try await sqlState("INSERT INTO dibao.commands VALUES (gen_random_uuid(), 'x-1', sha256(''), 1, 1, 1, 1)", as: "dibao_app") == "42501")
        #expect(try await sqlState("UPDATE dibao.events SET event_type = 'Forged'", as: "dibao_app") == "42501")
        #expect(try await sqlState("DELETE FROM dibao.events", as: "dibao_app") == "42501")
        #expect(try await sqlState("TRUNCATE dibao.events", as: "dibao_app") == "42501")
        #expect(try await sqlState("DELETE FROM dibao.commands", as: "dibao_app") == "42501")
        #expect(try await sqlState("ALTER TABLE dibao.events DISABLE TRIGGER events_append_only", as: "dibao_app") == "42501")
    }

    @Test("A command's first event is unique: a second insert of it is refused by events_command_key")
    func commandKey() async throws {
        let command = "'6f1f8f8e-0b7c-4c43-9a43-1d2f3e4a5b6c'"
        let row = { (stream: String) in
            "INSERT INTO dibao.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, command_id, command_index, effective_date, hash, previous_hash) VALUES ('\(stream)', 1, gen_random_uuid(), 'T', 1, '{}', '{}', \(command), 0, '2024-01-01', sha256(''), sha256(''))"
        }
        #expect(try await sqlState(row("k-1"), as: "dibao_app") == nil)
        #expect(try await sqlState(row("k-2"), as: "dibao_app") == "23505")
    }

    @Test("dibao.event_id() in SQL derives the very ids the store writes, so an auditor can recompute them")
    func eventIdFunction() async throws {
        let commandId = UUID()
        let request = AppendRequest(stream: Fixtures.uniqueStream(), expectedVersion: .any, commandId: commandId, metadata: Fixtures.metadata(), events: [])
        try await withRunningClient(database.owner) { client in
            for index in [0, 1, 17] {
                let rows = try await client.query("SELECT dibao.event_id(\(commandId), \(Int32(index)))", logger: TestLogging.logger)
                for try await id in rows.decode(UUID.self) { #expect(id == request.eventId(at: index)) }
            }
        }
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
        #expect(try await sqlState("INSERT INTO dibao.commands VALUES (gen_random_uuid(), 'x-1', sha256(''), 1, 1, 1, 1)", as: "dibao_auditor") == "42501")
    }
}
