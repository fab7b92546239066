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
        #expect(!FileManager.default.fileExists(atPath: parent + "/project"), "nothing was created: initdb never ran")
    }

    @Test("The check names the first directory on the way that the user cannot enter, and nothing once it can",
          .enabled(if: geteuid() == 0, "only root runs the tools as another user"))
    func firstBlockedDirectory() throws {
        let parent = try Self.lockedParent()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let home = parent + "/a/b"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        for directory in [parent + "/a", home] { chmod(directory, 0o755) }  // whatever the umask
        let runner = try ProcessRunner.forPostgres()
        #expect(runner.user != nil)
        #expect(runner.firstDirectoryItCannotEnter(home) == parent)
        chmod(parent, 0o711)
        #expect(runner.firstDirectoryItCannotEnter(home) == nil)
        chmod(parent + "/a", 0o700)
        #expect(runner.firstDirectoryItCannotEnter(home) == parent + "/a")
    }
}

/// The tools the launcher spawns, and the server `pg_ctl` leaves running, inherit none of this
/// process's descriptors: a client socket they kept open would keep its session alive.
@Suite("Spawned tools inherit no descriptors")
struct SpawnedDescriptorTests {
    @Test("A descriptor open in this process is closed in the child")
    func descriptorsClosed() throws {
        #expect(ProcessRunner.closeFrom != nil, "glibc has posix_spawn_file_actions_addclosefrom_np")
        let file = open("/dev/null", O_RDONLY)
        #expect(file >= 0)
        defer { close(file) }
        let high: Int32 = 200
        #expect(dup2(file, high) == high)
        defer { close(high) }
        let listing = try ProcessRunner(user: nil).run("/bin/sh", ["-c", "ls /proc/$$/fd"], what: "listing descriptors")
        let descriptors = Set(listing.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) })
        #expect(descriptors.contains(1), "the listing is real: \(descriptors)")
        #expect(!descriptors.contains(high), "descriptor \(high) was inherited: \(descriptors)")
    }
}
