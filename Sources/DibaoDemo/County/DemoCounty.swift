import DibaoEvents

/// The demo county: 榆次区 (140702) of 晋中市 (140700), whose policy (seed 004) the demo runs
/// under. Township and village codes below the county and every name are FICTITIOUS.
public struct DemoCounty: Sendable {
    /// A township (乡镇/街道): 9-digit code; urban 街道 take urban 低保, rural 镇/乡 rural 低保.
    public struct Township: Sendable, Hashable {
        public var code: RegionCode
        public var name: String
        public var isUrban: Bool
        public var villages: [Village]
    }

    /// A village (村) or community (社区): 12-digit code.
    public struct Village: Sendable, Hashable {
        public var code: RegionCode
        public var name: String
    }

    public var code: RegionCode
    public var name: String
    public var townships: [Township]

    /// 榆次区 with two 街道 and three 镇/乡, four or five villages each.
    public static let yuci: DemoCounty = {
        func township(_ suffix: String, _ name: String, urban: Bool, _ villages: [String]) -> Township {
            let code = "140702" + suffix
            let first = urban ? 1 : 201
            return Township(code: try! RegionCode(code), name: name, isUrban: urban,
                            villages: villages.enumerated().map { index, village in
                                Village(code: try! RegionCode(code + threeDigits(first + index)), name: village)
                            })
        }
        return DemoCounty(code: try! RegionCode("140702"), name: "榆次区", townships: [
            township("001", "北关街道", urban: true, ["北关社区", "顺城社区", "新建社区", "文苑社区"]),
            township("002", "锦纶街道", urban: true, ["锦纶社区", "红旗社区", "桥东社区", "安宁社区", "汇通社区"]),
            township("101", "修文镇", urban: false, ["修文村", "东长寿村", "西长寿村", "南要村", "北要村"]),
            township("102", "东阳镇", urban: false, ["东阳村", "车辋村", "西河堡村", "南庄村"]),
            township("201", "庄子乡", urban: false, ["庄子村", "上戈村", "下戈村", "黄彩村", "沛霖村"]),
        ])
    }()

    public var urbanTownships: [Township] { townships.filter(\.isUrban) }
    public var ruralTownships: [Township] { townships.filter { !$0.isUrban } }

    /// The township a village belongs to.
    public func township(of village: RegionCode) -> Township {
        guard let township = townships.first(where: { $0.code.contains(village) }) else {
            preconditionFailure("village \(village) is not in the demo county")
        }
        return township
    }

    static func threeDigits(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
