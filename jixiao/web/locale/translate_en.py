"""Fill locale/en/LC_MESSAGES/django.po from the table below, then compile it.

Run after `jixiao manage makemessages -l en` (from jixiao/web): `python locale/translate_en.py`.
Untranslated strings stay Chinese (the source language), which is the intended fallback.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

EN = {
    "：应不小于 %(limit_value)s": ": expected at least %(limit_value)s",
    "：应不大于 %(limit_value)s": ": expected at most %(limit_value)s",
    "档案版本": "Dossier versions",
    "批量任务": "Batch jobs",
    "待办（%(n)s）": "To do (%(n)s)",
    # walk-fin
    "绩效评价": "Evaluations",
    "运维": "Operations",
    "绩效监督分析": "Oversight",
    "公开门户": "Public portal",
    "组织类型：财政局、主管部门、单位；角色：单位填报员、单位负责人、主管部门审核员、财政局审核员、系统管理员。整表先检查，有任何错误则不写入。已有组织（按编码）和用户（按用户名）会更新而不重复。": "组织类型 (kind): 财政局 (finance bureau), 主管部门 (department) or 单位 (unit); 角色 (role): 单位填报员 (unit data clerk), 单位负责人 (unit head), 主管部门审核员 (department reviewer), 财政局审核员 (finance reviewer) or 系统管理员 (administrator), written in Chinese as shown. The whole sheet is checked first and nothing is written if anything is wrong. Existing organisations (by code) and users (by username) are updated, not duplicated.",
    "第%(row)s行 邮箱：“%(got)s”不是有效的邮箱地址，应如 name@example.org": "Row %(row)s, 邮箱 (email): “%(got)s” is not a valid email address; expected e.g. name@example.org",
    "第%(row)s行 组织编码：组织 %(code)s %(outside)s": "Row %(row)s, 组织编码 (code): organisation %(code)s is %(outside)s",
    "第%(row)s行 上级编码：上级 %(code)s %(outside)s": "Row %(row)s, 上级编码 (parent code): parent %(code)s is %(outside)s",
    "第%(row)s行 组织编码：不能在组织 %(code)s 授予角色，%(outside)s": "Row %(row)s, 组织编码 (code): cannot grant a role in organisation %(code)s: it is %(outside)s",
    "第%(row)s行 用户名：账号 %(username)s 在其他组织任职或是后台管理员，%(outside)s": "Row %(row)s, 用户名 (username): account %(username)s holds roles in other organisations or is a site administrator, %(outside)s",
    "第%(row)s行 %(column)s：含有空字符": "Row %(row)s, %(column)s: contains a NUL character",
    "第%(row)s行 %(column)s：超过 %(limit)s 个字符": "Row %(row)s, %(column)s: longer than %(limit)s characters",
    "第%(row)s行 初始密码：%(message)s": "Row %(row)s, 初始密码 (initial password): %(message)s",
    "密码太短：至少须有 %(min_length)s 个字符。": "This password is too short: it must have at least %(min_length)s characters.",
    "密码至少须有 %(min_length)s 个字符。": "Your password must have at least %(min_length)s characters.",
    "重新打开原因": "Reason for reopening",
    # found walking the department side (h-walk-dept)
    "%(action)s原因：请填写，至少 2 个字": "Reason (%(action)s): required, at least 2 characters",
    "：应为日期，如 2023-08-23": ": expected a date such as 2023-08-23",
    "已审签当前版本，填报员可以提交": "Signed off the current version: the clerk may now submit it",
    "已撤回": "Withdrawn",
    "：最多 %(max)s 位小数": ": at most %(max)s decimal places",
    "：数字过长，最多 %(max)s 位": ": too many digits, at most %(max)s",
    "：整数部分过长，最多 %(max)s 位": ": too many digits before the decimal point, at most %(max)s",
    "：不能为负数，应不小于 %(limit_value)s": ": cannot be negative, expected at least %(limit_value)s",
    # concurrent edits: a stale save refused with what the other save changed
    "您打开本页之后，其他人保存了同一部分的修改；为免覆盖对方的修改，您的修改未保存。": (
        "Someone else saved changes to this section after you opened the page; so as not to "
        "overwrite them, your changes were not saved."
    ),
    "档案在您读取之后已被其他人修改；为免覆盖对方的修改，本次未保存。": (
        "Someone else changed the dossier after you read it; so as not to overwrite their "
        "changes, nothing was saved."
    ),
    "%(who)s 于 %(when)s 修改了 %(place)s：%(old)s → %(new)s": (
        "%(who)s changed %(place)s at %(when)s: %(old)s → %(new)s"
    ),
    "……另有 %(count)d 处修改，见修改记录。": "…and %(count)d more changes: see the audit trail.",
    "您填写的内容仍在下面的表单中：请核对对方的修改，需要时再次保存（将以您的内容为准）。": (
        "Your input is still in the form below: check their changes and save again if needed "
        "(your input then replaces theirs)."
    ),
    "预览已按最新内容更新：请重新核对后再确认导入。": (
        "The preview now shows the latest data: check it again before confirming the import."
    ),
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
    "重新生成": "Generate again",
    # integrity: content hashes of approved versions (jixiao verify)
    "内容校验值": "Content hash",
    "（批准时记录，可与公开报告核对）": "(recorded at approval; compare with the published report)",
    "单位与批次": "Unit and round",
    "得分与结果": "Scores and results",
    "内容校验值本身被改动": "the content hash itself was changed",
    "已锁定但没有内容校验值": "locked but without a content hash",
    "已锁定但没有批准时间": "locked but without an approval time",
    "与批准时不一致：%(parts)s": "differs from what was approved: %(parts)s",
    "已批准的填报，当前版本却未锁定": "approved, but its current version is not locked",
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
    "用户名或密码不正确": "Wrong username or password",
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
    "页面不存在，或您无权查看。": "Not found, or not yours to see.",
    "您没有执行此操作的权限。": "You are not allowed to do this.",
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
    # final score and the round overview
    "最终得分": "Final score",
    "—（证据不足）": "— (insufficient evidence)",
    "证据不足": "Insufficient evidence",
    "财政复核后的得分": "Score after the finance re-score",
    "最终得分（已提交的填报）": "Final score (submitted reports)",
    "未评级（证据不足）": "Ungraded (insufficient evidence)",
    "未提交": "Not submitted",
    "名称或编码": "Name or code",
    "只看逾期": "Late only",
    "清除": "Clear",
    "共 %(n)s 个单位": "%(n)s units",
    "第 %(a)s–%(b)s 个": "showing %(a)s–%(b)s",
    "自评分比最终得分高 10 分以上": "Self-score 10 or more points above the final score",
    "分页": "Pages",
    "上一页": "Previous",
    "下一页": "Next",
    "差值（自评−最终）": "Gap (self − final)",
    "逾期 %(time)s": "Late by %(time)s",
    "逾期未提交 %(time)s": "Not submitted, %(time)s overdue",
    "%(days)d天%(hours)d小时": "%(days)d d %(hours)d h",
    "%(hours)d小时": "%(hours)d h",
    "已保存": "Saved",
    # ── helper "english": frame words, stored Chinese words, punctuation (keep this block together) ──
    "同上": "as above",
    "%(year)s年度": "%(year)s",
    "：": ": ",
    "（": " (",
    "）": ")",
    "默认": "default",
    "上传一个 .zip：每个文件（上年报告 .docx/.pdf/.txt、Excel 模板 .xlsx 或档案 .yaml/.json）的文件名中含单位编码或名称，导入到该单位尚未提交的草稿，记入审计记录。": "Upload a .zip: each file (last year's report .docx/.pdf/.txt, Excel template .xlsx or dossier .yaml/.json) names a unit by code or name and is imported into that unit's open draft, with an audit entry.",
    "（空）": "(empty)",
    "（删除）": "(deleted)",
    "自动识别其中的人员、资产、资金与指标，识别不确定的内容会提示您核对；": "staffing, assets, money and indicators are read automatically; anything uncertain is flagged for you to check;",
    "导入将替换当前草稿内容，每一项改动都记入审计记录。": "Importing replaces the current draft; every change goes into the audit trail.",
    "导入的报告中写明的数字（如“实有人数42人”）。系统按明细重新计算并与之核对；若报告数字有误，请在此更正或删除。": "Figures an imported report states (such as an actual head-count of 42). The system recomputes them from the details and compares; correct or delete a wrong one here.",
    "部门整体支出绩效评价": "Department-wide expenditure performance evaluation",
    "年初预算": "Initial budget",
    "调整预算": "Adjusted budget",
    "执行": "Executed",
    "决算": "Final accounts",
    "基本支出": "Basic expenditure",
    "项目支出": "Project expenditure",
    "工资福利支出": "Wages and benefits",
    "商品和服务支出": "Goods and services",
    "对个人和家庭的补助": "Subsidies to individuals and households",
    "资本性支出": "Capital expenditure",
    "其他支出": "Other expenditure",
    "未分类支出": "Unclassified expenditure",
    "三公经费-因公出国(境)": "Three public expenses: official travel abroad",
    "三公经费-公务用车购置": "Three public expenses: official car purchase",
    "三公经费-公务用车运行维护": "Three public expenses: official car running",
    "三公经费-公务接待": "Three public expenses: official receptions",
    "公用经费": "Public funds",
    "政府采购": "Government procurement",
    "上年结转结余": "Carry-over from last year",
    "年末结转结余": "Year-end carry-over",
    "重点项目支出": "Key project spending",
    "本年追加": "Supplementary budget",
    "人员经费": "Personnel funds",
    "专项经费": "Special funds",
    "本年收入": "Income of the year",
    "其他资金来源": "Other funding",
    "省级": "Province",
    "市级": "City",
    "县级": "County",
    "乡镇级": "Township",
    "投入": "Inputs",
    "过程": "Process",
    "产出": "Outputs",
    "效益": "Benefits",
    "效果": "Effects",
    "满意度": "Satisfaction",
    "数量": "Quantity",
    "质量": "Quality",
    "时效": "Timeliness",
    "成本": "Cost",
    "另记录每个数字在原文中的出处（%(n)s 项），随数字一同导入。": (
        "Where each number was read in the file is recorded too (%(n)s entries) and imported"
        " with it."
    ),
    # a required field left empty: its label, then what it needs
    "请选择": "choose one",
    "请填写": "fill this in",
    "经济效益": "Economic benefits",
    "社会效益": "Social benefits",
    "生态效益": "Environmental benefits",
    "可持续影响": "Lasting effects",
    "服务对象满意度": "Satisfaction of those served",
    "定性": "qualitative",
    "行政编制": "Civil service posts",
    "参照公务员管理": "Managed as civil service",
    "全额补助事业": "Fully funded institution",
    "差额补助事业": "Partly funded institution",
    "自收自支事业": "Self-funded institution",
    "工勤": "Support staff",
    "其他": "Other",
    "行政单位": "Administrative unit",
    "事业单位": "Public institution",
    "参照公务员法管理事业单位": "Public institution managed as civil service",
    "党群组织": "Party or mass organisation",
    "元": "yuan",
    "万元": "10,000 yuan",
    "优": "Excellent",
    "良": "Good",
    "中": "Fair",
    "差": "Poor",
    "已评分": "Scored",
    "不适用": "Not applicable",
    "提示": "Info",
    "达成": "Achieved",
    "部分达成": "Partly achieved",
    "未达成": "Not achieved",
    "种子部门（真实公开报告）": "seed department (a real published report)",
    "也可登录 /admin/": "may also use /admin/",
    "参与单位": "Participating units",
    "如 万财监〔2022〕3号": "e.g. Wancaijian [2022] No. 3",
    "PDF、Word、Excel、图片，≤20MB": "PDF, Word, Excel, pictures, ≤ 20 MB",
    # ── integration: strings that arrived from several branches at once ──
    "人员": "Staffing",
    "单位概况": "Unit profile",
    "资产": "Assets",
    "预算": "Budget",
    "支出（执行/决算）": "Spending (executed / final accounts)",
    "收入": "Income",
    "比率": "Rates",
    "导入模块尚未安装": "The importers are not installed",
    "复核得分最多两位小数，得到 %(points)s": "Re-scored points take at most 2 decimals, got %(points)s",
    "请填写复核意见（说明调整理由）": "Give a comment saying why the score is adjusted",
    "复核得分：%(error)s": "Re-score: %(error)s",
    "新建组织": "Org created",
    "修改组织": "Org changed",
    "新建用户": "User created",
    "修改用户": "User changed",
    "授予角色": "Role given",
    "对象": "Object",
    "改动": "Changes",
    "途径": "Via",
    "组织与权限变更记录": "Org and access changes",
    "须修改初始密码": "Must change the initial password",
    "上传 CSV 或 Excel（.xlsx）表，第一行为列名：": "Upload a CSV or Excel (.xlsx) sheet whose first row names the columns: ",
    "jixiao 绩效评价": "jixiao performance evaluation",
    # accessibility and layout (labels, skip link)
    "跳到主要内容": "Skip to main content",
    "主导航": "Main navigation",
    "豁免理由": "Reason for the waiver",
    "报告格式": "Report format",
    "压缩包（.zip）": "ZIP archive (.zip)",
    "人员表（.csv 或 .xlsx）": "Org and people table (.csv or .xlsx)",
    "记录复核": "Record re-score",
}

# Notices after an action, and why an action was refused (messages, ActionRefused, job messages).
EN.update(
    {
        "财政局不存在": "No such finance bureau",
        "有单位不存在": "Some unit ids do not exist",
        "limit 应在 1–2000 之间，offset 不小于 0": "limit must lie in 1–2000 and offset be ≥ 0",
        "不支持的格式，可选 %(formats)s": "Unknown format; one of %(formats)s",
        "新建": "New",
        "填报截止时间（延期）": "Entry deadline (extension)",
        "评分引擎尚未安装，暂不计算得分与审核发现": "The scoring engine is not installed: no score or findings yet",
        "不支持的文件类型 %(suffix)s，可上传 %(accepted)s": "Unsupported file type %(suffix)s; upload one of %(accepted)s",
        "（无扩展名）": "(no extension)",
        "文件过大（上限 30 MB）": "File too large (30 MB at most)",
        "档案文件应为 UTF-8 编码": "The dossier file must be UTF-8",
        "Excel 模板模块尚未安装": "The Excel template is not available",
        "主管部门已审核通过": "Passed the department's review",
        "财政局已审核通过": "Passed the finance bureau's review",
        "已批准并锁定": "Approved and locked",
        "已重新打开": "Reopened",
        "已延期": "Deadline extended",
        "无权访问该填报": "No access to this submission",
        "当前状态“%(state)s”下您不能执行“%(action)s”": "You cannot “%(action)s” while the submission is “%(state)s”",
        "档案数据未通过校验，无法生成报告": "The dossier does not validate: no report",
        "评分引擎尚未就绪，暂无法生成报告": "The scoring engine is not available yet: no report",
        "报告编排模块尚未就绪": "Report composition is not available yet",
        "不支持的格式 %(fmt)s，可选 %(formats)s": "Unknown format %(fmt)s; one of %(formats)s",
        "%(format)s 渲染器尚未安装，请选择其他格式": "The %(format)s renderer is not installed; choose another format",
        "生成 %(format)s 失败：%(error)s": "Rendering %(format)s failed: %(error)s",
        "生成 %(format)s 失败，请稍后再试；如一直失败，请联系系统管理员": (
            "Rendering %(format)s failed; try again later, and if it keeps failing, tell the system"
            " administrator"
        ),
        "已批准版本不可修改，修改记入新版本": "An approved version cannot change: corrections go into a new version",
        "必须填写原因": "A reason is required",
        "只有财政局审核员可以发起评价批次": "Only a finance reviewer may open a round",
        "请至少选择一个参与单位": "Choose at least one unit",
        "以下单位不属于本财政局：%(units)s": "These units are outside this bureau: %(units)s",
        "批次 %(year)s %(notice)s 已存在": "The round %(year)s %(notice)s exists already",
        "指标 %(id)s 不存在": "No indicator %(id)s",
        "不支持的文件类型：%(name)s，允许 %(allowed)s": "File type not allowed: %(name)s; allowed: %(allowed)s",
        "文件过大（上限 20 MB）": "File too large (20 MB at most)",
        "未知操作 %(action)s": "Unknown action %(action)s",
        "仍有 %(count)s 项错误，请先修正或说明理由豁免": "%(count)s error(s) remain: fix them, or waive them with a reason",
        "评分项 %(item)s 不存在": "No score item %(item)s",
        "复核得分应在 0 到 %(weight)s 之间": "Re-score must lie between 0 and %(weight)s",
        "延期时间应晚于现在": "The extension must end in the future",
        "只有本财政局审核员可以批量导出": "Only this bureau's reviewers may export",
        "不支持的格式 %(fmt)s": "Unknown format %(fmt)s",
        "生成失败：%(error)s": "Export failed: %(error)s",
        "该批次暂无已批准的报告": "No approved reports in this round yet",
        "%(count)s 份未能生成，见压缩包内 problems.txt": "%(count)s failed; see problems.txt in the archive",
        "只有本财政局审核员可以批量导入": "Only this bureau's reviewers may import in bulk",
        "请上传 .zip 压缩包": "Upload a .zip archive",
        "压缩包已损坏或不是 ZIP 格式": "Not a valid ZIP archive",
        "文件过多（上限 %(max)s 个）": "Too many files (%(max)s at most)",
        "解压后超过 300 MB": "More than 300 MB uncompressed",
        "文件名中找不到参与单位的编码或名称": "no participating unit's code or name in the file name",
        "压缩包是空的": "The archive is empty",
        "输入有误": "Invalid input",
        "输入有误，未保存任何内容": "Invalid input: nothing was saved",
        "%(file)s 输入有误，未保存任何内容": "%(file)s: invalid input, nothing was saved",
        "已发起 %(round)s，为 %(count)s 个单位创建填报": "Opened %(round)s with submissions for %(count)s units",
        "已开始生成报告压缩包（任务 %(job)s）": "Export started (job %(job)s)",
        "请选择 .zip 压缩包": "Choose a .zip archive",
        "已开始批量导入（任务 %(job)s）": "Bulk import started (job %(job)s)",
        "任务不存在": "No such job",
        "压缩包尚未生成": "The archive is not ready yet",
        "没有这个部分": "No such section",
        "当前不能修改": "Editing is not allowed now",
        "已保存，当前得分 %(total)s（%(grade)s）；错误 %(errors)s 项，警告 %(warnings)s 项": "Saved; score now %(total)s (%(grade)s); %(errors)s error(s), %(warnings)s warning(s)",
        "已保存；错误 %(errors)s 项，警告 %(warnings)s 项": "Saved; %(errors)s error(s), %(warnings)s warning(s)",
        "表单有误，请检查标红的字段": "Please correct the marked fields",
        "未知操作": "Unknown action",
        "请填写延期截止时间": "Give the new deadline",
        "页面已过期": "This page has expired",
        "已保存；得分暂无法计算（证据不足）；错误 %(errors)s 项，警告 %(warnings)s 项": (
            "Saved; the score cannot be computed yet (evidence lacking); "
            "%(errors)s error(s), %(warnings)s warning(s)"
        ),
        "%(field)s超出可表示的日期范围": "%(field)s is outside the dates that can be stored",
        "延期时间": "Extension",
        "这次提交没有有效的安全校验（页面打开太久，或已在其他窗口重新登录），因此没有保存任何内容。": (
            "This submission carried no valid security token (the page was open too long, or "
            "you signed in again in another window), so nothing was saved."
        ),
        "请返回上一页，刷新后重新填写并提交。": (
            "Go back, reload the page, then enter and submit again."
        ),
        "延期截止时间“%(value)s”不是有效的日期时间，请按“年-月-日 时:分”填写": (
            "The new deadline “%(value)s” is not a valid date and time; write it as "
            "year-month-day hour:minute"
        ),
        "复核得分应为数字": "Points must be a number",
        "已保存复核评分": "Re-score saved",
        "已记录豁免理由": "Waiver recorded",
        "请选择文件": "Choose a file",
        "已上传佐证材料 %(name)s": "Evidence %(name)s uploaded",
        "已导入 %(name)s，请逐项核对": "Imported %(name)s: please check each section",
        "令牌已作废": "Token revoked",
        "上级不能是本组织或其下级": "A parent cannot lie below itself",
        "组织 新建 %(orgs_created)s、更新 %(orgs_updated)s；用户 新建 %(users_created)s；角色任职 新建 %(memberships_created)s": "Organisations: %(orgs_created)s new, %(orgs_updated)s updated; users: %(users_created)s new; roles: %(memberships_created)s new",
        "应为 .csv 或 .xlsx 文件": "expected a .csv or .xlsx file",
        "文件为空": "the sheet is empty",
        "第1行：不认识的列 %(unknown)s，可用列：%(known)s": "Row 1: unknown columns %(unknown)s; known columns: %(known)s",
        "第%(row)s行 组织编码：必填": "Row %(row)s, 组织编码 (code): required",
        "第%(row)s行 组织类型：应为 财政局、主管部门 或 单位，得到“%(got)s”": "Row %(row)s, 组织类型 (kind): expected 财政局, 主管部门 or 单位, got “%(got)s”",
        "第%(row)s行 上级编码：找不到组织 %(code)s": "Row %(row)s, 上级编码 (parent code): no organisation %(code)s",
        "第%(row)s行 上级编码：不能是本组织": "Row %(row)s, 上级编码 (parent code): an organisation cannot be its own parent",
        "第%(row)s行 组织编码：找不到组织 %(code)s，新组织须填写名称": "Row %(row)s, 组织编码 (code): no organisation %(code)s; a new one needs a name",
        "第%(row)s行 角色：应为 %(roles)s，得到“%(got)s”": "Row %(row)s, 角色 (role): expected one of %(roles)s, got “%(got)s”",
        "第%(row)s行 用户名：填写角色时必填": "Row %(row)s, 用户名 (username): required with a role",
        "组织 %(code)s 的上级形成循环": "The parents of organisation %(code)s form a cycle",
        "未设初始密码，请管理员在后台设置": "no password set; an administrator sets it in the admin",
        "请上传 .csv 或 .xlsx 文件": "Upload a .csv or .xlsx file",
        "不在您管理的组织范围内": "outside the organisations you administer",
        "只有系统管理员可以导入组织与人员": "Only administrators may import organisations and people",
    }
)

# oversight (jixiao.web.oversight): the round dashboard, a unit's years
EN.update(
    {
        "历年对比": "Year over year",
        "不足1小时": "under an hour",
        "自评高出最终得分 10 分以上": "Self-score 10 or more above the final score",
        "核查发现（按编号，各年度条数）": "Findings (by id, how many each year)",
        "各年度填报当前版本中的核查结果条数（含已说明的）；连续多年出现的问题排在前面。": (
            "Findings in each year's current version (waived ones included); problems that "
            "recur over the years come first."
        ),
        "各年度均无核查发现。": "No findings in any year.",
        "图中 %(n)s 个单位的数据见上方排名表（含预算执行率与最终得分两列，可按其排序）；本图数据可导出 Excel。": (
            "The data of the chart's %(n)s units are in the ranking table above (its budget "
            "execution rate and final score columns sort); the chart's data export to Excel."
        ),
        "（%(rate)s%%）": " (%(rate)s%%)",
        "历年": "Years",
        "该单位历年对比": "This unit's years compared",
        "分析": "Analysis",
        "分析看板": "Dashboard",
        "分析看板：完成情况、得分分布、排名、自评差距、核查发现": (
            "Dashboard: completion, score distribution, ranking, self-score gaps, findings"
        ),
        "是": "Yes",
        "否": "No",
        "预算总额（万元）": "Budget total (10k yuan)",
        "执行数总额（万元）": "Spending total (10k yuan)",
        "预算执行率（%）": "Budget execution rate (%)",
        "预算执行率（%%）": "Budget execution rate (%%)",
        "编制人数": "Authorized posts",
        "职能领域": "Functional area",
        "版本指标（分析用）": "Version figures (for analysis)",
        "（无主管部门）": "(no supervising department)",
        "只有主管部门和财政局审核人员可以查看分析看板": (
            "Only department and finance bureau reviewers may open the dashboard"
        ),
        "职能领域（推断）": "Functional area (inferred)",
        "应报单位": "Units due",
        "提交率（%）": "Submitted (%)",
        "按时提交": "On time",
        "退回修改中": "Returned for correction",
        "其中已过截止": "Of which past deadline",
        "完成与及时性（按主管部门）": "Completion and timeliness (by supervising department)",
        "已提交：已交审核且未被退回，其中按时与逾期按首次提交时间对比批次截止时间；按时、逾期、退回修改中、未提交四项之和为应报单位数；未提交中“已过截止”按单位的截止时间（含延期）计。": (
            "Submitted: handed in for review and not sent back; of those, on time and late "
            "compare the first submission with the round's deadline. On time, late, returned "
            "and not submitted add up to the units due; “past deadline” counts unsubmitted "
            "units past their own (possibly extended) deadline."
        ),
        "其中按时": "Of which on time",
        "已提交·按时": "Submitted on time",
        "已提交·逾期": "Submitted late",
        "其中逾期": "Of which late",
        "最终得分分布": "Final score distribution",
        "得分区间": "Score range",
        "报告数": "Reports",
        "已提交报告的最终得分；区间含下限、不含上限（90–100 含 100）；证据不足未评分的报告不计入区间。": (
            "Final scores of submitted reports; a range includes its lower bound, not its upper "
            "one (90–100 includes 100); reports without a score (insufficient evidence) are "
            "not in any range."
        ),
        "等级分布": "Grade distribution",
        "排名": "Ranking",
        "最终得分与预算执行率": "Final score and budget execution rate",
        "预算执行率 = 执行数总额 ÷ 预算总额，由档案的资金数据计算。": (
            "Budget execution rate = spending total ÷ budget total, computed from the "
            "dossier's money lines."
        ),
        "自评分与最终得分差距（按主管部门，差距大者在前）": (
            "Self-score against final score (by supervising department, largest gap first)"
        ),
        "平均自评分": "Average self-score",
        "平均最终得分": "Average final score",
        "平均差距": "Average gap",
        "最大差距": "Largest gap",
        "差距 = 自评分 − 最终得分（有财政复核时为复核得分，否则为计算得分）。": (
            "Gap = self-score − final score (the finance re-score where there is one, else "
            "the computed score)."
        ),
        "核查发现（按编号）": "Findings (by id)",
        "级别": "Level",
        "涉及报告": "Reports",
        "出现次数": "Occurrences",
        "其中已说明": "Of which waived",
        "已提交报告当前版本中的核查结果；“已说明”为单位书面说明后豁免的条数。": (
            "Findings in the current version of submitted reports; “waived” counts those the "
            "unit explained in writing."
        ),
        "暂无数据": "No data yet",
        "导出 Excel": "Export to Excel",
        "同一单位各年度的资金、人员、得分和核查发现，以及报告文字与上年相比的变化。": (
            "One unit's money, staffing, scores and findings per year, and how its report's "
            "text changed from the year before."
        ),
        "各年度主要数据": "Main figures per year",
        "执行数（万元）": "Spending (10k yuan)",
        "得分与核查发现为各填报当前版本的结果；未提交的填报仍可能修改。": (
            "Scores and findings are those of each report's current version; reports not yet "
            "submitted may still change."
        ),
        "得分趋势": "Score trend",
        "各年度最终得分与自评分的折线图，数据见上表": (
            "Line chart of the final score and self-score per year; the data are in the table above"
        ),
        "报告文字与上年相比": "Report text compared with the year before",
        "%(a)s年度 对比 %(b)s年度": "%(a)s compared with %(b)s",
        "本年 %(total)s 段中 %(same)s 段与上年相同。": (
            "%(same)s of this year's %(total)s paragraphs are the same as last year's."
        ),
        "全文照搬上年。": "The whole text is copied from last year.",
        "只有一个年度的报告，暂无可对比的上年文字。": (
            "Only one year's report: no earlier text to compare with."
        ),
        "返回批次": "Back to the round",
        "过截止仍未提交": "Past deadline, not submitted",
        "已评分报告": "Scored reports",
        "得分、排名、差距和核查发现只统计已提交（含审核中、已批准、已公开）的报告。": (
            "Scores, ranking, gaps and findings count submitted reports only (in review, "
            "approved or published)."
        ),
        "全部表格导出 Excel": "Export all tables to Excel",
        "各主管部门按时、逾期、退回和未提交单位数的堆叠柱状图，数据见下表": (
            "Stacked bar chart of units on time, late, returned and not submitted per "
            "supervising department; the data are in the table below"
        ),
        "最终得分分区间的柱状图，数据见下表": (
            "Bar chart of final scores by range; the data are in the table below"
        ),
        "各等级报告数的柱状图，数据见下表": (
            "Bar chart of reports per grade; the data are in the table below"
        ),
        "排名（已提交的报告）": "Ranking (submitted reports)",
        "共 %(n)s 份报告": "%(n)s reports",
        "第 %(a)s–%(b)s 份": "%(a)s–%(b)s shown",
        "点击表头排序": "click a heading to sort",
        "序号": "No.",
        "没有符合条件的报告": "No report matches",
        "职能领域不在档案中：按单位及其主管部门的名称对照政府收支分类科目（功能分类）推断，仅供筛选参考；认不出的归“其他”。": (
            "The functional area is not part of the dossier: it is inferred from the names of "
            "the unit and its supervising department by the functional classification of "
            "government expenditure, for filtering only; names it cannot place are “other”."
        ),
        "导出 Excel（当前筛选的全部行）": "Export to Excel (every row of this filter)",
        "散点图：横轴预算执行率，纵轴最终得分，每点一个单位，数据见下表": (
            "Scatter chart: budget execution rate across, final score up, one point per unit; "
            "the data are in the table below"
        ),
        "查看数据表（%(n)s 个单位）": "Show the data table (%(n)s units)",
        "各主管部门平均差距的条形图，数据见下表": (
            "Bar chart of the average gap per supervising department; the data are in the "
            "table below"
        ),
        "涉及报告最多的核查发现编号（前 15 个）的条形图，数据见下表": (
            "Bar chart of the finding ids in the most reports (top 15); the data are in the "
            "table below"
        ),
        "平均差距（自评−最终）": "Average gap (self − final)",
        "涉及报告数": "Reports",
        "%(year)s年度绩效分析-%(table)s.xlsx": "%(year)s performance analysis - %(table)s.xlsx",
        "与上年相同": "Same as last year",
        "有修改": "Changed",
        "新增": "New",
        "上年有、本年删去": "Last year's, dropped",
        # province scale: long lists bounded on the page (the exports keep every row)
        "共 %(n)s 个主管部门，本页列出前 %(shown)s 个（合计行为全部）；全部见 Excel 导出。": (
            "%(n)s departments: the first %(shown)s are listed here (the total row counts all of them); every row is in the Excel export."
        ),
        "共 %(n)s 个主管部门，本页列出差距最大的 %(shown)s 个；全部见 Excel 导出。": (
            "%(n)s departments: the %(shown)s with the largest gaps are listed here; every row is in the Excel export."
        ),
        "名称中的字词": "Words in its name",
        "单位较多：图中按单位顺序均匀选取 %(shown)s 个（共 %(n)s 个）。": (
            "Many units: the chart plots %(shown)s of the %(n)s, evenly spread in unit order."
        ),
    }
)

# system-written audit reasons and notices (evaluations/reasons.py): stored in Chinese, shown in
# the reader's language; the ledger ones keep the English the ledgers' catalogue gave them
EN.update(
    {
        "；": "; ",
        "单位负责人审签 v%(n)s": "Signed off by the unit head: v%(n)s",
        "负责人审签因修改失效": "The unit head's sign-off lapsed with this change",
        "豁免 %(id)s": "Waived %(id)s",
        "撤销豁免 %(id)s": "Withdrew the waiver of %(id)s",
        "佐证材料 %(name)s": "Evidence %(name)s",
        "导入 %(name)s（只填入空白）": "Imported %(name)s (blanks filled only)",
        "导入 %(name)s（替换全部）": "Imported %(name)s (everything replaced)",
        "批量导入 %(name)s": "Bulk import %(name)s",
        "台账更新：实际完成值按台账重新计算": "Ledger update: actuals recomputed from the ledgers",
        "%(id)s 改填台账计算值，原因：%(reason)s": (
            "%(id)s typed over the ledger's value, because: %(reason)s"
        ),
        "%(file)s：%(n)s 条记录": "%(file)s: %(n)s records",
        "发布问卷“%(title)s”": "Published the questionnaire “%(title)s”",
        "重新开放问卷“%(title)s”": "Reopened the questionnaire “%(title)s”",
        "停止收集“%(title)s”": "Stopped collecting “%(title)s”",
        "audit notice\x04确认完成": "Confirmed done",
    }
)

PO = Path(__file__).parent / "en" / "LC_MESSAGES" / "django.po"


def _unquote(lines: list[str]) -> str:
    # one quoted piece per line: a long msgid is wrapped over several lines
    return "".join(
        m for line in lines for m in re.findall(r'^(?:msgid |msgstr )?"(.*)"$', line)
    ).replace('\\"', '"')


def _context(lines: list[str]) -> str:
    """An entry's msgctxt followed by gettext's separator (EOT), "" when it has none: a word the
    catalogue holds in a context is keyed context + chr(4) + word in the table, as gettext keys it."""
    for line in lines:
        if found := re.match(r'^msgctxt "(.*)"$', line):
            return found.group(1).replace('\\"', '"') + "\x04"
    return ""


def _unfuzzy(line: str) -> str:
    """Drop the fuzzy flag from a flags line ("#, fuzzy, python-format" → "#, python-format")."""
    if not line.startswith("#,"):
        return line
    flags = [f.strip() for f in line[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
    return "#, " + ", ".join(flags) if flags else "#,"


def fill(po: Path = PO, en: dict[str, str] = EN) -> int:
    """Write the English of every msgid *en* knows into the catalogue *po*; the count written.
    A msgid with a msgctxt is looked up as context + chr(4) + msgid (see :func:`_context`)."""
    entries = po.read_text(encoding="utf-8").split("\n\n")
    done = 0
    out = []
    for entry in entries:
        fuzzy = any(line.startswith("#, fuzzy") for line in entry.splitlines())
        lines = [_unfuzzy(line) for line in entry.splitlines() if not line.startswith("#| ")]
        lines = [line for line in lines if line != "#,"]
        if "msgstr" in entry:
            at_id = next((i for i, line in enumerate(lines) if line.startswith("msgid ")), None)
            at_str = next((i for i, line in enumerate(lines) if line.startswith("msgstr ")), None)
            if at_id is not None and at_str is not None:
                msgid = _unquote(lines[at_id:at_str])
                key = _context(lines[:at_id]) + msgid
                if key in en:
                    lines = [*lines[:at_str], 'msgstr "' + en[key].replace('"', '\\"') + '"']
                    done += 1
                elif (
                    fuzzy and msgid
                ):  # makemessages' guess from a similar string: not a translation
                    lines = [*lines[:at_str], 'msgstr ""']
        out.append("\n".join(lines))
    po.write_text("\n\n".join(out), encoding="utf-8")
    return done


def fill_and_compile(po: Path = PO, en: dict[str, str] = EN) -> None:
    """Fill the catalogue *po* from *en* and compile it (the .mo beside it)."""
    print(f"translated {fill(po, en)} strings")
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True
    )


if __name__ == "__main__":
    fill_and_compile()
