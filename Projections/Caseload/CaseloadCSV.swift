import DibaoCasework
import Foundation

/// CSV for reporting staff: UTF-8 with a byte-order mark (so spreadsheet software reads the
/// Chinese), CRLF line ends, a header row naming each column in Chinese and English, machine
/// wire names in the code columns with a Chinese name column beside them, and money in yuan
/// with two decimals, computed from integer fen by integer arithmetic.
public enum CaseloadCSV {
    static let byteOrderMark = "\u{FEFF}"

    /// The rollup of `CaseloadQuery.current` or `.asOf`, one line per row.
    public static func rollup(_ rows: [CaseloadRollupRow]) -> String {
        let header = ["区划代码 region_code", "层级 level", "救助项目 programme", "项目名称 programme_name", "状态 status", "状态名称 status_name",
                      "户数 households", "人数 persons", "月保障金额(元) monthly_amount_yuan"]
        let lines = rows.map { row in
            [row.regionCode, row.level.wireName, row.programme.rawValue, chineseName(row.programme), row.status.rawValue, chineseName(row.status),
             String(row.figures.households), String(row.figures.persons), yuan(row.figures.monthlyAmountFen)]
        }
        return document([header] + lines)
    }

    /// The monthly statistics, one line per programme and figure: 本期, 上期, 环比.
    public static func monthly(_ statistics: MonthlyStatistics) -> String {
        let header = ["月份 month", "区划代码 region_code", "救助项目 programme", "项目名称 programme_name", "指标 figure", "指标名称 figure_name",
                      "本期 current", "上期 previous", "环比 change"]
        let prefix = [statistics.month.description, statistics.jurisdiction.rawValue]
        var lines: [[String]] = []
        for comparison in statistics.programmes {
            let (current, previous) = (comparison.current, comparison.previous)
            let figures: [(String, String, Int64, Int64, Bool)] = [
                ("households", "户数", current.households, previous.households, false),
                ("persons", "人数", current.persons, previous.persons, false),
                ("households_entered", "当月新增户数", current.householdsEntered, previous.householdsEntered, false),
                ("persons_entered", "当月新增人数", current.personsEntered, previous.personsEntered, false),
                ("households_exited", "当月退出户数", current.householdsExited, previous.householdsExited, false),
                ("persons_exited", "当月退出人数", current.personsExited, previous.personsExited, false),
                ("amount_yuan", "当月支出(元)", current.amountFen, previous.amountFen, true),
                ("average_per_person_yuan", "月人均支出水平(元)", current.averagePerPersonFen, previous.averagePerPersonFen, true),
            ]
            for (figure, label, now, before, money) in figures {
                let cells = money ? [yuan(now), yuan(before), yuan(now - before)] : [String(now), String(before), String(now - before)]
                lines.append(prefix + [comparison.programme.rawValue, chineseName(comparison.programme), figure, label] + cells)
            }
        }
        let temporary = statistics.temporaryAssistance
        let programme = [Programme.temporaryAssistance.rawValue, chineseName(.temporaryAssistance)]
        lines.append(prefix + programme + ["amount_yuan", "临时救助支出(元)", yuan(temporary.current.amountFen), yuan(temporary.previous.amountFen),
                                           yuan(temporary.current.amountFen - temporary.previous.amountFen)])
        lines.append(prefix + programme + ["person_times", "人次", String(temporary.current.personTimes), String(temporary.previous.personTimes),
                                           String(temporary.current.personTimes - temporary.previous.personTimes)])
        return document([header] + lines)
    }

    /// `12345` fen → `123.45`; `-5` → `-0.05`. Integer division only.
    public static func yuan(_ fen: Int64) -> String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    static func document(_ lines: [[String]]) -> String {
        byteOrderMark + lines.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// RFC 4180 quoting, only where a field needs it.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
