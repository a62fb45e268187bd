"""Fill locale/en/LC_MESSAGES/django.po from the table below, then compile it.

Run after `jixiao manage makemessages -l en` (from jixiao/web): `python locale/translate_en.py`.
Untranslated strings stay Chinese (the source language), which is the intended fallback.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

EN = {
    # workflow: confirmation pages, sign-off, withdraw, waivers, 我的填报
    "负责人审签": "Head's sign-off",
    "撤回": "Withdraw",
    "主管部门 %(org)s 的审核员": "the reviewers of the department %(org)s",
    "%(org)s 的审核员": "the reviewers of %(org)s",
    "您以单位负责人身份审签当前版本 v%(n)s，确认报告内容属实、可以报送。": (
        "As unit head you sign off version v%(n)s: the report is accurate and may be submitted."
    ),
    "审签后填报员即可提交；审签后如再修改报告，审签自动失效，需要重新审签。": (
        "The clerk may then submit it; any later edit voids the sign-off, to be signed again."
    ),
    "您以单位负责人身份审签当前版本 v%(n)s 并提交（一步完成）。": (
        "As unit head you sign off version v%(n)s and submit it, in one step."
    ),
    "单位负责人 %(who)s 已审签当前版本 v%(n)s。": "Unit head %(who)s has signed off version v%(n)s.",
    "提交后报告交 %(who)s 审核，在审核期间不能修改。": (
        "Once submitted, the report goes to %(who)s for review and cannot be edited meanwhile."
    ),
    "审核员处理之前，您可以撤回报告继续修改。": (
        "Until a reviewer acts on it, you may withdraw it and edit again."
    ),
    "目前无法计算得分：可以照样提交，审核员看到的也将是不完整的得分。": (
        "No score can be computed yet: you may still submit, and reviewers will see the incomplete score."
    ),
    "如能补齐下方缺少的数据或佐证，建议先补齐再提交。": (
        "If you can supply the missing data or evidence listed below, do so before submitting."
    ),
    "撤回后报告回到“%(state)s”状态，可以继续修改，修改后须重新审签并提交。": (
        "Withdrawn, the report goes back to “%(state)s”: edit it, then have it signed off and submit again."
    ),
    "撤回会记入审计记录；可以填写撤回原因（选填）。": (
        "The withdrawal is recorded in the audit trail; a reason is optional."
    ),
    "审核通过后报告交 %(org)s 复核，单位不能再撤回或修改。": (
        "Once passed, the report goes to %(org)s for the second review; the unit can no longer withdraw or edit it."
    ),
    "复核通过后报告等待批准；在批准前仍可退回。": (
        "Once passed, the report awaits approval; it can still be returned before approval."
    ),
    "批准后版本 v%(n)s 被锁定，永远不能再修改。": "Approval locks version v%(n)s: it can never change again.",
    "此后如需更正，须先重新打开，更正内容记入新版本 v%(next)s。": (
        "A later correction needs a reopen and goes into a new version v%(next)s."
    ),
    "批准后可以公开。": "An approved report can then be published.",
    "公开后任何人无需登录即可在公开门户阅读、下载本报告（v%(n)s）。": (
        "Published, the report (v%(n)s) can be read and downloaded by anyone on the public portal, without login."
    ),
    "如需撤下，须由财政局重新打开。": "Only a reopen by the finance bureau takes it down again.",
    "没有找到该审核发现的豁免，可能已被撤销。": (
        "No waiver of this finding was found; it may have been withdrawn already."
    ),
    "当前版本已由 %(who)s 于 %(at)s 审签，无需重复审签。": (
        "This version was signed off by %(who)s at %(at)s already."
    ),
    "本单位没有单位负责人账号，无法审签：请联系系统管理员添加。": (
        "This unit has no unit head account to sign off the report: ask an administrator to add one."
    ),
    "负责人审签后报告又被修改，审签已失效：请单位负责人重新审签。": (
        "The report changed after the head's sign-off, which is void now: the unit head signs again."
    ),
    "提交前须经单位负责人审签：请负责人审签，或由负责人直接提交。": (
        "The unit head signs the report off before it is submitted: the head signs, or submits it."
    ),
    "审核已开始，不能撤回；如需修改，请联系审核员退回。": (
        "Review has started, so it cannot be withdrawn; ask the reviewer to return it."
    ),
    "填报已截止：撤回后将无法再次提交。如需修改，请先请财政局延期。": (
        "Entry has closed: withdrawn, it could not be submitted again. Ask the bureau for an extension first."
    ),
    "%(who)s 已于 %(at)s 审签 v%(n)s": "%(who)s signed off v%(n)s at %(at)s",
    "尚未审签当前版本（提交前须由单位负责人审签；单位负责人可直接提交）": (
        "Not signed off yet (the unit head signs off before submission, or submits directly)"
    ),
    "撤销豁免": "Withdraw waiver",
    "现在没有需要您处理的事项；本单位的报告见下方“我的填报”。": (
        "Nothing needs you now; your unit's reports are under “My reports” below."
    ),
    "现在没有需要您处理的事项。": "Nothing needs you now.",
    "查看全部评价批次": "See all rounds",
    "我的填报": "My reports",
    "最后更新": "Last change",
    "部分评分指标缺少数据或佐证": "Some scored indicators lack data or evidence",
    "无法计算": "Not computable",
    "查看": "Open",
    "将会发生什么": "What will happen",
    "当前情况": "Where it stands",
    "分": "points",
    "现在不能执行此操作": "This cannot be done now",
    "原因（选填）": "Reason (optional)",
    "无法计算得分：档案数据未通过校验或评分引擎不可用，请查看审核发现。": (
        "No score can be computed: the dossier does not validate or the engine is missing; see the findings."
    ),
    "无法计算得分：部分评分指标缺少数据或佐证（见评分表）。": (
        "No score can be computed: some scored indicators lack data or evidence (see the score table)."
    ),
    "已撤销豁免，该审核发现重新计入错误。": "Waiver withdrawn: the finding counts as an error again.",
    "草稿": "Draft",
    "已退回": "Returned",
    "已提交": "Submitted",
    "主管部门已审核": "Reviewed by department",
    "财政局已审核": "Reviewed by finance bureau",
    "已批准": "Approved",
    "已公开": "Published",
    "财政局": "Finance bureau",
    "评价年度": "Year evaluated",
    "文号": "Notice no.",
    "通知标题": "Notice title",
    "评分框架": "Scoring framework",
    "截止时间": "Deadline",
    "评价批次": "Rounds",
    "批次": "Round",
    "单位": "Unit",
    "状态": "State",
    "延期至": "Extended until",
    "提交时间": "Submitted at",
    "逾期提交": "Submitted late",
    "退回原因": "Reason for return",
    "公开时间": "Published at",
    "评价填报": "Submissions",
    "版本": "Version",
    "档案数据": "Dossier data",
    "已锁定": "locked",
    "评分项": "Score item",
    "复核得分": "Re-score",
    "复核意见": "Reviewer's comment",
    "指标": "Indicator",
    "佐证材料": "Evidence",
    "创建": "Created",
    "修改": "Edit",
    "提交": "Submit",
    "主管部门审核通过": "Department review: pass",
    "财政局审核通过": "Finance review: pass",
    "批准": "Approve",
    "公开": "Publish",
    "退回": "Return",
    "重新打开": "Reopen",
    "财政复核评分": "Finance re-score",
    "上传佐证材料": "Upload evidence",
    "延期": "Extend",
    "创建新版本": "New version",
    "审计记录": "Audit trail",
    "排队中": "Queued",
    "进行中": "Running",
    "已完成": "Done",
    "失败": "Failed",
    "批准（锁定）": "Approve (lock)",
    "复核评分": "Re-score",
    "填报截止": "Entry closes",
    "填报已截止": "Entry closed",
    "提交于": "submitted",
    "您可执行的操作": "Your allowed actions",
    "无（只读）": "none (read only)",
    "原因（必填）": "Reason (required)",
    "确认": "Confirm: ",
    "确认延期": "Confirm extension",
    "总览与评分": "Overview & score",
    "导入档案": "Import",
    "计算得分": "Computed score",
    "部分指标证据不足，等级暂不评定": "Some indicators lack evidence: no grade yet",
    "自评分": "Self-score",
    "错误": "Errors",
    "警告": "Warnings",
    "下载报告": "Download report",
    "该格式渲染器尚未安装": "This format's renderer is not installed",
    "暂不可用": "not available",
    "审核发现": "Findings",
    "已豁免": "Waived",
    "说明理由并豁免": "Waive with a reason",
    "豁免": "Waive",
    "没有审核发现。": "No findings.",
    "工作台": "Dashboard",
    "发起评价批次": "Open a round",
    "待办": "To do",
    "得分": "Score",
    "可执行操作": "Allowed actions",
    "暂无待办事项。": "Nothing to do.",
    "年度": "Year",
    "标题": "Title",
    "截止": "Deadline",
    "单位数": "Units",
    "暂无批次": "No rounds yet",
    "报告暂不可用": "Report not available",
    "返回": "Back",
    "已过截止时间": "Past the deadline",
    "逾期": "Late",
    "合计": "Total",
    "批量生成报告（压缩包）": "Batch reports (ZIP)",
    "开始生成": "Start",
    "只包含已批准或已公开的报告；由后台任务完成。": "Approved and published reports only; runs in the background.",
    "下载压缩包": "Download ZIP",
    "（排队中，等待后台任务进程）": "(queued, waiting for the background worker)",
    "全部": "All",
    "筛选": "Filter",
    "等级": "Grade",
    "没有符合条件的填报": "No matching submissions",
    "发起并为参与单位创建填报": "Open and create submissions for the units",
    "导出 CSV": "Export CSV",
    "时间": "Time",
    "操作人": "Actor",
    "操作": "Action",
    "原因": "Reason",
    "修改内容（原值 → 新值）": "Changes (old → new)",
    "项，完整内容见 CSV": "changes; see the CSV for all",
    "评分表": "Score table",
    "分值": "Weight",
    "指标值": "Target",
    "完成值": "Actual",
    "自评": "Self",
    "财政复核": "Finance re-score",
    "说明": "Explanation",
    "保存": "Save",
    "已批准锁定": "approved and locked",
    "导入预填": "Import to prefill",
    "Excel 填报模板": "Excel template",
    "下载空白模板": "download the blank template",
    "，离线填好后上传；": ", fill it offline and upload it;",
    "上年报告": "Last year's report",
    "jixiao 档案文件": "jixiao dossier file",
    "导入": "Import",
    "当前状态下不可修改（只读）。": "Read only in the current state.",
    "人员类别": "Staff category",
    "编制数": "Authorized",
    "在职人数": "In service",
    "新增一行": "New row",
    "暂无": "none",
    "保存并重新计算": "Save and recompute",
    "文件（PDF、Word、Excel、图片，≤20MB）": "File (PDF, Word, Excel, image, ≤ 20 MB)",
    "上传": "Upload",
    "API 令牌": "API tokens",
    "新令牌（只显示这一次，请妥善保存）": "New token (shown once: keep it safe)",
    "用途": "Purpose",
    "生成新令牌": "Create token",
    "前缀": "Prefix",
    "最近使用": "Last used",
    "作废": "Revoke",
    "接口文档": "API docs",
    "接口描述": "API schema",
    "主管部门": "Supervising department",
    "单位填报员": "Unit data clerk",
    "单位负责人": "Unit head",
    "主管部门审核员": "Department reviewer",
    "财政局审核员": "Finance reviewer",
    "系统管理员": "Administrator",
    "名称": "Name",
    "编码": "Code",
    "类型": "Kind",
    "上级": "Parent",
    "演示数据": "Demo data",
    "组织": "Organisation",
    "角色": "Role",
    "角色任职": "Role memberships",
    "公开报告": "Published reports",
    "部门整体支出绩效评价报告公开": "Published department performance evaluation reports",
    "部门": "Department",
    "搜索": "Search",
    "部门名称、文号": "department or notice no.",
    "查询": "Search",
    "依据": "Notice",
    "公开日期": "Published",
    "没有符合条件的公开报告。": "No matching published reports.",
    "公开于": "published",
    "下载": "Download",
    "综合得分": "Overall score",
    "jixiao 部门整体支出绩效评价": "jixiao performance evaluation",
    "退出": "Log out",
    "登录": "Log in",
    "所有资源均在本地提供，无需外网": "everything is served locally, no internet needed",
    "用户名或密码不正确 / wrong username or password": "Wrong username or password",
    "用户名": "Username",
    "密码": "Password",
    "组织与人员 / Organisations": "Organisations",
    "绩效评价 / Evaluations": "Evaluations",
    "公开门户 / Portal": "Portal",
    "本单位的填报": "My unit's submissions",
    "批量预填": "Bulk prefill",
    "批量导入（预填草稿）": "Bulk import (prefill drafts)",
    "上传并导入": "Upload and import",
    "演示账号": "Demo accounts",
    "平均": "average",
    "最低": "lowest",
    "最高": "highest",
    "自评平均": "self-score average",
    "有错误": "with errors",
    "无权操作": "Not allowed",
    "九、报告所述数字": "9. Figures as the report states them",
    "数字": "Figure",
    "上年评价": "Last year",
    "导入组织与人员": "Import organisations and people",
    "组织与人员": "Organisations",
    "导入被拒绝，未写入任何内容": "Import refused: nothing was written",
    "在管理后台查看组织": "See the organisations in the admin",
    "报告所述数字": "stated figure",
    "报告所写数值": "Stated value",
    "限定词": "Qualifier",
    "删除": "Delete",
    "返回工作台": "Back to the dashboard",
    "页面不存在": "Not found",
    "页面不存在，或您无权查看。/ Not found, or not yours to see.": "Not found, or not yours to see.",
    "您没有执行此操作的权限。/ You are not allowed to do this.": "You are not allowed to do this.",
    "密码均为": "password for all:",
    "一级指标": "Level-1 indicator",
    "三级指标": "Indicator (level 3)",
    "上年资产总额（账面净值）": "Net assets, prior year",
    "上年资产总额（账面原值）": "Assets at cost, prior year",
    "主要职责（每行一项）": "Main duties (one per line)",
    "二级指标": "Level-2 indicator",
    "偏差原因分析及改进措施": "Reasons for deviation and remedies",
    "全部固定资产（原值）": "Fixed assets, all (at cost)",
    "内设机构（每行一个）": "Internal units (one per line)",
    "单位名称": "Unit name",
    "单位性质": "Unit type",
    "单位编码": "Unit code",
    "原文名称": "Wording in the source",
    "在用固定资产（原值）": "Fixed assets in use (at cost)",
    "完成值（文字）": "Actual (text)",
    "实际完成值": "Actual value",
    "对应目标": "Goal",
    "年度绩效目标": "Annual performance goal",
    "当年配置固定资产（原值）": "Fixed assets added (at cost)",
    "指标值（文字）": "Target (text)",
    "支出类型": "Funding",
    "比较": "Comparator",
    "级次": "Level",
    "组织架构说明": "Organisation note",
    "经济分类": "Economic class",
    "编号": "Id",
    "自评得分": "Self-score",
    "自评总分": "Self-score total",
    "自评等级": "Self-assessed grade",
    "计量单位": "Unit of measure",
    "调整后指标值": "Adjusted target",
    "资产总额（账面净值）": "Net assets",
    "资产总额（账面原值）": "Assets at cost",
    "金额": "Amount",
    "金额单位": "Money unit",
    "阶段": "Phase",
    "退休人数": "Retired",
    "离休人数": "Retired cadres",
    "遗属人数": "Survivors",
    "编外 / 临聘人数": "Contract staff",
    "（每段一行）": " (one paragraph per line)",
    "当年部门履职总体目标、工作任务": "Overall goals and tasks of the year",
    "资产管理情况": "Asset management",
    "预算绩效管理开展情况": "Performance management practice",
    "预算及执行情况说明": "Budget and execution notes",
    "履职完成情况（每段一项）": "Achievements (one per goal)",
    "履职效果情况": "Effects",
    "主要经验及做法": "Experience and practice",
    "主要问题及原因分析": "Problems and causes",
    "改进的方向和具体措施": "Improvements",
    "绩效自评结果拟应用和公开情况": "Use and disclosure of the results",
    "一、单位概况": "1. Profile",
    "二、人员情况": "2. Staffing",
    "三、资产情况": "3. Assets",
    "四、预算及执行（资金）": "4. Budget and execution",
    "五、年度绩效目标": "5. Goals",
    "六、绩效指标与佐证": "6. Indicators and evidence",
    "七、文字说明": "7. Narratives",
    "八、自评结果": "8. Self-evaluation",
    # ── import preview (views.submission_import) ──
    "预览已过期或已导入，请重新选择文件。": "The preview expired or was already imported: choose the file again.",
    "已导入 %(name)s：改动 %(count)d 项，请逐项核对。": "Imported %(name)s: %(count)d changes; please check each section.",
    "当前状态下不能导入。": "Importing is not possible in the current state.",
    "导入预览": "Import preview",
    "以下内容尚未写入。请核对后选择导入方式并确认；取消则当前草稿保持不变。": "Nothing has been written yet. Check, choose how to import and confirm; cancel leaves the draft as it is.",
    "文件中的单位与本单位不一致": "The file's unit differs from this unit",
    "文件的年度与本批次不一致": "The file's year differs from this round's",
    "文件中为": "The file says",
    "本填报为": "this submission is",
    "请确认这是本单位的报告；默认保留本单位的名称和编码。": "Make sure this is your unit's report; by default the unit's own name and code are kept.",
    "导入后年度按本批次记录；上年的数字请核对后再使用。": "The year is recorded as this round's; check last year's figures before using them.",
    "导入方式": "How to import",
    "只填入当前草稿中空白的部分（已填写的内容不变）": "Fill only what the draft leaves empty (entered content stays)",
    "改动 %(n)s 项": "%(n)s changes",
    "用文件内容替换整份草稿": "Replace the whole draft with the file",
    "改动 %(n)s 项（新增 %(a)s、修改 %(c)s、删除 %(r)s）": "%(n)s changes (%(a)s added, %(c)s changed, %(r)s removed)",
    "保留本单位的名称和编码": "Keep the unit's own name and code",
    "导入时不确定、需要您核对的内容": "Items the importer was unsure of: please check",
    "导入程序没有报告不确定的内容；仍请逐项核对。": "The importer reported nothing uncertain; still check each section.",
    "只填入空白：将改动的字段": "Fill blanks: fields that would change",
    "替换全部：将改动的字段": "Replace all: fields that would change",
    "字段": "Field",
    "当前": "Now",
    "导入后": "After import",
    "只显示前 300 项，共 %(n)s 项。": "Showing the first 300 of %(n)s.",
    "确认导入": "Confirm import",
    "取消": "Cancel",
    "上传后先显示预览：将改动哪些内容、文件中的单位和年度是否与本填报一致、哪些内容识别不确定。确认后才写入，每一项改动都记入审计记录。": "After the upload you see a preview: what would change, whether the file's unit and year match this submission, and what was read with uncertainty. Nothing is written until you confirm; every change is audited.",
    "选择文件": "Choose a file",
    "上传并预览": "Upload and preview",
    # ── list sections (views._row, _row_card.html) ──
    "添加一行": "Add a row",
    "待更正": "to correct",
    "目标": "target",
    "实际": "actual",
    "为“%(name)s”上传佐证材料（PDF、Word、Excel、图片，≤20MB）": "Upload evidence for “%(name)s” (PDF, Word, Excel, pictures, ≤ 20 MB)",
    # ── tokens ──
    "没有这个令牌。": "No such token.",
    "令牌已作废。": "Token revoked.",
    # ── sign-in hardening ──
    "请先修改初始密码。": "Change your initial password first.",
    "这是管理员设置的初始密码，请先设置您自己的密码。": "This is the initial password an administrator set: choose your own first.",
    "密码已修改。": "Password changed.",
    "修改密码": "Change password",
    "保存新密码": "Save the new password",
    "暂时不能登录": "Sign-in paused",
    "该账号在本机连续多次输入错误的密码，已暂停登录 15 分钟。请稍后再试；如忘记密码，请联系本单位的系统管理员重置。": "Too many wrong passwords for this account from this address: sign-in is paused for 15 minutes. Try again later; if you forgot your password, ask your administrator to reset it.",
    "返回公开门户": "Back to the public portal",
}

PO = Path(__file__).parent / "en" / "LC_MESSAGES" / "django.po"


def _unquote(lines: list[str]) -> str:
    return "".join(re.findall(r'"(.*)"', " ".join(lines))).replace('\\"', '"')


def fill() -> int:
    entries = PO.read_text(encoding="utf-8").split("\n\n")
    done = 0
    out = []
    for entry in entries:
        lines = [
            line for line in entry.splitlines() if line != "#, fuzzy" and not line.startswith("#| ")
        ]
        if "msgstr" in entry:
            at_id = next((i for i, line in enumerate(lines) if line.startswith("msgid ")), None)
            at_str = next((i for i, line in enumerate(lines) if line.startswith("msgstr ")), None)
            if at_id is not None and at_str is not None:
                msgid = _unquote(lines[at_id:at_str])
                if msgid in EN:
                    lines = [*lines[:at_str], 'msgstr "' + EN[msgid].replace('"', '\\"') + '"']
                    done += 1
        out.append("\n".join(lines))
    PO.write_text("\n\n".join(out), encoding="utf-8")
    return done


if __name__ == "__main__":
    print(f"translated {fill()} strings")
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(PO.with_suffix(".mo")), str(PO)], check=True
    )
