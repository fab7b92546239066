@testable import DibaoProjections
import DibaoTestSupport
import Testing

/// CSV rendering: money from integer fen, and the exact text of a small rollup.
@Suite("Caseload CSV")
struct CaseloadCSVTests {
    @Test("Yuan with two decimals from integer fen, negative changes included")
    func yuan() {
        #expect([0, 5, 10, 99, 100, 123_456, -5, -100_000, 9_007_199_254_740_993].map { CaseloadCSV.yuan($0) }
            == ["0.00", "0.05", "0.10", "0.99", "1.00", "1234.56", "-0.05", "-1000.00", "90071992547409.93"])
    }

    @Test("Average per person rounds half up to the fen in integers")
    func averageRounding() {
        func average(_ amountFen: Int64, _ persons: Int64) -> Int64 {
            var figures = ProgrammeMonthFigures()
            (figures.amountFen, figures.persons) = (amountFen, persons)
            return figures.averagePerPersonFen
        }
        #expect([average(10, 3), average(5, 2), average(7, 2), average(270_000, 7), average(100, 0)] == [3, 3, 4, 38_571, 0])
    }

    @Test("Fields holding a comma or a quote are quoted (RFC 4180)")
    func quoting() {
        #expect(CaseloadCSV.field("a,b") == "\"a,b\"" && CaseloadCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"" && CaseloadCSV.field("plain") == "plain")
    }
}

@Suite("Caseload CSV from the read model", .tags(.postgres))
struct CaseloadRollupCSVTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseloadcsv") }

    @Test("A village's current caseload as CSV, byte for byte")
    func villageRollupCSV() async throws {
        try await withCaseloadScenario(database) { store, _ in
            let rows = try await CaseloadQuery(client: store.client, logger: TestLogging.logger).current(CaseloadFixtures.region("140702002001"))
            let csv = CaseloadCSV.rollup(rows)
            #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
            #expect(csv == "\u{FEFF}区划代码 region_code,层级 level,救助项目 programme,项目名称 programme_name,状态 status,状态名称 status_name,"
                + "户数 households,人数 persons,月保障金额(元) monthly_amount_yuan\r\n"
                + "140702002001,village,urban_dibao,城市低保,suspended,暂停,1,1,600.00\r\n"
                + "140702002001,village,rural_dibao,农村低保,active,在保,1,2,700.00\r\n")
        }
    }
}
