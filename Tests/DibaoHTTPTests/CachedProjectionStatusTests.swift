import DibaoHTTP
import DibaoProjections
import DibaoTestSupport
import Testing

/// The lag headers' status: fetched once per `maxAge` however many reports ask, and a failed
/// fetch is not kept.
@Suite("Cached projection status")
struct CachedProjectionStatusTests {
    static func status(lag: Int64) -> ProjectionStatus {
        ProjectionStatus(name: "caseload", activeGeneration: 1, buildingGeneration: nil, checkpoint: "1/1", eventsApplied: 5,
                         lagEvents: lag, lagSeconds: 0, lastError: nil)
    }

    @Test("Twenty reports at once cause one fetch; after maxAge the next report fetches again")
    func oneFetchAtATime() async throws {
        let fetches = Shared(0)
        let cache = CachedProjectionStatus(maxAge: .milliseconds(300), logger: TestLogging.logger) {
            let count = fetches.withLock { $0 += 1; return $0 }
            try await Task.sleep(for: .milliseconds(50))
            return Self.status(lag: Int64(count))
        }
        let lags = await withTaskGroup(of: Int64?.self) { group in
            for _ in 0..<20 { group.addTask { await cache.status()?.lagEvents } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(lags.count == 20 && lags.allSatisfy { $0 == 1 })
        #expect(fetches.value == 1)
        try await Task.sleep(for: .milliseconds(400))
        #expect(await cache.status()?.lagEvents == 2)
    }

    @Test("A failed fetch gives nil and is not kept: the next report fetches again")
    func failureIsNotKept() async {
        let fetches = Shared(0)
        let cache = CachedProjectionStatus(maxAge: .seconds(60), logger: TestLogging.logger) {
            let count = fetches.withLock { $0 += 1; return $0 }
            if count == 1 { throw CancellationError() }
            return Self.status(lag: 7)
        }
        #expect(await cache.status() == nil)
        #expect(await cache.status()?.lagEvents == 7)
        #expect(fetches.value == 2)
    }
}
