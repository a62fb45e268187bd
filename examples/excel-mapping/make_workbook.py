"""Write county-data.xlsx: a sample of a county's own layout, read with county-layout.yaml.

Run: python examples/excel-mapping/make_workbook.py  (then: jixiao import examples/excel-mapping/
county-data.xlsx -m examples/excel-mapping/county-layout.yaml)
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook


def build(path: Path) -> None:
    workbook = Workbook()
    info = workbook.active
    info.title = "基础信息"
    for row in (
        ("项目", "内容"),
        ("年度", 2023),
        ("单位名称", "某县统计局"),
        ("主管部门", "某县人民政府"),
        ("自评得分", 91.5),
    ):
        info.append(row)
    staff = workbook.create_sheet("人员")
    for row in (
        ("人员情况", None, None),
        ("类别", "编制数", "在职人数"),
        ("行政", 10, 9),
        ("事业（全额）", 4, 4),
        (None, None, None),
        ("退休人数", 6, None),
    ):
        staff.append(row)
    money = workbook.create_sheet("预算支出")
    money.append(("2023年预算支出明细表（单位：万元）",))
    money.append(("口径", "支出类型", "经济分类", "金额（万元）", "备注"))
    for row in (
        ("预算数", "基本支出", "工资福利", 210.5, None),
        ("预算数", "基本支出", "商品服务", 48.25, None),
        ("预算数", "项目支出", "商品服务", 120, "统计调查"),
        ("执行数", "基本支出", "工资福利", 208.1, None),
        ("执行数", "基本支出", "商品服务", 47.9, None),
        ("执行数", "项目支出", "商品服务", 111.3, None),
        ("执行数", "项目支出", "资本性", None, "未发生"),
    ):
        money.append(row)
    workbook.save(str(path))


if __name__ == "__main__":
    build(Path(__file__).with_name("county-data.xlsx"))
