import DibaoPostgresLauncher
import DibaoTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The embedded cluster is stopped by the command that started it. When that command dies
/// before it can (killed, or interrupted before its signal handlers run), the next command
/// takes the cluster over and stops it when it ends; a cluster started by hand is left alone.
@Suite("Who stops the embedded cluster", .tags(.postgres))
struct EmbeddedClusterOwnerTests {
    /// A DIBAO_HOME of its own (the cluster lives in `pg/` under it), removed at the end with
    /// the cluster stopped.
    static func withHome(_ body: (URL, PostgresLauncher) async throws -> Void) async throws {
        let home = URL(fileURLWithPath: "/tmp/dibao-owner-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let launcher = PostgresLauncher(home: home.path + "/pg")
        defer {
            try? launcher.stop()
            try? FileManager.default.removeItem(at: home)
        }
        try await body(home, launcher)
    }

    /// Runs `dibao arguments…` on the embedded cluster under `home` to its end; its output.
    static func finish(_ arguments: [String], home: URL) async throws -> String {
        try await DibaoProcess.run(arguments, database: nil, home: home) { child in
            let ending = try await child.waitForExit(within: .seconds(120))
            #expect(ending == .success, "output:\n\(child.output)")
            return child.output
        }
    }

    @Test("serve killed before it could stop the cluster: the next command takes the cluster over and stops it", .timeLimit(.minutes(4)))
    func abandonedClusterIsTakenOver() async throws {
        try await Self.withHome { home, launcher in
            let port = try freePort()
            let killed = try await DibaoProcess.run(["serve"], database: nil, home: home, environment: ["DIBAO_HTTP_PORT": "\(port)"]) { serve in
                try await waitUntil("serve to be ready", within: .seconds(120), every: .milliseconds(100)) {
                    try serve.expectRunning()
                    return try await httpGet(port: port, path: "/ready")?.status == 200
                }
                let pid = serve.process.processIdentifier
                serve.send(SIGKILL)
                _ = try await serve.waitForExit(within: .seconds(30))
                return pid
            }
            #expect(try await offPool { launcher.isRunning }, "the killed serve left its cluster running")
            #expect(launcher.abandonedOwner() == killed)

            let output = try await Self.finish(["projections", "status"], home: home)
            #expect(output.contains("taking over the embedded PostgreSQL cluster, which process \(killed) started and did not stop"), "output:\n\(output)")
            #expect(try await offPool { !launcher.isRunning }, "the command that took it over stopped it")
            #expect(!FileManager.default.fileExists(atPath: launcher.ownerFile))
        }
    }

    @Test("A cluster started by hand is not taken over: commands leave it running", .timeLimit(.minutes(4)))
    func handStartedClusterIsLeftRunning() async throws {
        try await Self.withHome { home, launcher in
            // A stale owner from an earlier run must not make a hand-started cluster anyone's…
            try FileManager.default.createDirectory(atPath: launcher.home, withIntermediateDirectories: true)
            try launcher.recordOwner(999_999)
            _ = try await Self.finish(["postgres", "start", "--home", launcher.home], home: home)
            #expect(!FileManager.default.fileExists(atPath: launcher.ownerFile), "starting the cluster forgets an earlier owner")
            var output = try await Self.finish(["projections", "status"], home: home)
            #expect(!output.contains("taking over"), "output:\n\(output)")
            #expect(try await offPool { launcher.isRunning }, "a cluster started by hand stays up")

            // …nor one a dead command left running, once it is started by hand.
            try launcher.recordOwner(999_999)
            _ = try await Self.finish(["postgres", "start", "--home", launcher.home], home: home)
            #expect(!FileManager.default.fileExists(atPath: launcher.ownerFile), "starting a running cluster by hand takes it in hand")
            output = try await Self.finish(["projections", "status"], home: home)
            #expect(!output.contains("taking over"), "output:\n\(output)")
            #expect(try await offPool { launcher.isRunning }, "a cluster started by hand stays up")
        }
    }
}
