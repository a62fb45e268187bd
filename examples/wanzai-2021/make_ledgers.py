"""Write the ILLUSTRATIVE 2021 ledgers of the seed department (examples/wanzai-2021/ledgers/).

The published report states results (十二次设备检修, 绿化成活率96%, 460多次会议零失误, 公共设施完好率
94%, 节能宣传周 2021年8月23日-29日, 满意度92%以上) but not the records behind them. These files
are a plausible ledger from which exactly those figures follow: invented records, deterministic
(seeded), marked as illustrative in each file's first line. Run from the repository root:

    python examples/wanzai-2021/make_ledgers.py
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).parent / "ledgers"
NOTE = "# 示例数据（ILLUSTRATIVE）：为演示台账功能编造的记录，不是万载县机关事务管理局的真实台账"
rng = random.Random(2021)


def write(name: str, header: list[str], rows: list[list[object]]) -> None:
    OUT.mkdir(exist_ok=True)
    with (OUT / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow([NOTE])
        out.writerow(header)
        out.writerows(rows)


def workdays(year: int) -> list[date]:
    day, days = date(year, 1, 4), []
    while day.year == year:
        if day.weekday() < 5 and not (date(year, 2, 11) <= day <= date(year, 2, 17)):
            days.append(day)
        day += timedelta(days=1)
    return days


def overhauls() -> None:
    equipment = [
        ("2021-01-20", "中央空调主机（1号）"),
        ("2021-02-26", "高低压配电房变压器"),
        ("2021-03-23", "柴油发电机组"),
        ("2021-04-15", "主楼1号、2号客梯"),
        ("2021-05-18", "消防水泵及喷淋系统"),
        ("2021-06-10", "屋面防水及排水系统"),
        ("2021-07-08", "中央空调主机（2号）"),
        ("2021-08-12", "会议中心音响及同传系统"),
        ("2021-09-16", "弱电机房UPS电源"),
        ("2021-10-21", "主楼3号、4号客梯"),
        ("2021-11-18", "给排水泵房"),
        ("2021-12-14", "会议中心LED显示屏"),
    ]
    rows: list[list[object]] = [["JX-2020-12", "2020-12-17", "高低压配电房", "是", "上年记录"]]
    rows += [[f"JX-2021-{n:02d}", d, e, "是", ""] for n, (d, e) in enumerate(equipment, 1)]
    rows.append(["JX-2021-13", "2021-12-28", "地下车库排风系统", "否", "跨年施工，2022年1月完工"])
    write("overhauls", ["编号", "检修日期", "设备", "已完成", "备注"], rows)


def special_inspections() -> None:
    items = ["主楼1号客梯", "主楼2号客梯", "主楼3号客梯", "主楼4号客梯", "会议中心客梯",
             "食堂货梯", "空调系统压力容器", "消防稳压罐"]
    rows = [[f"TJ-2021-{n:02d}", f"2021-{3 + n // 3:02d}-{10 + n:02d}", item, "是"]
            for n, item in enumerate(items, 1)]
    write("special_inspections", ["编号", "检验日期", "设备", "合格"], rows)


def facility_inspections() -> None:
    kinds = ["路灯", "休闲座椅", "楼梯扶手", "导向标识牌", "垃圾箱", "监控探头", "消防栓",
             "无障碍坡道", "自行车棚", "宣传栏"]
    broken = {7: "路灯不亮", 23: "导向标识牌破损", 41: "路灯灯杆锈蚀"}
    rows = []
    for n in range(1, 51):
        facility = f"{kinds[(n - 1) % len(kinds)]}（{(n - 1) // len(kinds) + 1}号）"
        day = date(2021, 11, 15) + timedelta(days=(n - 1) // 17)
        rows.append([f"XC-2021-{n:03d}", day.isoformat(), facility,
                     "否" if n in broken else "是", broken.get(n, "")])
    write("facility_inspections", ["编号", "巡查日期", "设施", "完好", "备注"], rows)


def greening() -> None:
    areas = [("行政中心东广场", 300, 289), ("行政中心西广场", 280, 270), ("1号停车场", 180, 172),
             ("2号停车场", 170, 163), ("主楼庭院", 200, 192), ("北侧绿化带", 120, 114)]
    rows = [[f"LH-2021-{n:02d}", "2021-10-26", a, p, s] for n, (a, p, s) in enumerate(areas, 1)]
    write("greening_surveys", ["编号", "调查日期", "区域", "种植数", "成活数"], rows)


def meetings() -> None:
    names = ["县委常委会会议", "县政府常务会议", "全县重点工作调度会", "专题协调会", "招商项目签约仪式",
             "来宾接待", "全县视频会议", "县人大常委会会议", "县政协常委会议", "党史学习教育专题会"]
    kinds = {"招商项目签约仪式": "签约仪式", "来宾接待": "接待"}
    days = workdays(2021)
    served = sorted(days[(n * 239) % len(days)] for n in range(1, 464))
    rows = []
    for n, day in enumerate(served, 1):
        name = names[rng.randrange(len(names))]
        rows.append([f"HY-2021-{n:03d}", day.isoformat(), name, kinds.get(name, "会议"),
                     rng.randrange(15, 300), 0])
    write("meetings", ["编号", "日期", "名称", "类型", "人数", "失误次数"], rows)


def campaigns() -> None:
    rows = [
        ["JN-2021-01", "2021年节能宣传周（节能降碳，绿色发展）", "节能宣传周", "2021-08-23", "2021-08-29", 86, 86],
        ["JN-2021-02", "2021年全国低碳日", "全国低碳日", "2021-08-25", "2021-08-25", 86, 86],
    ]
    write("campaigns", ["编号", "活动名称", "活动类型", "开始日期", "结束日期", "应参与单位数", "参与单位数"], rows)


def survey() -> None:
    ratings = ["非常满意"] * 141 + ["满意"] * 92 + ["基本满意"] * 14 + ["不满意"] * 3
    rng.shuffle(ratings)
    rows = []
    for n, rating in enumerate(ratings, 1):
        day = date(2021, 12, 6) + timedelta(days=n % 10)
        who = "干部职工" if n % 3 else "办事群众"
        rows.append([f"MY-2021-{n:03d}", day.isoformat(), "2021年度机关后勤服务满意度调查", who, rating])
    write("survey_responses", ["编号", "填写日期", "问卷", "对象类型", "总体评价"], rows)


def security() -> None:
    rows = [
        ["AB-2021-01", "2021-01-26", "安全检查", "", "春节前安全大检查"],
        ["AB-2021-02", "2021-04-20", "安全检查", "", "第二季度安全检查"],
        ["AB-2021-03", "2021-07-13", "安全检查", "", "汛期安全检查"],
        ["AB-2021-04", "2021-09-28", "安全检查", "", "国庆前安全大检查"],
        ["AB-2021-05", "2021-11-09", "安全培训", "", "消防安全培训（119消防宣传月）"],
        ["AB-2021-06", "2021-12-21", "安全检查", "", "岁末年初安全检查"],
    ]
    write("security_events", ["编号", "日期", "类型", "等级", "情况"], rows)


def vehicles() -> None:
    rows = []
    types = ["轿车", "轿车", "越野车", "商务车", "轿车"]
    for n in range(1, 16):
        new_energy = "是" if n in (3, 9, 14) else "否"
        registered = date(2016 + n % 5, 1 + n % 12, 10).isoformat()
        rows.append([f"CL-{n:02d}", f"赣C·{n:02d}{n * 7 % 10}A{n % 9}", types[n % 5], new_energy,
                     "应急保障" if n % 4 == 0 else "机要通信", registered, ""])
    rows.append(["CL-16", "赣C·16其他", "其他用车", "否", "执法执勤", "2021-06-18", ""])
    rows.append(["CL-90", "赣C·90报废", "轿车", "否", "机要通信", "2009-05-10", "2021-03-30"])
    rows.append(["CL-91", "赣C·91报废", "轿车", "否", "机要通信", "2010-08-02", "2021-03-30"])
    write("vehicles", ["编号", "车牌号", "车型", "新能源", "编制类别", "登记日期", "报废日期"], rows)
    approvals = [
        ["SP-2021-01", "2021-03-16", "报废", "赣C·90报废", "是", "是", "是"],
        ["SP-2021-02", "2021-03-16", "报废", "赣C·91报废", "是", "是", "是"],
        ["SP-2021-03", "2021-05-20", "购置", "赣C·16其他", "是", "是", "是"],
        ["SP-2021-04", "2021-09-07", "变更", "赣C·04", "是", "是", "是"],
    ]
    write("vehicle_approvals", ["编号", "审批日期", "审批类型", "车牌号", "编制内", "标准内", "批准"], approvals)
    days = workdays(2021)
    dates = sorted(days[(n * 97) % len(days)] for n in range(1, 241))
    trips = [[f"CC-2021-{n:03d}", day.isoformat(), f"CL-{1 + n % 15:02d}", "公务出行",
              rng.randrange(8, 160)] for n, day in enumerate(dates, 1)]
    write("vehicle_trips", ["编号", "出车日期", "车牌号", "事由", "里程（公里）"], trips)


def energy() -> None:
    rows = []
    monthly = {
        ("主楼", "电力"): 152000, ("会议中心", "电力"): 31000, ("主楼", "水"): 5200,
        ("会议中心", "水"): 900, ("主楼", "天然气"): 2100, ("公车中心", "汽油"): 2600,
    }
    season = [1.18, 1.05, 0.92, 0.86, 0.95, 1.10, 1.25, 1.28, 1.02, 0.88, 0.94, 1.12]
    n = 0
    for year, trend in ((2020, 1.0), (2021, 0.965)):
        for month in range(1, 13):
            for (building, kind), base in monthly.items():
                n += 1
                amount = round(base * season[month - 1] * trend * rng.uniform(0.97, 1.03))
                rows.append([f"NH-{year}-{n:03d}", f"{year}-{month:02d}", building, kind, amount])
    write("energy_use", ["编号", "月份", "建筑", "能源类型", "用量"], rows)
    base = [["JC-2020-1", 2020, "主楼", 28000, 560], ["JC-2020-2", 2020, "会议中心", 6500, 40],
            ["JC-2021-1", 2021, "主楼", 28000, 566], ["JC-2021-2", 2021, "会议中心", 6500, 40]]
    write("energy_base", ["编号", "年度", "建筑", "建筑面积（平方米）", "用能人数"], base)


def work_orders() -> None:
    rows = []
    places = ["主楼", "会议中心", "食堂", "1号停车场", "配电房", "东广场"]
    for n in range(1, 187):
        reported = date(2021, 1, 5) + timedelta(days=(n * 353 // 186) % 355)
        due = reported + timedelta(days=3)
        late = n % 31 == 0
        done = reported + timedelta(days=5 if late else 1 + n % 3)
        rows.append([f"GD-2021-{n:03d}", reported.isoformat(), places[n % len(places)],
                     due.isoformat(), done.isoformat()])
    write("work_orders", ["编号", "报修日期", "地点", "限办日期", "完成日期"], rows)


def cleaning() -> None:
    rows = []
    areas = ["主楼公共区域", "会议中心", "东西广场", "停车场"]
    failed = {(3, "停车场"), (8, "东西广场")}
    n = 0
    for month in range(1, 13):
        for area in areas:
            n += 1
            rows.append([f"BJ-2021-{n:02d}", f"2021-{month:02d}-25", area,
                         "否" if (month, area) in failed else "是"])
    write("cleaning_inspections", ["编号", "检查日期", "区域", "合格"], rows)


def contractors() -> None:
    rows = []
    firms = [("宜春市某保安服务有限公司", "安保"), ("万载县某物业维修有限公司", "维修"),
             ("万载县某园林绿化有限公司", "绿化"), ("万载县某保洁服务有限公司", "保洁")]
    n = 0
    for month in range(1, 13):
        for firm, service in firms:
            n += 1
            rows.append([f"KH-2021-{n:02d}", f"2021-{month:02d}-28", firm, service, f"2021-{month:02d}",
                         rng.randrange(88, 98)])
    for firm, service in firms:
        n += 1
        rows.append([f"KH-2021-{n:02d}", "2021-12-30", firm, service, "2021", rng.randrange(90, 97)])
    write("contractor_scores", ["编号", "考核日期", "服务单位", "服务类别", "考核期间", "得分"], rows)


def assets() -> None:
    register = [
        ["ZC-0001", "行政中心主楼", "房屋及构筑物", "2008-10-01", "1350.00", "万元", ""],
        ["ZC-0002", "会议中心", "房屋及构筑物", "2009-06-01", "420.00", "万元", ""],
        ["ZC-0101", "中央空调主机", "通用设备", "2012-05-10", "86.50", "万元", ""],
        ["ZC-0102", "柴油发电机组", "通用设备", "2013-03-15", "32.80", "万元", ""],
        ["ZC-0201", "公务用车（赣C·90报废）", "车辆", "2009-05-10", "18.60", "万元", "2021-03-30"],
        ["ZC-0202", "公务用车（赣C·91报废）", "车辆", "2010-08-02", "19.20", "万元", "2021-03-30"],
        ["ZC-0203", "其他用车（赣C·16其他）", "车辆", "2021-06-18", "198000", "元", ""],
        ["ZC-0301", "办公电脑（20台）", "通用设备", "2021-07-06", "92000", "元", ""],
        ["ZC-0302", "会议中心无线话筒系统", "专用设备", "2021-08-09", "11700", "元", ""],
        ["ZC-0303", "打印复印一体机（2台）", "通用设备", "2021-09-14", "6000", "元", ""],
    ]
    write("fixed_assets", ["编号", "资产名称", "资产类别", "取得日期", "原值", "金额单位", "处置日期"], register)
    changes = [
        ["BD-2021-01", "2021-03-30", "ZC-0201", "处置", "18.60", "万元"],
        ["BD-2021-02", "2021-03-30", "ZC-0202", "处置", "19.20", "万元"],
        ["BD-2021-03", "2021-06-18", "ZC-0203", "新增", "198000", "元"],
        ["BD-2021-04", "2021-07-06", "ZC-0301", "新增", "92000", "元"],
        ["BD-2021-05", "2021-08-09", "ZC-0302", "新增", "11700", "元"],
        ["BD-2021-06", "2021-09-14", "ZC-0303", "新增", "6000", "元"],
    ]
    write("asset_changes", ["编号", "变动日期", "资产编号", "变动类型", "金额", "金额单位"], changes)


if __name__ == "__main__":
    for make in (overhauls, special_inspections, facility_inspections, greening, meetings, campaigns,
                 survey, security, vehicles, energy, work_orders, cleaning, contractors, assets):
        make()
    print(f"written: {OUT}")
