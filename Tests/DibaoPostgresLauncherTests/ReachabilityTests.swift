@testable import DibaoPostgresLauncher
import Foundation
import Testing

/// As root the cluster runs as an unprivileged user, who must be able to enter every directory
/// above it. A cluster directory it cannot reach is refused before `initdb`, naming the
/// directory in the way.
@Suite("The cluster directory's reachability")
struct ReachabilityTests {
    /// A fresh directory owned by root, mode 0700: the PostgreSQL user cannot enter it.
    static func lockedParent() throws -> String {
        let parent = "/tmp/dibao-locked-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false)
        chmod(parent, 0o700)
        return parent
    }

    @Test("As root, a cluster under a directory the PostgreSQL user cannot enter is refused before initdb, naming that directory",
          .enabled(if: geteuid() == 0, "only root runs the tools as another user"))
    func unreachableHomeRefused() throws {
        let parent = try Self.lockedParent()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let launcher = PostgresLauncher(home: parent + "/project/.dibao/pg")
        let user = try #require(try ProcessRunner.forPostgres().user)
        let error = try #require(throws: LauncherError.self) { try launcher.start() }
        #expect(error.description == PostgresLauncher.unreachableMessage(home: launcher.home, user: user, blocked: parent,
                                                                          permissions: "mode 0700, owner root"))
        #expect(error.description.contains("who cannot enter \(parent) (mode 0700, owner root)"))
        #expect(error.description.contains("Set DIBAO_HOME to a directory '\(user)' can reach, such as /var/lib/dibao or /srv/dibao"))
        #expect(!FileManager.default.fileExists(atPath: launcher.dataDirectory), "initdb never ran")
    }

    @Test("The check names the first directory on the way that the user cannot enter, and nothing once it can",
          .enabled(if: geteuid() == 0, "only root runs the tools as another user"))
    func firstBlockedDirectory() throws {
        let parent = try Self.lockedParent()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let home = parent + "/a/b"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let runner = try ProcessRunner.forPostgres()
        #expect(runner.user != nil)
        #expect(runner.firstDirectoryItCannotEnter(home) == parent)
        chmod(parent, 0o711)
        #expect(runner.firstDirectoryItCannotEnter(home) == nil)
        chmod(parent + "/a", 0o700)
        #expect(runner.firstDirectoryItCannotEnter(home) == parent + "/a")
    }
}
