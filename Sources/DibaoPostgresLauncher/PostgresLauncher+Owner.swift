import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which process stops the cluster. A command that finds the cluster stopped starts it and
/// stops it when it ends (`dibao serve`, `demo`, `migrate`…); it records its process id in
/// `started-by`. If it dies first — killed, or interrupted before it could stop anything — the
/// file names a process that no longer runs, and the next command takes the cluster over, so a
/// `serve` started afterwards still stops it on SIGINT/SIGTERM. A cluster started by hand
/// (`dibao postgres start`) has no such file and is stopped by hand.
extension PostgresLauncher {
    public var ownerFile: String { home + "/started-by" }

    /// Records `pid` as the process that stops the cluster.
    public func recordOwner(_ pid: pid_t = getpid()) throws {
        do {
            try Data("\(pid)\n".utf8).write(to: URL(fileURLWithPath: ownerFile), options: .atomic)
        } catch {
            throw LauncherError("cannot record the cluster's owner in \(ownerFile): \(error.localizedDescription)")
        }
    }

    /// The recorded owner, if it has ended without stopping the cluster; nil when none is
    /// recorded (started by hand) or it still runs.
    public func abandonedOwner() -> pid_t? {
        guard let text = try? String(contentsOfFile: ownerFile, encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0, pid != getpid()
        else { return nil }
        // EPERM: the process exists under another user.
        if kill(pid, 0) == 0 || errno == EPERM { return nil }
        return pid
    }

    /// Forgets the owner: the cluster was stopped, or it is now in hand (`dibao postgres
    /// start`, also on a running cluster that a dead command left behind). A command that
    /// starts the cluster records itself over any earlier owner.
    public func forgetOwner() {
        try? FileManager.default.removeItem(atPath: ownerFile)
    }
}
