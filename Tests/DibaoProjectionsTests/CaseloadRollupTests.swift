import DibaoEvents
@testable import DibaoProjections
import DibaoTestSupport
import Testing

/// The current caseload and the caseload as of past dates, rolled up through the five levels.
@Suite("Caseload rollups", .tags(.postgres))
struct CaseloadRollupTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseload") }

    @Test("A county's caseload rolls up village → township → county by programme and status; pending, rejected, exited and 临时救助 are left out")
    func countyRollup() async throws {
        try await withCaseloadScenario(database) { store, _ in
            let rows = try await CaseloadQuery(client: store.client, logger: TestLogging.logger).current(CaseloadFixtures.region("140702"))
            #expect(rows.map(\.line) == [
                "county 140702 urban_dibao suspended 1 1 60000",
                "county 140702 rural_dibao active 2 5 190000",
                "county 140702 rural_dibao tapering 1 2 80000",
                "township 140702001 rural_dibao active 1 3 120000",
                "township 140702001 rural_dibao tapering 1 2 80000",
                "township 140702002 urban_dibao suspended 1 1 60000",
                "township 140702002 rural_dibao active 1 2 70000",
                "village 140702001001 rural_dibao active 1 3 120000",
                "village 140702001002 rural_dibao tapering 1 2 80000",
                "village 140702002001 urban_dibao suspended 1 1 60000",
                "village 140702002001 rural_dibao active 1 2 70000",
            ])
        }
    }

    @Test("A province and a prefecture see every county under them and nothing outside (R-D11)")
    func provinceAndPrefecture() async throws {
        try await withCaseloadScenario(database) { store, _ in
            let query = CaseloadQuery(client: store.client, logger: TestLogging.logger)
            let province = try await query.current(CaseloadFixtures.region("140000"), downTo: .county)
            #expect(province.map(\.line) == [
                "province 140000 urban_dibao suspended 1 1 60000",
                "province 140000 rural_dibao active 2 5 190000",
                "province 140000 rural_dibao tapering 1 2 80000",
                "province 140000 tekun_dispersed active 1 1 98000",
                "prefecture 140700 urban_dibao suspended 1 1 60000",
                "prefecture 140700 rural_dibao active 2 5 190000",
                "prefecture 140700 rural_dibao tapering 1 2 80000",
                "prefecture 140700 tekun_dispersed active 1 1 98000",
                "county 140702 urban_dibao suspended 1 1 60000",
                "county 140702 rural_dibao active 2 5 190000",
                "county 140702 rural_dibao tapering 1 2 80000",
                "county 140721 tekun_dispersed active 1 1 98000",
            ])
            let yunnan = try await query.current(CaseloadFixtures.region("530000"), downTo: .prefecture)
            #expect(yunnan.map(\.line) == ["province 530000 rural_dibao active 1 2 50000", "prefecture 533100 rural_dibao active 1 2 50000"])
        }
    }

    @Test("As of a past date: effective months decide, exits and suspensions count from their month, corrections rewrite the corrected period")
    func asOfDates() async throws {
        try await withCaseloadScenario(database) { store, _ in
            let query = CaseloadQuery(client: store.client, logger: TestLogging.logger)
            let county = CaseloadFixtures.region("140702")
            let january = try await query.asOf(CaseloadFixtures.date("2022-01-31"), county, downTo: .county)
            #expect(january.isEmpty, "approved in January, entitled from February")
            #expect(try await query.asOf(CaseloadFixtures.date("2022-03-15"), county, downTo: .county).map(\.line) == [
                "county 140702 urban_dibao active 1 1 60000",
                "county 140702 rural_dibao active 4 11 370000",
            ])
            #expect(try await query.asOf(CaseloadFixtures.date("2022-06-30"), county, downTo: .county).map(\.line) == [
                "county 140702 urban_dibao suspended 1 1 60000",
                "county 140702 rural_dibao active 2 5 190000",
                "county 140702 rural_dibao tapering 1 2 80000",
            ])
            let yushe = CaseloadFixtures.region("140721001001")
            #expect(try await query.asOf(CaseloadFixtures.date("2022-03-31"), yushe).map(\.line) == ["village 140721001001 tekun_dispersed active 1 1 94000"])
            #expect(try await query.asOf(CaseloadFixtures.date("2022-04-01"), yushe).map(\.line) == ["village 140721001001 tekun_dispersed active 1 1 98000"])
        }
    }

    @Test("The current row keeps the adjusted amount when an older approval is corrected; the correction of the amount in force changes it")
    func correctionsOnCurrentRows() async throws {
        try await withCaseloadScenario(database) { store, _ in
            let rows = try await store.client.query("SELECT case_id, monthly_amount_fen FROM dibao.caseload_cases WHERE case_id IN ('A', 'E') ORDER BY 1",
                                                    logger: TestLogging.logger)
            var amounts: [String] = []
            for try await (caseId, amount) in rows.decode((String, Int64).self) { amounts.append("\(caseId) \(amount)") }
            #expect(amounts == ["A 120000", "E 98000"])
        }
    }
}
