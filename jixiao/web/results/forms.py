"""Forms for rules, decisions, rectification items, progress notes and monitoring snapshots.

Numbers are read as typed (1,382.50 and full-width digits allowed, ``NumberField``); every error
names its field. Business checks (shares within 0–100, a reason for a changed decision…) are the
services' and come back as ``InputError`` placed on the field they name.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jixiao.web.evaluations.forms import NumberField
from jixiao.web.results.models import BudgetAction, Choice, ItemStatus, MoneyUnit


class DateInput(forms.DateInput):
    input_type = "date"


def _number(label: Any, *, required: bool = True, places: int = 2, **kwargs: Any) -> NumberField:
    """A number typed as text (1,382.50 and full-width digits read, not blocked by the browser)."""
    return NumberField(
        label=label,
        required=required,
        max_digits=16 if places == 2 else 18,
        decimal_places=places,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "num"}),
        **kwargs,
    )


class RulesForm(forms.Form):
    cut_excellent = _number(_("“优”压减比例（%）"), min_value=0, max_value=100)
    cut_good = _number(_("“良”压减比例（%）"), min_value=0, max_value=100)
    cut_fair = _number(_("“中”压减比例（%）"), min_value=0, max_value=100)
    cut_poor = _number(_("“差”压减比例（%）"), min_value=0, max_value=100)
    rectify_findings = forms.CharField(
        label=_("须整改的审核发现编号"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("多个编号用空格或逗号分隔，如 money.E012 rates.W003；留空则不按编号触发"),
    )
    rectify_on_any_error = forms.BooleanField(
        label=_("存在未豁免的错误级审核发现即建议整改"), required=False
    )
    monitoring_margin = _number(
        _("运行监控预警阈值（百分点）"),
        min_value=0,
        max_value=100,
        help_text=_("支出进度或指标完成进度与时间进度相差超过此值时预警"),
    )


class DecisionForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("决定"), choices=Choice.choices, widget=forms.RadioSelect, initial=Choice.ACCEPT
    )
    action = forms.ChoiceField(
        label=_("预算处理（调整时）"), choices=BudgetAction.choices, required=False
    )
    share = _number(_("比例（%）"), required=False)
    amount = _number(_("金额"), required=False)
    amount_unit = forms.ChoiceField(
        label=_("金额单位"), choices=MoneyUnit.choices, initial=MoneyUnit.WAN
    )
    reason = forms.CharField(
        label=_("理由（调整时必填）"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ItemForm(forms.Form):
    description = forms.CharField(label=_("整改事项"), widget=forms.Textarea(attrs={"rows": 2}))
    responsible = forms.CharField(label=_("责任科室或责任人"), required=False, max_length=100)
    due_date = forms.DateField(label=_("整改期限"), widget=DateInput)


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label=_("状态"),
        choices=[
            (ItemStatus.NOT_STARTED.value, ItemStatus.NOT_STARTED.label),
            (ItemStatus.IN_PROGRESS.value, ItemStatus.IN_PROGRESS.label),
        ],
        initial=ItemStatus.IN_PROGRESS,
    )
    note = forms.CharField(label=_("进展说明"), widget=forms.Textarea(attrs={"rows": 2}))
    report_done = forms.BooleanField(label=_("已整改完成，报请财政确认"), required=False)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审核"),
        choices=[("confirm", _("确认完成")), ("send_back", _("退回继续整改"))],
        widget=forms.RadioSelect,
        initial="confirm",
    )
    note = forms.CharField(
        label=_("说明（退回时必填）"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SnapshotForm(forms.Form):
    """The snapshot's head; one ``to_date_<n>`` field per indicator is added at run time."""

    as_of = forms.DateField(label=_("监控截止日期"), widget=DateInput)
    label = forms.CharField(label=_("监控期间（如 1-7月）"), required=False, max_length=40)
    unit = forms.ChoiceField(label=_("金额单位"), choices=MoneyUnit.choices)
    budget = _number(_("全年预算"))
    spent = _number(_("累计支出"))
    note = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, indicators: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for index in range(len(indicators)):
            self.fields[f"to_date_{index}"] = _number(
                _("截至监控日完成值"), required=False, places=6
            )
            # read aloud as the indicator's name (its table cell), in the reader's language
            self.fields[f"to_date_{index}"].widget.attrs["aria-labelledby"] = (
                f"snapshot-indicator-{index}"
            )

    def indicator_rows(self) -> list[dict[str, Any]]:
        """The indicators with the values typed, as the snapshot stores them (text)."""
        rows = []
        for index, row in enumerate(self.indicators):
            value = self.cleaned_data.get(f"to_date_{index}")
            rows.append({**row, "to_date": None if value is None else str(value)})
        return rows

    def bound_indicators(self) -> list[tuple[dict[str, Any], Any]]:
        return [(row, self[f"to_date_{i}"]) for i, row in enumerate(self.indicators)]
