"""Fill this app's locale/en/LC_MESSAGES/django.po from the table below, then compile it.

The ledgers app keeps its own catalogue (Django reads app locale folders after LOCALE_PATHS), so
its strings do not touch the project's. Run from jixiao/web/ledgers:
``python -P -m django makemessages -l en --no-location`` then ``python locale/translate_en.py``.
The filling itself is the project's (jixiao/web/locale/translate_en.py).
"""

from __future__ import annotations

from pathlib import Path

from jixiao.web.locale.translate_en import fill_and_compile

EN = {
    "没有这个单位": "No such unit",
    "日期": "Date",
    "是": "yes",
    "否": "no",
    "保存": "Save",
    "无权访问该单位的台账": "You may not see this unit's ledgers",
    "只有本单位的填报人员可以修改台账": "Only the unit's own clerks may change its ledgers",
    "台账更新：实际完成值按台账重新计算": "Ledger update: actuals recomputed from the ledgers",
    "%(id)s 改填台账计算值，原因：%(reason)s": (
        "%(id)s typed over the ledger's value, because: %(reason)s"
    ),
    "留空则自动编号，如 2021-001": "Leave empty to number it automatically, e.g. 2021-001",
    "附件（可选）": "Attachment (optional)",
    "问卷标题": "Questionnaire title",
    "服务对象满意度调查": "Satisfaction survey of the people served",
    "评价年度": "Year evaluated",
    "干部职工": "Staff",
    "办事群众": "Member of the public",
    "其他": "Other",
    "您的身份": "You are",
    "您对本单位服务的总体评价": "Overall, how satisfied are you with this unit's service?",
    "意见和建议（可选）": "Comments and suggestions (optional)",
    "正在收集": "Collecting",
    "满意度调查": "Satisfaction surveys",
    "台账": "Ledger",
    "记录内容": "Record",
    "台账记录": "Ledger records",
    "附件": "Attachments",
    "新增": "Add",
    "Excel 导入": "Excel import",
    "上传附件": "Attachment uploaded",
    "问卷": "Questionnaire",
    "问卷答复": "Questionnaire response",
    "台账变更记录": "Ledger change log",
    "没有这条记录": "No such record",
    "匿名答卷人": "anonymous respondent",
    "%(file)s：%(n)s 条记录": "%(file)s: %(n)s records",
    "请填写问卷标题": "Give the questionnaire a title",
    "发布问卷“%(title)s”": "Published the questionnaire “%(title)s”",
    "重新开放问卷“%(title)s”": "Reopened the questionnaire “%(title)s”",
    "停止收集“%(title)s”": "Stopped collecting “%(title)s”",
    "该问卷已停止收集": "This questionnaire no longer collects responses",
    "来自 %(n)s 条记录": "from %(n)s record(s)",
    "、": ", ",
    "非常满意": "Very satisfied",
    "满意": "Satisfied",
    "基本满意": "Fairly satisfied",
    "不满意": "Dissatisfied",
    "非常不满意": "Very dissatisfied",
    "暂无记录，去录入": "no records yet: enter them",
    "改填原因": "Reason for typing over",
    "台账导航": "Ledger navigation",
    "台账总览": "Ledgers",
    "变更记录": "Change log",
    "匿名填写，不记录您的姓名": "Anonymous: your name is not recorded",
    "已收到您的答卷，感谢您的参与！": "Your response has been received. Thank you!",
    "该问卷已停止收集。": "This questionnaire no longer collects responses.",
    "您已提交过这份问卷，感谢参与。": "You have already answered this questionnaire. Thank you.",
    "操作人": "By",
    "记录": "Record",
    "暂无变更": "No changes yet",
    "工作台账": "Work ledgers",
    "各单位日常工作的记录（公务用车、节能、物业、资产、会议接待、外包考核、满意度调查），"
    "绩效指标的完成值由此计算。": (
        "Each unit's records of its daily work (official vehicles, energy, property, assets, "
        "meetings, contractors, satisfaction surveys); indicator actuals are computed from them."
    ),
    "您没有可查看台账的单位": "There is no unit whose ledgers you may see",
    "新增记录": "Add a record",
    "添加记录": "Add the record",
    "添加并继续录入": "Add it and enter another",
    "暂无附件": "No attachments",
    "删除这条记录": "Delete this record",
    "删除原因": "Reason for deleting",
    "确认删除": "Delete",
    "第一步：下载模板，按表头填写（第二行是填写说明，可保留）。": (
        "Step 1: download the template and fill it in under its headers (the second row explains "
        "each column and may stay)."
    ),
    "下载模板": "Download the template",
    "表头": "Headers",
    "第二步：上传填好的文件。所有行都无误才会导入；有错误时一条也不导入，并列出每个错误所在的"
    "工作表、行和列。": (
        "Step 2: upload the filled-in file. It is imported only when every row is right; "
        "otherwise nothing is imported and each error is listed with its sheet, row and column."
    ),
    "Excel 文件（.xlsx）": "Excel file (.xlsx)",
    "需要修改的地方": "What to correct",
    "计算依据": "Computed from",
    "“%(label)s”由以下 %(n)s 条记录计算": "“%(label)s” is computed from these %(n)s records",
    "显示全部记录": "Show all records",
    "另见": "see also",
    "起始日期": "From",
    "截止日期": "To",
    "关键词": "Keyword",
    "筛选": "Filter",
    "共 %(n)s 条记录": "%(n)s records",
    "没有符合条件的记录": "No records match",
    "发布问卷后，把链接发给服务对象：无需登录、匿名填写。每份答卷记入“满意度调查问卷”台账；"
    "满意率 =（非常满意 + 满意）÷ 答卷数。": (
        "Once published, send the link to the people served: no sign-in, anonymous. Each "
        "response is a record of the survey ledger; satisfaction rate = (very satisfied + "
        "satisfied) ÷ responses."
    ),
    "匿名填写链接": "Anonymous link",
    "问卷与匿名填写链接": "Questionnaire and its anonymous link",
    "答卷数": "Responses",
    "已停止": "Stopped",
    "停止收集": "Stop collecting",
    "重新开放": "Reopen",
    "尚未发布问卷": "No questionnaire published yet",
    "满意率": "Satisfaction rate",
    "样本 %(n)s 份": "sample of %(n)s",
    "尚无答卷": "no responses yet",
    "发布新问卷": "Publish a questionnaire",
    "发布并生成链接": "Publish and make the link",
    "只读：台账由本单位填报人员录入。": "Read only: the unit's clerks enter its ledgers.",
    "%(year)s年度由台账计算的数字": "Figures computed from the %(year)s ledgers",
    "数值": "Value",
    "计算方法": "How it is computed",
    "本年度台账暂无记录，录入后这里显示由记录计算的数字。": (
        "No records for this year yet; once entered, the figures computed from them appear here."
    ),
    "%(year)s年记录数": "Records in %(year)s",
    "录入": "Enter",
    "没有这个台账": "No such ledger",
    "已保存记录 %(id)s": "Record %(id)s saved",
    "表单有误，请检查标红的字段，未保存任何内容": (
        "The form has errors (marked in red); nothing was saved"
    ),
    "已删除记录 %(id)s": "Record %(id)s deleted",
    "请选择要导入的 Excel 文件（.xlsx）": "Choose the Excel file (.xlsx) to import",
    "%(file)s 有 %(n)s 处错误，未导入任何记录": "%(file)s has %(n)s errors; nothing was imported",
    "已导入 %(n)s 条记录": "%(n)s records imported",
    "已更新问卷状态": "Questionnaire updated",
    "已发布问卷，请把链接发给答卷人": "Published: send the link to the respondents",
    "没有这份问卷": "No such questionnaire",
    "提交过于频繁，请稍后再试": "Too many responses from here; try again later",
    "提交未成功": "The response was not saved",
    "指标“%(name)s”的实际完成值“%(claim)s”与台账不符：完成值来自台账（%(label)s：%(value)s，"
    "%(n)s 条记录）。如需改填为其他数值，请在“改填原因”中说明理由": (
        "Indicator %(name)s: the actual %(claim)s differs from the ledger. The actual comes from "
        "the ledger (%(label)s: %(value)s, %(n)s records); to type another value, give the "
        "reason for typing over"
    ),
    "完成值来自台账": "Actual from the ledger",
    "—（手工填写）": "— (typed)",
    "台账暂无记录": "no ledger records yet",
    "由台账计算": "computed from the ledger",
    "与台账一致": "agrees with the ledger",
    "已改填（有原因）": "typed over, with a reason",
    "与台账不符，已按台账": "differs from the ledger: the ledger's value is used",
    # a submitted version's snapshot (snapshots) and the records behind its figures
    "台账快照": "Ledger snapshot",
    "按提交时的台账快照：评价版本提交后，得分与报告不随台账的后续修改而变化；此处列出的是这些记录现在的内容，"
    "其后删除的记录不再显示。": (
        "As in the ledger snapshot taken at submission: once a version is submitted, its score "
        "and report no longer follow later changes to the ledger. The records are listed as "
        "they are now; records deleted since are not shown."
    ),
    # energy statistics (energy)
    "能源统计": "Energy",
    "能源资源消耗统计": "Energy and water use",
    "导出 Excel": "Export to Excel",
    "由本单位“能源消耗”和“建筑基本信息”台账计算：各能源品种按折标准煤系数折算为吨标准煤（水不折算），"
    "人均和单位建筑面积能耗按当年用能人数和建筑面积计算，并与上年比较。": (
        "Computed from the unit's energy use and building ledgers: each energy type is converted "
        "to tonnes of standard coal (tce) with the conversion factors (water is not converted); "
        "use per head and per m² divide by the year's head count and floor area, and are "
        "compared with last year."
    ),
    "折标准煤系数": "Conversion factors",
    "%(year)s年度暂无能源消耗记录。": "No energy use recorded for %(year)s.",
    "录入能源消耗": "Record energy use",
    "%(year)s年度分品种能源消耗": "Energy use by type, %(year)s",
    "能源品种": "Energy type",
    "计量单位": "Unit",
    "%(year)s年实物量": "Quantity %(year)s",
    "上年实物量": "Quantity last year",
    "同比": "Change",
    "实物量同比": "Quantity change",
    "折标准煤同比": "tce change",
    "折标准煤（吨）": "tce",
    "上年折标准煤（吨）": "tce last year",
    "（不折标准煤）": " (not converted)",
    "各能源品种折标准煤本年与上年对比柱状图，数据见上表": (
        "Bar chart of each energy type in tce, this year against last year; the table above has "
        "the numbers"
    ),
    "综合能耗与单位指标": "Total energy and use per head and per m²",
    "指标": "Figure",
    "人均综合能耗 = 综合能耗（千克标准煤）÷ 用能人数；单位建筑面积能耗 = 综合能耗（千克标准煤）÷ 建筑面积。"
    "缺少用能人数或建筑面积时不计算。": (
        "Energy per head = total energy (kgce) ÷ head count; energy per m² = total energy "
        "(kgce) ÷ floor area. Without a head count or floor area they are not computed."
    ),
    "%(year)s年度分月能源消耗": "Energy use by month, %(year)s",
    "月份": "Month",
    "上年同月（吨）": "Same month last year (tce)",
    "%(n)s月": "%(n)s",
    "%(m)s月": "%(m)s",
    "逐月折标准煤本年与上年对比柱状图，数据见上表": (
        "Bar chart of each month in tce, this year against last year; the table above has the "
        "numbers"
    ),
    "吨标准煤": "tce",
    "综合能耗": "Total energy",
    "建筑面积": "Floor area",
    "用能人数": "Head count",
    "人": "people",
    "人均综合能耗": "Energy per head",
    "千克标准煤/人": "kgce per head",
    "单位建筑面积能耗": "Energy per m²",
    "千克标准煤/平方米": "kgce per m²",
    "人均用水量": "Water per head",
    "立方米/人": "m³ per head",
    "分品种": "By type",
    "分月": "By month",
    "%(unit)s %(year)s年度能源资源消耗统计": "%(unit)s: energy and water use %(year)s",
    "%(unit)s-%(year)s年度能源资源消耗统计.xlsx": "%(unit)s-energy-%(year)s.xlsx",
    "%(year)s年折标准煤（吨）": "tce %(year)s",
    "实物量同比（%）": "Quantity change (%)",
    "折标准煤同比（%）": "tce change (%)",
    "同比（%）": "Change (%)",
    "%(name)s（%(unit)s）": "%(name)s (%(unit)s)",
}

# the ledgers' field titles and stored choices, in their own contexts (see ../vocabulary.py)
FIELDS = {
    "编号": "No.",
    "备注": "Note",
    "附件": "Attachments",
    "车牌号": "Plate no.",
    "车型": "Vehicle type",
    "新能源": "New energy",
    "编制类别": "Quota category",
    "登记日期": "Registered on",
    "报废日期": "Retired on",
    "审批日期": "Approved on",
    "审批类型": "Approval type",
    "编制内": "Within quota",
    "标准内": "Within standard",
    "批准": "Approved",
    "出车日期": "Trip date",
    "事由": "Purpose",
    "里程（公里）": "Distance (km)",
    "月份": "Month",
    "建筑": "Building",
    "能源类型": "Energy type",
    "用量": "Quantity",
    "单位": "Measure",
    "年度": "Year",
    "建筑面积（平方米）": "Floor area (m²)",
    "用能人数": "Head count",
    "活动名称": "Campaign",
    "活动类型": "Campaign type",
    "开始日期": "Start date",
    "结束日期": "End date",
    "应参与单位数": "Units invited",
    "参与单位数": "Units taking part",
    "报修日期": "Reported on",
    "地点": "Location",
    "限办日期": "Due on",
    "完成日期": "Done on",
    "检修日期": "Overhaul date",
    "设备": "Equipment",
    "已完成": "Completed",
    "检验日期": "Inspection date",
    "合格": "Passed",
    "巡查日期": "Inspection date",
    "设施": "Facility",
    "完好": "Intact",
    "调查日期": "Survey date",
    "区域": "Area",
    "种植数": "Planted",
    "成活数": "Surviving",
    "日期": "Date",
    "类型": "Type",
    "等级": "Severity",
    "情况": "Description",
    "检查日期": "Inspection date",
    "资产名称": "Asset",
    "资产类别": "Asset category",
    "取得日期": "Acquired on",
    "原值": "Original value",
    "金额单位": "Money unit",
    "处置日期": "Disposed on",
    "变动日期": "Change date",
    "资产编号": "Asset no.",
    "变动类型": "Change type",
    "金额": "Amount",
    "名称": "Name",
    "人数": "Attendees",
    "失误次数": "Service errors",
    "考核日期": "Assessed on",
    "服务单位": "Contractor",
    "服务类别": "Service",
    "考核期间": "Period assessed",
    "得分": "Score",
    "填写日期": "Answered on",
    "问卷": "Questionnaire",
    "对象类型": "Respondent",
    "总体评价": "Overall rating",
}

CHOICES = {
    "购置": "Purchase",
    "更新": "Replacement",
    "变更": "Change",
    "报废": "Retirement",
    "电力": "Electricity",
    "水": "Water",
    "天然气": "Natural gas",
    "汽油": "Petrol",
    "柴油": "Diesel",
    "液化石油气": "LPG",
    "热力": "Heat",
    "节能宣传周": "Energy Saving Week",
    "全国低碳日": "National Low-Carbon Day",
    "其他": "Other",
    "治安案件": "Public-order case",
    "消防事故": "Fire",
    "消防演练": "Fire drill",
    "安全培训": "Safety training",
    "安全检查": "Safety inspection",
    "一般": "Minor",
    "较大": "Serious",
    "重大": "Major",
    "元": "yuan",
    "万元": "10,000 yuan",
    "新增": "Addition",
    "调拨": "Transfer",
    "处置": "Disposal",
    "折旧": "Depreciation",
    "非常满意": "Very satisfied",
    "满意": "Satisfied",
    "基本满意": "Fairly satisfied",
    "不满意": "Dissatisfied",
    "非常不满意": "Very dissatisfied",
}

EN.update({f"ledger field\x04{word}": english for word, english in FIELDS.items()})
EN.update({f"ledger choice\x04{word}": english for word, english in CHOICES.items()})


def main() -> None:
    here = Path(__file__).resolve().parent
    fill_and_compile(here / "en" / "LC_MESSAGES" / "django.po", EN)


if __name__ == "__main__":
    main()
