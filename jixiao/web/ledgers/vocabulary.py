"""The Chinese words the ledger record types carry (field titles, choice values), for translation.

The record types in ``jixiao.core.ledgers.records`` name their fields in Chinese (``title``) and
store choices as Chinese words (an asset change is 新增 / 调拨 / 处置 / 折旧). Pages show them
through :func:`field_word` and :func:`choice_word`, each in a context of its own, so that a
ledger's 新增 (an addition) or 批准 (approved) is not the button 新增 (add) or the action 批准
(approve). They are listed here as literals (lazy: nothing is translated at import) so that
``makemessages`` extracts them with their context; a test checks
that every title and choice of every ledger is listed and translated.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext, pgettext_lazy

FIELD = "ledger field"  # the context of a field's title
CHOICE = "ledger choice"  # the context of a stored choice

TITLES = (
    pgettext_lazy("ledger field", "编号"),
    pgettext_lazy("ledger field", "备注"),
    pgettext_lazy("ledger field", "附件"),
    pgettext_lazy("ledger field", "车牌号"),
    pgettext_lazy("ledger field", "车型"),
    pgettext_lazy("ledger field", "新能源"),
    pgettext_lazy("ledger field", "编制类别"),
    pgettext_lazy("ledger field", "登记日期"),
    pgettext_lazy("ledger field", "报废日期"),
    pgettext_lazy("ledger field", "审批日期"),
    pgettext_lazy("ledger field", "审批类型"),
    pgettext_lazy("ledger field", "编制内"),
    pgettext_lazy("ledger field", "标准内"),
    pgettext_lazy("ledger field", "批准"),
    pgettext_lazy("ledger field", "出车日期"),
    pgettext_lazy("ledger field", "事由"),
    pgettext_lazy("ledger field", "里程（公里）"),
    pgettext_lazy("ledger field", "月份"),
    pgettext_lazy("ledger field", "建筑"),
    pgettext_lazy("ledger field", "能源类型"),
    pgettext_lazy("ledger field", "用量"),
    pgettext_lazy("ledger field", "单位"),
    pgettext_lazy("ledger field", "年度"),
    pgettext_lazy("ledger field", "建筑面积（平方米）"),
    pgettext_lazy("ledger field", "用能人数"),
    pgettext_lazy("ledger field", "活动名称"),
    pgettext_lazy("ledger field", "活动类型"),
    pgettext_lazy("ledger field", "开始日期"),
    pgettext_lazy("ledger field", "结束日期"),
    pgettext_lazy("ledger field", "应参与单位数"),
    pgettext_lazy("ledger field", "参与单位数"),
    pgettext_lazy("ledger field", "报修日期"),
    pgettext_lazy("ledger field", "地点"),
    pgettext_lazy("ledger field", "限办日期"),
    pgettext_lazy("ledger field", "完成日期"),
    pgettext_lazy("ledger field", "检修日期"),
    pgettext_lazy("ledger field", "设备"),
    pgettext_lazy("ledger field", "已完成"),
    pgettext_lazy("ledger field", "检验日期"),
    pgettext_lazy("ledger field", "合格"),
    pgettext_lazy("ledger field", "巡查日期"),
    pgettext_lazy("ledger field", "设施"),
    pgettext_lazy("ledger field", "完好"),
    pgettext_lazy("ledger field", "调查日期"),
    pgettext_lazy("ledger field", "区域"),
    pgettext_lazy("ledger field", "种植数"),
    pgettext_lazy("ledger field", "成活数"),
    pgettext_lazy("ledger field", "日期"),
    pgettext_lazy("ledger field", "类型"),
    pgettext_lazy("ledger field", "等级"),
    pgettext_lazy("ledger field", "情况"),
    pgettext_lazy("ledger field", "检查日期"),
    pgettext_lazy("ledger field", "资产名称"),
    pgettext_lazy("ledger field", "资产类别"),
    pgettext_lazy("ledger field", "取得日期"),
    pgettext_lazy("ledger field", "原值"),
    pgettext_lazy("ledger field", "金额单位"),
    pgettext_lazy("ledger field", "处置日期"),
    pgettext_lazy("ledger field", "变动日期"),
    pgettext_lazy("ledger field", "资产编号"),
    pgettext_lazy("ledger field", "变动类型"),
    pgettext_lazy("ledger field", "金额"),
    pgettext_lazy("ledger field", "名称"),
    pgettext_lazy("ledger field", "人数"),
    pgettext_lazy("ledger field", "失误次数"),
    pgettext_lazy("ledger field", "考核日期"),
    pgettext_lazy("ledger field", "服务单位"),
    pgettext_lazy("ledger field", "服务类别"),
    pgettext_lazy("ledger field", "考核期间"),
    pgettext_lazy("ledger field", "得分"),
    pgettext_lazy("ledger field", "填写日期"),
    pgettext_lazy("ledger field", "问卷"),
    pgettext_lazy("ledger field", "对象类型"),
    pgettext_lazy("ledger field", "总体评价"),
)
CHOICES = (
    pgettext_lazy("ledger choice", "购置"),
    pgettext_lazy("ledger choice", "更新"),
    pgettext_lazy("ledger choice", "变更"),
    pgettext_lazy("ledger choice", "报废"),
    pgettext_lazy("ledger choice", "电力"),
    pgettext_lazy("ledger choice", "水"),
    pgettext_lazy("ledger choice", "天然气"),
    pgettext_lazy("ledger choice", "汽油"),
    pgettext_lazy("ledger choice", "柴油"),
    pgettext_lazy("ledger choice", "液化石油气"),
    pgettext_lazy("ledger choice", "热力"),
    pgettext_lazy("ledger choice", "节能宣传周"),
    pgettext_lazy("ledger choice", "全国低碳日"),
    pgettext_lazy("ledger choice", "其他"),
    pgettext_lazy("ledger choice", "治安案件"),
    pgettext_lazy("ledger choice", "消防事故"),
    pgettext_lazy("ledger choice", "消防演练"),
    pgettext_lazy("ledger choice", "安全培训"),
    pgettext_lazy("ledger choice", "安全检查"),
    pgettext_lazy("ledger choice", "一般"),
    pgettext_lazy("ledger choice", "较大"),
    pgettext_lazy("ledger choice", "重大"),
    pgettext_lazy("ledger choice", "元"),
    pgettext_lazy("ledger choice", "万元"),
    pgettext_lazy("ledger choice", "新增"),
    pgettext_lazy("ledger choice", "调拨"),
    pgettext_lazy("ledger choice", "处置"),
    pgettext_lazy("ledger choice", "折旧"),
    pgettext_lazy("ledger choice", "非常满意"),
    pgettext_lazy("ledger choice", "满意"),
    pgettext_lazy("ledger choice", "基本满意"),
    pgettext_lazy("ledger choice", "不满意"),
    pgettext_lazy("ledger choice", "非常不满意"),
)


def field_word(title: str) -> str:
    """A ledger field's title in the page's language."""
    return pgettext(FIELD, title)


def field_word_lazy(title: str) -> Promise:
    """The same for a form label built once and shown in each request's language."""
    return pgettext_lazy(FIELD, title)


def choice_word(value: str) -> str:
    """A stored choice (新增, 电力, 较大…) in the page's language."""
    return pgettext(CHOICE, value)


def choice_word_lazy(value: str) -> Promise:
    """The same for a form's choice built once."""
    return pgettext_lazy(CHOICE, value)
