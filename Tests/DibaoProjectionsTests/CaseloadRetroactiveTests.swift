import DibaoEvents
@testable import DibaoProjections
import DibaoTestSupport
import Testing

/// Decisions recorded out of effective order, and foreign event types in case streams.
@Suite("Caseload with retroactive decisions", .tags(.postgres))
struct CaseloadRetroactiveTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseloadretro") }

    @Test("An adjustment effective in May, recorded after a suspension from June, shows in May and during the suspension")
    func adjustmentRecordedAfterSuspension() async throws {
        try await withCaseloadScenario(database) { store, engine in
            typealias F = CaseloadFixtures
            try await F.append(store, "K", [F.application("K", "rural_dibao", village: "140781001001", size: 2, on: "2022-01-10"),
                                            F.approved(50_000, from: "2022-02", on: "2022-01-26")], on: "2022-01-26")
            try await F.append(store, "K", [CaseSuspended(suspendedOn: F.date("2022-05-20"), fromMonth: F.month("2022-06"), reason: "外出务工未报告")], on: "2022-05-20")
            try await F.append(store, "K", [AmountAdjusted(adjustedOn: F.date("2022-05-25"), effectiveMonth: F.month("2022-05"), previousMonthlyFen: 50_000,
                                                           newMonthlyFen: 55_000, cause: .householdChange)], on: "2022-05-25")
            try await F.append(store, "K", [CaseResumed(resumedOn: F.date("2022-07-20"), fromMonth: F.month("2022-08"))], on: "2022-07-20")
            // A type the casework catalogue does not know, in a case stream: skipped, not a failure.
            _ = try await Fixtures.append(store, try StreamName(category: "case", id: "K"), [Fixtures.thing(1)])
            try await RebuildTests.catchUp(engine, Caseload(), batch: 2)

            let query = CaseloadQuery(client: store.client, logger: TestLogging.logger)
            let jiexiu = F.region("140781")
            var lines: [String] = []
            for day in ["2022-04-30", "2022-05-15", "2022-06-15", "2022-08-01"] {
                lines += try await query.asOf(F.date(day), jiexiu, downTo: .county).map { "\(day) \($0.line)" }
            }
            #expect(lines == [
                "2022-04-30 county 140781 rural_dibao active 1 2 50000",
                "2022-05-15 county 140781 rural_dibao active 1 2 55000",
                "2022-06-15 county 140781 rural_dibao suspended 1 2 55000",
                "2022-08-01 county 140781 rural_dibao active 1 2 55000",
            ])
            #expect(try await query.current(jiexiu, downTo: .county).map(\.line) == ["county 140781 rural_dibao active 1 2 55000"])

            let june = try await MonthlyStatisticsQuery(client: store.client, logger: TestLogging.logger).statistics(jiexiu, month: F.month("2022-06"))
            let rural = try #require(june.programmes.first { $0.programme == .ruralDibao })
            #expect([rural.current.households, rural.previous.households, rural.previous.amountFen, rural.current.householdsExited] == [0, 1, 55_000, 0],
                    "a suspension leaves the month-end caseload without being an exit")
        }
    }
}
