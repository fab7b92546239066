import Foundation

extension PostgresLauncher {
    /// As root the tools run as another user, who must be able to enter every directory above
    /// the cluster. Without this check `initdb` fails with a bare "Permission denied", for
    /// example for a `DIBAO_HOME` under `/root` (mode 0700). Checked on the deepest directory that
    /// exists, before anything is created: a refused home leaves nothing behind. (What `start`
    /// creates below it is handed to that user.)
    func requireReachable(by runner: ProcessRunner) throws {
        guard let user = runner.user else { return }
        var existing = URL(fileURLWithPath: home)
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" { existing.deleteLastPathComponent() }
        guard let blocked = runner.firstDirectoryItCannotEnter(existing.path) else { return }
        throw LauncherError(Self.unreachableMessage(home: home, user: user, blocked: blocked, permissions: Self.permissions(of: blocked)))
    }

    /// Why the cluster cannot live in `home`, and what to do instead.
    public static func unreachableMessage(home: String, user: String, blocked: String, permissions: String?) -> String {
        """
        PostgreSQL runs as the user '\(user)', who cannot enter \(blocked)\(permissions.map { " (\($0))" } ?? ""), \
        so it cannot reach the cluster directory \(home).
        Set DIBAO_HOME to a directory '\(user)' can reach, such as /var/lib/dibao or /srv/dibao \
        (DIBAO_HOME=/var/lib/dibao dibao serve), or give dibao postgres start|stop such a --home.
        """
    }

    /// `mode 0700, owner root` of a directory, or nil when it cannot be read.
    static func permissions(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? String(info.st_uid)
        return "mode " + String(format: "%04o", info.st_mode & 0o7777) + ", owner " + owner
    }
}
