"""Fill locale/en/LC_MESSAGES/django.po from the table below, then compile it.

Run after `jixiao manage makemessages -l en` (from jixiao/web): `python locale/translate_en.py`.
Untranslated strings stay Chinese (the source language), which is the intended fallback.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

EN = {
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
    "（排队中：需要后台进程 jixiao manage db_worker 运行）": "(queued: needs the worker, jixiao manage db_worker)",
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
