import DibaoStore
import Foundation
import Logging

/// The service's configuration, read from the environment once.
struct Settings: Sendable {
    var databaseURL: String?
    var appPassword: String?
    var httpPort: Int
    var home: String

    static func fromEnvironment() throws -> Settings {
        let environment = ProcessInfo.processInfo.environment
        let portText = environment["DIBAO_HTTP_PORT"] ?? "8080"
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw ConfigurationError("DIBAO_HTTP_PORT must be a port number, got '\(portText)'")
        }
        let home = environment["DIBAO_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ".dibao"
        let absoluteHome = home.hasPrefix("/") ? home : FileManager.default.currentDirectoryPath + "/" + home
        return Settings(databaseURL: environment["DIBAO_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
                        appPassword: environment["DIBAO_APP_PASSWORD"], httpPort: port,
                        home: URL(fileURLWithPath: absoluteHome).standardizedFileURL.path)
    }
}

/// A logger that only speaks up for warnings and errors (for commands whose output is the point).
func quietLogger(_ label: String) -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = .warning
    return logger
}
