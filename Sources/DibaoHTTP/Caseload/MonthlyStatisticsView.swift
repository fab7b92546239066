import DibaoEvents
import DibaoProjections

/// `MonthlyStatistics` as `GET /v1/reports/monthly` shows it in JSON: per monthly programme the
/// month (本期), the previous month (上期) and the change (环比), then 临时救助 likewise.
enum MonthlyStatisticsView {
    static func json(_ statistics: MonthlyStatistics) -> JSONValue {
        let temporary = statistics.temporaryAssistance
        return [
            "jurisdiction": .string(statistics.jurisdiction.rawValue),
            "month": .string(statistics.month.description),
            "previousMonth": .string(statistics.previousMonth.description),
            "programmes": .array(statistics.programmes.map { comparison in
                var change = figures(comparison.change)
                // The change of the average is the difference of the two rounded averages.
                if case .object(var members) = change {
                    members["averagePerPersonFen"] = .integer(comparison.averagePerPersonChangeFen)
                    change = .object(members)
                }
                return ["programme": .string(comparison.programme.rawValue), "current": figures(comparison.current),
                        "previous": figures(comparison.previous), "change": change]
            }),
            "temporaryAssistance": [
                "current": figures(temporary.current),
                "previous": figures(temporary.previous),
                "change": [
                    "amountFen": .integer(temporary.current.amountFen - temporary.previous.amountFen),
                    "personTimes": .integer(temporary.current.personTimes - temporary.previous.personTimes),
                    "payments": .integer(temporary.current.payments - temporary.previous.payments),
                ],
            ],
        ]
    }

    static func figures(_ figures: ProgrammeMonthFigures) -> JSONValue {
        [
            "households": .integer(figures.households), "persons": .integer(figures.persons),
            "householdsEntered": .integer(figures.householdsEntered), "personsEntered": .integer(figures.personsEntered),
            "householdsExited": .integer(figures.householdsExited), "personsExited": .integer(figures.personsExited),
            "amountFen": .integer(figures.amountFen), "averagePerPersonFen": .integer(figures.averagePerPersonFen),
        ]
    }

    static func figures(_ figures: TemporaryAssistanceMonthFigures) -> JSONValue {
        ["amountFen": .integer(figures.amountFen), "personTimes": .integer(figures.personTimes), "payments": .integer(figures.payments)]
    }

    /// `monthly-140702-2022-04.csv`.
    static func filename(_ statistics: MonthlyStatistics) -> String {
        "monthly-\(statistics.jurisdiction.rawValue)-\(statistics.month).csv"
    }
}
