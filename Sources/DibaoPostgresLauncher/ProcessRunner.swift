import Foundation

/// Runs PostgreSQL's tools as an unprivileged user: itself when not root, else through
/// `runuser -u <user> --`.
struct ProcessRunner: Sendable {
    /// nil: run as the current user.
    let user: String?

    static func forPostgres() throws -> ProcessRunner {
        guard geteuid() == 0 else { return ProcessRunner(user: nil) }
        for candidate in ["postgres", "dibao"] where getpwnam(candidate) != nil { return ProcessRunner(user: candidate) }
        let runner = ProcessRunner(user: nil)
        try runner.run("/usr/sbin/useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "dibao"],
                       what: "creating the unprivileged 'dibao' user to run PostgreSQL")
        return ProcessRunner(user: "dibao")
    }

    /// Creates `path` (and parents) and hands it to the PostgreSQL user, mode 0700.
    func prepareDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if let user, let entry = getpwnam(user) {
            guard chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0 else {
                throw LauncherError("cannot hand \(path) to user \(user): \(String(cString: strerror(errno)))")
            }
        }
        chmod(path, 0o700)
    }

    /// Runs the tool; throws with its output when it exits non-zero.
    @discardableResult
    func run(_ executable: String, _ arguments: [String], what: String) throws -> String {
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw LauncherError("\(what) failed (exit \(process.terminationStatus)): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return text
    }
}
