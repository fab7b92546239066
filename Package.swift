// swift-tools-version:6.3
import PackageDescription

// The dependency rule, in one sentence: the event catalogue (Events/) and the decision logic do
// no I/O; only the store and the projections import PostgresNIO; only the HTTP layer imports
// Hummingbird; the `dibao` executable wires them together. See docs/decisions/0001-layout.md.

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "dibao-ledger",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dibao", targets: ["dibao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
    ],
    targets: [
        // Events/: the event catalogue, canonical bytes and the hash chain. No I/O.
        .target(
            name: "DibaoEvents",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Events",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        // Casework decisions: pure decide/evolve over case and policy streams. No I/O.
        .target(
            name: "DibaoCasework",
            dependencies: ["DibaoEvents"],
            swiftSettings: swiftSettings
        ),
        // The append-only log in PostgreSQL: migrations, append, gap-free reads, subscriptions.
        .target(
            name: "DibaoStore",
            dependencies: [
                "DibaoEvents",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [.copy("Migrations")],
            swiftSettings: swiftSettings
        ),
        // Casework as a service: loads a case, its policy and kin registry from the log, runs
        // decide, appends with the expected version; signed-token access control.
        .target(
            name: "DibaoCaseService",
            dependencies: [
                "DibaoEvents", "DibaoCasework", "DibaoStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Projections/: the projection engine and the read models it keeps.
        .target(
            name: "DibaoProjections",
            dependencies: [
                "DibaoEvents", "DibaoStore", "DibaoCasework",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            path: "Projections",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        // A private PostgreSQL cluster under $DIBAO_HOME/pg: the embedded default and the test server.
        .target(
            name: "DibaoPostgresLauncher",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // HTTP: health, readiness, metrics, the /v1 casework and report API, /openapi.yaml. Only this imports Hummingbird.
        .target(
            name: "DibaoHTTP",
            dependencies: [
                "DibaoStore", "DibaoProjections", "DibaoCaseService", "DibaoCasework", "DibaoEvents",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("OpenAPI/openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        // Benchmarks that print figures beside a raw PostgreSQL baseline measured in the same run.
        .target(
            name: "DibaoBench",
            dependencies: [
                "DibaoEvents", "DibaoStore", "DibaoProjections",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The demo county: a deterministic generator of households and their year of casework,
        // loaded through the case service.
        .target(
            name: "DibaoDemo",
            dependencies: [
                "DibaoEvents", "DibaoCasework", "DibaoCaseService", "DibaoStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "dibao",
            dependencies: [
                "DibaoEvents", "DibaoStore", "DibaoProjections", "DibaoPostgresLauncher", "DibaoHTTP", "DibaoBench",
                "DibaoCasework", "DibaoCaseService", "DibaoDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DibaoTestSupport",
            dependencies: [
                "DibaoEvents", "DibaoStore", "DibaoPostgresLauncher",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/DibaoTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoEventsTests",
            dependencies: ["DibaoEvents"],
            resources: [.copy("Vectors")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoCaseworkTests",
            dependencies: ["DibaoCasework", "DibaoEvents"],
            resources: [.copy("Samples")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoCaseServiceTests",
            dependencies: [
                "DibaoCaseService", "DibaoCasework", "DibaoEvents", "DibaoStore", "DibaoTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoDemoTests",
            dependencies: [
                "DibaoDemo", "DibaoCaseService", "DibaoCasework", "DibaoEvents", "DibaoStore", "DibaoTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoStoreTests",
            dependencies: [
                "DibaoEvents", "DibaoStore", "DibaoTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoProjectionsTests",
            dependencies: [
                "DibaoEvents", "DibaoStore", "DibaoProjections", "DibaoTestSupport", "DibaoCasework",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoBenchTests",
            dependencies: [
                "DibaoBench", "DibaoEvents", "DibaoStore", "DibaoTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoHTTPTests",
            dependencies: [
                "DibaoHTTP", "DibaoStore", "DibaoProjections", "DibaoTestSupport", "DibaoCaseService", "DibaoCasework", "DibaoEvents",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DibaoPostgresLauncherTests",
            dependencies: [
                "DibaoPostgresLauncher", "DibaoStore", "DibaoTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Runs the built `dibao` executable as a child process (and kills it): built by
        // `swift build --build-tests` beside the test bundle.
        .testTarget(
            name: "DibaoCLITests",
            dependencies: [
                "DibaoEvents", "DibaoStore", "DibaoProjections", "DibaoPostgresLauncher", "DibaoTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
