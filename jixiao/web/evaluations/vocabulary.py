"""The fixed Chinese words the core stores and the web shows: enum values, grades, levels.

The stored value stays the Chinese word (the dossier's enum value); pages show it through
gettext, so an English page reads "Initial budget" where the data says 年初预算. The words are
listed here as literals so that ``makemessages`` extracts them; a test checks that every value of
the core enums is listed and translated.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_noop as _


def in_english(word: str) -> str:
    """A stored word's English (年初预算 → Initial budget) whatever the request's language: for
    texts built in English beside the Chinese (a finding's place, ``where_label_en``)."""
    with translation.override("en"):
        return translation.gettext(word)


PHASES = (_("年初预算"), _("调整预算"), _("执行"), _("决算"))
FUNDING = (_("基本支出"), _("项目支出"))
ITEMS = (
    _("工资福利支出"),
    _("商品和服务支出"),
    _("对个人和家庭的补助"),
    _("资本性支出"),
    _("其他支出"),
    _("未分类支出"),
    _("三公经费-因公出国(境)"),
    _("三公经费-公务用车购置"),
    _("三公经费-公务用车运行维护"),
    _("三公经费-公务接待"),
    _("公用经费"),
    _("政府采购"),
    _("上年结转结余"),
    _("年末结转结余"),
    _("重点项目支出"),
    _("本年追加"),
    _("人员经费"),
    _("专项经费"),
    _("本年收入"),
    _("其他资金来源"),
)
LEVELS = (_("省级"), _("市级"), _("县级"), _("乡镇级"))
LEVEL1 = (_("投入"), _("过程"), _("产出"), _("效益"), _("效果"), _("满意度"))
LEVEL2 = (  # the usual 二级 names: outputs, then outcomes and satisfaction (2020 self-evaluation table)
    _("数量"),
    _("质量"),
    _("时效"),
    _("成本"),
    _("经济效益"),
    _("社会效益"),
    _("生态效益"),
    _("可持续影响"),
    _("服务对象满意度"),
)
COMPARATORS = (_("定性"),)  # ≥ ≤ = > < need no translation
STAFF_TYPES = (
    _("行政编制"),
    _("参照公务员管理"),
    _("全额补助事业"),
    _("差额补助事业"),
    _("自收自支事业"),
    _("工勤"),
    _("其他"),
)
UNIT_TYPES = (
    _("行政单位"),
    _("事业单位"),
    _("参照公务员法管理事业单位"),
    _("党群组织"),
    _("其他"),
)
MONEY_UNITS = (_("元"), _("万元"))
GRADES = (_("优"), _("良"), _("中"), _("差"))
SCORE_STATUS = (_("已评分"), _("证据不足"), _("不适用"))
FINDING_LEVELS = (_("错误"), _("警告"), _("提示"))
QUALITATIVE = (_("达成"), _("部分达成"), _("未达成"))

ALL: frozenset[str] = frozenset(
    PHASES
    + FUNDING
    + ITEMS
    + LEVELS
    + LEVEL1
    + LEVEL2
    + COMPARATORS
    + STAFF_TYPES
    + UNIT_TYPES
    + MONEY_UNITS
    + GRADES
    + SCORE_STATUS
    + FINDING_LEVELS
    + QUALITATIVE
)
