import DibaoEvents
import DibaoHTTP
import DibaoTestSupport
import Foundation
import Hummingbird
import Testing

/// The caseload reports over HTTP, on the real caseload projection: cases are seeded through
/// the case routes, the projection is caught up, then the figures are read as JSON and CSV.
@Suite("The /v1 caseload reports on PostgreSQL", .tags(.postgres))
struct CaseloadRoutesTests {
    let database: TestDatabase

    init() async throws { database = try await TestCluster.shared.freshDatabase("caseloadroutes") }

    /// Two rural 低保 households of two persons in two villages of township 140702001: 500 and 420 yuan.
    static func seed(_ api: APIHarness) async throws -> (first: String, second: String) {
        let first = try await api.approvedCase(village: "140702001001", monthlyFen: 50_000, sequence: 1)
        let second = try await api.approvedCase(village: "140702001002", monthlyFen: 42_000, sequence: 2)
        try await api.catchUpCaseload()
        return (first, second)
    }

    /// `level region programme status households persons amountFen` per JSON row.
    static func lines(_ json: JSONValue) -> [String] {
        guard case .array(let rows)? = json["rows"] else { return ["no rows: \(json)"] }
        return rows.map { row in
            ["level", "regionCode", "programme", "status"].map { row[$0]?.stringValue ?? "?" }.joined(separator: " ") + " "
                + ["households", "persons", "monthlyAmountFen"].map { row[$0]?.integerValue.map(String.init) ?? "?" }.joined(separator: " ")
        }
    }

    @Test("The rollup in JSON: current and as of a date, from the jurisdiction down to the level; reads write nothing")
    func rollupJSON() async throws {
        try await APIHarness.run(database) { api in
            let (first, _) = try await Self.seed(api)
            let written = try await api.store.backlog(after: .start).events
            let township = try await api.send(.get, "/v1/caseload?jurisdiction=140702001&level=village", as: "approver", key: nil)
            #expect(township.status == .ok, "\(township.json)")
            #expect(township.json["jurisdiction"] == "140702001" && township.json["level"] == "village" && township.json["asOf"] == .null)
            #expect(Self.lines(township.json) == [
                "township 140702001 rural_dibao active 2 4 92000",
                "village 140702001001 rural_dibao active 1 2 50000",
                "village 140702001002 rural_dibao active 1 2 42000",
            ])
            let county = try await api.send(.get, "/v1/caseload?jurisdiction=140702&level=township", as: "finance", key: nil)
            #expect(Self.lines(county.json) == ["county 140702 rural_dibao active 2 4 92000", "township 140702001 rural_dibao active 2 4 92000"])
            let defaultLevel = try await api.send(.get, "/v1/caseload?jurisdiction=140702001001", as: "caseworker", key: nil)
            #expect(Self.lines(defaultLevel.json) == ["village 140702001001 rural_dibao active 1 2 50000"])

            let caseView = try await api.send(.get, "/v1/cases/\(first)", as: "approver", key: nil)
            let entry = try CalendarMonth(try #require(caseView.json["firstBenefitMonth"]?.stringValue))
            let before = try BusinessDate(year: entry.year, month: entry.month, day: 1).description
            let dayBefore = entry.adding(months: -1)
            let lastDayBefore = try BusinessDate(year: dayBefore.year, month: dayBefore.month,
                                                 day: BusinessDate.daysIn(year: dayBefore.year, month: dayBefore.month)).description
            let asOfEntry = try await api.send(.get, "/v1/caseload?jurisdiction=140702001&level=township&asOf=\(before)", as: "inspector", key: nil)
            #expect(asOfEntry.json["asOf"] == .string(before))
            #expect(Self.lines(asOfEntry.json) == ["township 140702001 rural_dibao active 2 4 92000"])
            let asOfBefore = try await api.send(.get, "/v1/caseload?jurisdiction=140702001&asOf=\(lastDayBefore)", as: "approver", key: nil)
            #expect(asOfBefore.status == .ok && Self.lines(asOfBefore.json) == [], "not yet entitled the day before the first benefit month")
            #expect(try await api.store.backlog(after: .start).events == written)
        }
    }

    @Test("The rollup in CSV, by format=csv or Accept: text/csv: BOM, bilingual header, yuan, an attachment")
    func rollupCSV() async throws {
        try await APIHarness.run(database) { api in
            _ = try await Self.seed(api)
            let expected = "\u{FEFF}区划代码 region_code,层级 level,救助项目 programme,项目名称 programme_name,状态 status,状态名称 status_name,"
                + "户数 households,人数 persons,月保障金额(元) monthly_amount_yuan\r\n"
                + "140702001,township,rural_dibao,农村低保,active,在保,2,4,920.00\r\n"
            let byFormat = try await api.raw("/v1/caseload?jurisdiction=140702001&level=township&format=csv", as: "approver")
            #expect(byFormat.status == .ok)
            #expect(byFormat.body == expected)
            #expect(byFormat.body.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(byFormat.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(byFormat.headers[.contentDisposition] == #"attachment; filename="caseload-140702001-current.csv""#)
            let byAccept = try await api.raw("/v1/caseload?jurisdiction=140702001&level=township&asOf=2022-12-31", as: "approver",
                                             headers: [.accept: "text/csv, application/json;q=0.5"])
            #expect(byAccept.body == expected)
            #expect(byAccept.headers[.contentDisposition] == #"attachment; filename="caseload-140702001-2022-12-31.csv""#)
            let json = try await api.raw("/v1/caseload?jurisdiction=140702001&level=township", as: "approver", headers: [.accept: "application/json"])
            #expect(json.headers[.contentType] == "application/json; charset=utf-8" && json.body.hasPrefix("{"))
            let jsonWins = try await api.raw("/v1/caseload?jurisdiction=140702001&format=json", as: "approver", headers: [.accept: "text/csv"])
            #expect(jsonWins.body.hasPrefix("{"))
        }
    }

    @Test("The monthly statistics in JSON and CSV: 本期, 上期, 环比 and entries in the first benefit month")
    func monthly() async throws {
        try await APIHarness.run(database) { api in
            let (first, _) = try await Self.seed(api)
            let month = try #require(try await api.send(.get, "/v1/cases/\(first)", as: "approver", key: nil).json["firstBenefitMonth"]?.stringValue)
            let report = try await api.send(.get, "/v1/reports/monthly?jurisdiction=140702&month=\(month)", as: "finance", key: nil)
            #expect(report.status == .ok, "\(report.json)")
            #expect(report.json["jurisdiction"] == "140702" && report.json["month"] == .string(month))
            guard case .array(let programmes)? = report.json["programmes"] else { Issue.record("no programmes: \(report.json)"); return }
            #expect(programmes.compactMap { $0["programme"]?.stringValue } == ["urban_dibao", "rural_dibao", "tekun_centralised", "tekun_dispersed"])
            let rural = try #require(programmes.first { $0["programme"] == "rural_dibao" })
            #expect(rural["current"]?["households"] == 2 && rural["current"]?["persons"] == 4 && rural["current"]?["amountFen"] == 92_000)
            #expect(rural["current"]?["householdsEntered"] == 2 && rural["current"]?["averagePerPersonFen"] == 23_000)
            #expect(rural["previous"]?["households"] == 0 && rural["change"]?["households"] == 2 && rural["change"]?["averagePerPersonFen"] == 23_000)
            #expect(report.json["temporaryAssistance"]?["current"]?["amountFen"] == 0)

            let csv = try await api.raw("/v1/reports/monthly?jurisdiction=140702&month=\(month)&format=csv", as: "finance")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"monthly-140702-\(month).csv\"")
            #expect(csv.body.hasPrefix("\u{FEFF}月份 month,区划代码 region_code,救助项目 programme,项目名称 programme_name,指标 figure,指标名称 figure_name,本期 current,上期 previous,环比 change\r\n"))
            #expect(csv.body.contains("\r\n\(month),140702,rural_dibao,农村低保,households,户数,2,0,2\r\n"))
            #expect(csv.body.contains("\r\n\(month),140702,rural_dibao,农村低保,amount_yuan,当月支出(元),920.00,0.00,920.00\r\n"))
            let byAccept = try await api.raw("/v1/reports/monthly?jurisdiction=140702&month=\(month)", as: "finance", headers: [.accept: "text/csv"])
            #expect(byAccept.body == csv.body)
        }
    }

    @Test("400 names the parameter: jurisdiction, level, asOf, month, format, unknown parameters")
    func badParameters() async throws {
        try await APIHarness.run(database) { api in
            let cases: [(String, String)] = [
                ("/v1/caseload", "jurisdiction"),
                ("/v1/caseload?jurisdiction=14070", "jurisdiction"),
                ("/v1/caseload?jurisdiction=140702&level=city", "level"),
                ("/v1/caseload?jurisdiction=140702001&level=county", "level"),
                ("/v1/caseload?jurisdiction=140702&asOf=2022-02-30", "asOf"),
                ("/v1/caseload?jurisdiction=140702&asOf=20220201", "asOf"),
                ("/v1/caseload?jurisdiction=140702&format=xlsx", "format"),
                ("/v1/caseload?jurisdiction=140702&asof=2022-02-01", "asof"),
                ("/v1/caseload?jurisdiction=140702&month=2022-02", "month"),
                ("/v1/reports/monthly?jurisdiction=140702", "month"),
                ("/v1/reports/monthly?jurisdiction=140702&month=2022-4", "month"),
                ("/v1/reports/monthly?jurisdiction=140702&month=2022-13", "month"),
                ("/v1/reports/monthly?month=2022-04", "jurisdiction"),
                ("/v1/reports/monthly?jurisdiction=140702&month=2022-04&level=village", "level"),
            ]
            for (uri, field) in cases {
                let result = try await api.send(.get, uri, as: "approver", key: nil)
                #expect(result.status == .badRequest && APIHarness.errorCode(result.json) == "invalid_field" && APIHarness.errorField(result.json) == field,
                        "\(uri): \(result.json)")
            }
        }
    }

    @Test("401 without a token; 403 outside the token's jurisdiction, for every role")
    func access() async throws {
        try await APIHarness.run(database) { api in
            for uri in ["/v1/caseload?jurisdiction=140702", "/v1/reports/monthly?jurisdiction=140702&month=2022-04"] {
                let none = try await api.send(.get, uri, as: nil, key: nil)
                #expect(none.status == .unauthorized && APIHarness.errorCode(none.json) == "token_missing", "\(uri)")
                let forged = try await api.send(.get, uri, as: nil, key: nil, token: "eyJhbGciOiJIUzI1NiJ9.e30.AAAA")
                #expect(forged.status == .unauthorized && APIHarness.errorCode(forged.json) == "token_invalid", "\(uri)")
                for who in ["caseworker", "yunnan"] {
                    let outside = try await api.send(.get, uri, as: who, key: nil)
                    #expect(outside.status == .forbidden && APIHarness.errorCode(outside.json) == "outside_jurisdiction", "\(who) \(uri): \(outside.json)")
                }
            }
            let neighbour = try await api.send(.get, "/v1/caseload?jurisdiction=140702002&format=csv", as: "caseworker", key: nil)
            #expect(neighbour.status == .forbidden, "a township's caseworker may not read the next township")
            let province = try await api.send(.get, "/v1/caseload?jurisdiction=140000", as: "approver", key: nil)
            #expect(province.status == .forbidden, "a county may not read its province")
        }
    }

    @Test("Every report says how far the projection is behind the log: 0 events when caught up, the new case's events when not")
    func lagHeaders() async throws {
        try await APIHarness.run(database) { api in
            _ = try await Self.seed(api)
            let caughtUp = try await api.raw("/v1/caseload?jurisdiction=140702001", as: "approver")
            #expect(caughtUp.status == .ok)
            #expect(caughtUp.headers[HTTPFields.Element.Name("Dibao-Projection-Lag-Events")!] == "0")
            #expect(caughtUp.headers[HTTPFields.Element.Name("Dibao-Projection-Lag-Seconds")!] == "0.0")

            // Events of other categories are no lag of the caseload projection.
            _ = try await Fixtures.append(api.store, Fixtures.uniqueStream("note"),
                                          [ProposedEvent(eventType: "LedgerNoteRecorded", schemaVersion: 1, data: ["text": "not a case"],
                                                         effectiveDate: try BusinessDate("2022-04-01"))])
            let otherCategory = try await api.raw("/v1/caseload?jurisdiction=140702001", as: "approver")
            #expect(otherCategory.headers[HTTPFields.Element.Name("Dibao-Projection-Lag-Events")!] == "0")

            // A third case, not yet applied: its events are the lag, in JSON and CSV alike.
            let before = try await api.store.backlog(after: .start, category: "case").events
            _ = try await api.approvedCase(village: "140702001001", monthlyFen: 30_000, sequence: 3)
            let pending = try await api.store.backlog(after: .start, category: "case").events - before
            #expect(pending > 0)
            let behind = try await api.raw("/v1/caseload?jurisdiction=140702001&format=csv", as: "approver")
            #expect(behind.headers[HTTPFields.Element.Name("Dibao-Projection-Lag-Events")!] == String(pending))
            let seconds = try #require(behind.headers[HTTPFields.Element.Name("Dibao-Projection-Lag-Seconds")!].flatMap(Double.init))
            #expect(seconds >= 0 && seconds < 600, "the pending events' age by PostgreSQL's clock: \(seconds)")
            let monthly = try await api.raw("/v1/reports/monthly?jurisdiction=140702001&month=2022-04", as: "approver")
            #expect(monthly.headers[HTTPFields.Element.Name("Dibao-Projection-Lag-Events")!] == String(pending))
        }
    }
}
