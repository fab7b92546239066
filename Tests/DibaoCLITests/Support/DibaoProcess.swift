import DibaoStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `dibao` executable, run as a child process against a suite's database: what a
/// crash looks like to the store is a process that dies with its connections, so these tests
/// kill a real one.
struct DibaoProcess {
    let process: Process
    /// Standard output and error, together.
    let outputPath: String

    /// `dibao` beside the test bundle (`swift build --build-tests` builds every product into
    /// the same directory). A missing binary is a failure, not a skip. `swift test` alone does
    /// not relink it: after changing the service, build it before running these suites.
    static func executable() throws -> URL {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidate = testBundle.deletingLastPathComponent().appendingPathComponent("dibao")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw DibaoProcessError("no dibao executable at \(candidate.path): build every product first (swift build --build-tests)")
        }
        return candidate
    }

    /// Starts `dibao arguments…` with DIBAO_DATABASE_URL naming `database` (the owner role, as
    /// an operator would set it) and DIBAO_HOME a fresh directory.
    static func start(_ arguments: [String], database: DatabaseConfiguration, environment extra: [String: String] = [:]) throws -> DibaoProcess {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dibao-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let outputPath = home.appendingPathComponent("output.log").path
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))

        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DIBAO_DATABASE_URL"] = url(database)
        environment["DIBAO_HOME"] = home.path
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try output.close()
        return DibaoProcess(process: process, outputPath: outputPath)
    }

    /// The URL an operator would export: `redactedURL` with the password put back, if any.
    static func url(_ database: DatabaseConfiguration) -> String {
        guard let password = database.password else { return database.redactedURL }
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        return database.redactedURL.replacingOccurrences(of: "postgres://\(database.username)@", with: "postgres://\(database.username):\(encoded)@")
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` (SIGKILL: no handler, no drain, connections cut mid-transaction).
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to end, at most `limit`; returns how it ended.
    func exit(within limit: Duration) async throws -> (status: Int32, reason: Process.TerminationReason) {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                send(SIGKILL)
                throw DibaoProcessError("dibao \(process.arguments ?? []) still running after \(limit); output:\n\(output)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return (process.terminationStatus, process.terminationReason)
    }
}

/// A free TCP port on localhost, for a child `serve` (bound to port 0, then released).
func freePort() throws -> Int {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketDescriptor >= 0 else { throw DibaoProcessError("socket() failed: errno \(errno)") }
    defer { close(socketDescriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0 }
    }
    guard bound else { throw DibaoProcessError("could not bind a free port: errno \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
}

struct DibaoProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
