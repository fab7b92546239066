import DibaoCasework
import DibaoEvents
@testable import DibaoProjections
import DibaoTestSupport
import PostgresNIO
import Testing

/// The 民政统计月报 figures: month-end caseload (F-23), entries, exits, 上期 and 环比, 临时救助.
@Suite("Caseload monthly statistics", .tags(.postgres))
struct CaseloadMonthlyStatisticsTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseloadmonthly") }

    @Test("April 2022 in 榆次区: rural 低保 loses D's exit, urban 低保 loses C's suspension; 环比 against March")
    func aprilAgainstMarch() async throws {
        try await withCaseloadScenario(database, batch: 5) { store, _ in
            let statistics = try await MonthlyStatisticsQuery(client: store.client, logger: TestLogging.logger)
                .statistics(CaseloadFixtures.region("140702"), month: CaseloadFixtures.month("2022-04"))
            #expect(statistics.programmes.map(\.programme) == [.urbanDibao, .ruralDibao, .extremePovertyCentralised, .extremePovertyDispersed])
            let rural = try #require(statistics.programmes.first { $0.programme == .ruralDibao })
            #expect([rural.current.households, rural.current.persons, rural.current.amountFen] == [3, 7, 270_000])
            #expect([rural.previous.households, rural.previous.persons, rural.previous.amountFen] == [4, 11, 370_000])
            #expect([rural.current.householdsEntered, rural.current.householdsExited, rural.current.personsExited] == [0, 1, 4])
            #expect([rural.previous.householdsEntered, rural.previous.personsEntered, rural.previous.householdsExited] == [2, 4, 0])
            #expect([rural.change.households, rural.change.persons, rural.change.amountFen] == [-1, -4, -100_000])
            // 270,000 / 7 = 38,571.43 → 38,571; 370,000 / 11 = 33,636.36 → 33,636.
            #expect([rural.current.averagePerPersonFen, rural.previous.averagePerPersonFen, rural.averagePerPersonChangeFen] == [38_571, 33_636, 4_935])
            // Month-end households = last month's + entries − exits.
            #expect(rural.current.households == rural.previous.households + rural.current.householdsEntered - rural.current.householdsExited)
            let urban = try #require(statistics.programmes.first { $0.programme == .urbanDibao })
            #expect([urban.current.households, urban.previous.households, urban.previous.persons, urban.previous.amountFen] == [0, 1, 1, 60_000])
            // 临时救助: the emergency payment and the first stage, 3 persons each; the second stage is May's.
            let temporary = statistics.temporaryAssistance.current
            #expect([temporary.amountFen, temporary.personTimes, temporary.payments] == [80_000, 6, 2])
            #expect(statistics.temporaryAssistance.previous.payments == 0)
        }
    }

    @Test("A report asked while a switch holds the views waits for it and reads what it committed, whole")
    func reportWaitsForASwitch() async throws {
        try await withCaseloadScenario(database) { store, _ in
            let query = MonthlyStatisticsQuery(client: store.client, logger: TestLogging.logger)
            let region = CaseloadFixtures.region("140702"), month = CaseloadFixtures.month("2022-04")
            #expect(try await query.statistics(region, month: month).temporaryAssistance.current.amountFen == 80_000)
            try await store.client.withConnection { connection in
                // As a switch does: the views locked in its order, then the rows it writes.
                try await connection.query("BEGIN", logger: TestLogging.logger)
                try await connection.query(PostgresQuery(unsafeSQL: MonthlyStatisticsQuery.lockViews.replacingOccurrences(of: "ACCESS SHARE", with: "ACCESS EXCLUSIVE")),
                                           logger: TestLogging.logger)
                try await connection.query("""
                    INSERT INTO dibao.proj_caseload_g1_temporary_payments (event_id, case_id, region_code, kind, paid_on, amount_fen, person_times)
                    VALUES ('switch-test', 'switch-test', '140702001001', 'emergency', '2022-04-15', 5000, 1)
                    """, logger: TestLogging.logger)
                async let report = query.statistics(region, month: month)
                try await Task.sleep(for: .milliseconds(300))
                try await connection.query("COMMIT", logger: TestLogging.logger)
                let figures = try await report.temporaryAssistance.current
                #expect([figures.amountFen, figures.personTimes, figures.payments] == [85_000, 7, 3], "the report's snapshot follows the switch")
            }
        }
    }

    @Test("May 2022: tapering counts in the month-end caseload; the second stage adds money but no person-times")
    func mayWithTapering() async throws {
        try await withCaseloadScenario(database) { store, _ in
            let statistics = try await MonthlyStatisticsQuery(client: store.client, logger: TestLogging.logger)
                .statistics(CaseloadFixtures.region("140702001"), month: CaseloadFixtures.month("2022-05"))
            let rural = try #require(statistics.programmes.first { $0.programme == .ruralDibao })
            #expect([rural.current.households, rural.current.persons, rural.current.amountFen] == [2, 5, 200_000])
            #expect([statistics.temporaryAssistance.current.amountFen, statistics.temporaryAssistance.current.personTimes] == [20_000, 0])
        }
    }

    @Test("The month CSV: BOM, CRLF, bilingual header, yuan from fen, 34 lines for four programmes and 临时救助")
    func monthlyCSV() async throws {
        try await withCaseloadScenario(database) { store, _ in
            let statistics = try await MonthlyStatisticsQuery(client: store.client, logger: TestLogging.logger)
                .statistics(CaseloadFixtures.region("140721"), month: CaseloadFixtures.month("2022-04"))
            let csv = CaseloadCSV.monthly(statistics)
            #expect(csv.hasPrefix("\u{FEFF}月份 month,区划代码 region_code,救助项目 programme,项目名称 programme_name,指标 figure,指标名称 figure_name,本期 current,上期 previous,环比 change\r\n"))
            let lines = csv.components(separatedBy: "\r\n")
            #expect(lines.count == 36 && lines.last == "", "header, 4 × 8 programme lines, 2 临时救助 lines, and the final CRLF")
            let tekun = lines.filter { $0.contains(",tekun_dispersed,") }
            #expect(tekun == [
                "2022-04,140721,tekun_dispersed,特困人员（分散供养）,households,户数,1,1,0",
                "2022-04,140721,tekun_dispersed,特困人员（分散供养）,persons,人数,1,1,0",
                "2022-04,140721,tekun_dispersed,特困人员（分散供养）,households_entered,当月新增户数,0,1,-1",
                "2022-04,140721,tekun_dispersed,特困人员（分散供养）,persons_entered,当月新增人数,0,1,-1",
                "2022-04,140721,tekun_dispersed,特困人员（分散供养）,households_exited,当月退出户数,0,0,0",
                "2022-04,140721,tekun_dispersed,特困人员（分散供养）,persons_exited,当月退出人数,0,0,0",
                "2022-04,140721,tekun_dispersed,特困人员（分散供养）,amount_yuan,当月支出(元),980.00,940.00,40.00",
                "2022-04,140721,tekun_dispersed,特困人员（分散供养）,average_per_person_yuan,月人均支出水平(元),980.00,940.00,40.00",
            ])
            #expect(lines[lines.count - 3] == "2022-04,140721,temporary_assistance,临时救助,amount_yuan,临时救助支出(元),0.00,0.00,0.00")
            #expect(lines[lines.count - 2] == "2022-04,140721,temporary_assistance,临时救助,person_times,人次,0,0,0")
        }
    }
}
