import ArgumentParser
import DibaoCaseService
import DibaoEvents
import Foundation
import DibaoHTTP
import DibaoProjections
import DibaoStore
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate, then serve HTTP and run the projections until SIGINT/SIGTERM.")

    func run() async throws {
        let logger = Logger(label: "dibao")
        let settings = try Settings.fromEnvironment()
        let registry = OperationsMetrics.bootstrap()
        let database = try await Database.open(settings, logger: logger)
        defer { database.close(logger: logger) }
        let migrator = try Migrator()
        let report = try await database.migrate(logger: logger)
        logger.info("schema is current", metadata: ["applied": "\(report.applied.count)", "already": "\(report.alreadyApplied)"])

        let client = PostgresClient(configuration: database.app.clientConfiguration(), backgroundLogger: logger)
        let store = EventStore(client: client, catalogue: LedgerCatalogue.make(), logger: logger)
        let engine = ProjectionEngine(store: store, projections: ProjectionCatalogue.all(), logger: logger)
        let projectionsRunning = RunningFlag()
        let readiness = ReadinessProbe(checks: [
            ("database", { await Self.check { _ = try await store.streamVersion(StreamName("health-probe")) } }),
            ("migrations", { await Self.check { guard try await migrator.isCurrent(client, logger: logger) else { throw ConfigurationError("pending or changed migrations") } } }),
            ("projections", { await ProjectionReadiness.check(engine, running: projectionsRunning.value) }),
        ])
        let operations = OperationsRoutes(readiness: readiness, registry: registry, beforeScrape: { _ = try? await engine.publishMetrics() })
        let secret = try TokenSecret.load(environment: ProcessInfo.processInfo.environment, home: settings.home)
        let verifier = await TokenVerifier(secret: secret)
        let cases = CaseRoutes(service: CaseService(store: store, logger: logger), verifier: verifier)
        let caseloadProjection = try engine.projection(named: Caseload().name)
        let caseloadStatus = CachedProjectionStatus(logger: logger) { try await engine.status(of: caseloadProjection) }
        let caseload = CaseloadRoutes(caseload: CaseloadQuery(client: client, logger: logger),
                                      monthly: MonthlyStatisticsQuery(client: client, logger: logger), verifier: verifier,
                                      freshness: { await caseloadStatus.status() })
        let application = DibaoApplication.make(port: settings.httpPort, operations: operations, cases: cases, caseload: caseload, logger: logger)
        let services: [any Service] = [
            client,
            BackgroundService { await store.wakeUps.run() },
            BackgroundService {
                do { try await engine.register() } catch { logger.error("registering projections failed: \(error)"); return }
                projectionsRunning.value = true
                await engine.runLive()
                projectionsRunning.value = false
            },
            application,
        ]
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) },
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("dibao is serving", metadata: ["http": "http://localhost:\(settings.httpPort)", "database": "\(database.app.redactedURL)"])
        try await group.run()
    }

    static func check(_ body: () async throws -> Void) async -> String? {
        do { try await body(); return nil } catch { return "\(error)" }
    }
}

/// A long-running task as a service: cancelled on graceful shutdown.
struct BackgroundService: Service {
    let body: @Sendable () async -> Void
    func run() async throws {
        await cancelWhenGracefulShutdown { await body() }
    }
}
