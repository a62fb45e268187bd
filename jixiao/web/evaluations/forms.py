"""Forms for each dossier section, shaped like the familiar 自评表, and their data conversion.

Each :class:`Section` turns the stored dossier data into form initial values and the cleaned form
back into that part of the dossier. Validation is the core's: the merged dossier goes through
``dossier_from_data`` and each problem's field path is mapped back onto the form field (or the
formset row and field) it concerns, so errors and findings appear next to the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from jixiao.core.dossier import Comparator, Funding, Item, Level, Level1, Phase, StaffType, UnitType
from jixiao.core.figures import FIGURES, FIGURES_BY_KEY
from jixiao.core.locations import figure_label
from jixiao.core.money import Unit
from jixiao.core.numbers import NumberSyntaxError, parse_number
from jixiao.web.language import page_in_english


def _choices(enum: Any, blank: bool = True) -> list[tuple[str, Any]]:
    """The stored value stays the Chinese enum value; the label is shown in the page's language
    (the words are listed for translation in vocabulary.py)."""
    options = [(member.value, _(member.value)) for member in enum]
    return ([("", "—")] if blank else []) + options


def _in_english() -> bool:
    return page_in_english()


def _typed_number(field: forms.Field, value: Any) -> Decimal | None:
    """The exact Decimal typed (1,382.50 and １３８２．５ accepted), or an error naming the field."""
    if value in field.empty_values:
        return None
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return Decimal(value)
    try:
        return parse_number(str(value))
    except NumberSyntaxError as error:
        detail = error.en if _in_english() else error.zh
        raise ValidationError(f"{field.label}{_colon()}{detail}", code="invalid") from None


def _labelled(label: Any, detail: Any) -> Any:
    """An error message "label：detail" whose %(…)s placeholders Django fills in; a "%" in the
    label itself (比例（%）) is escaped so that filling them does not fail."""
    return format_lazy("{}{}", _percent_escaped(label), detail)


def _escape_percent(label: Any) -> str:
    return str(label).replace("%", "%%")


_percent_escaped = lazy(_escape_percent, str)


def _colon() -> str:
    return ": " if _in_english() else "："


class NumberField(forms.DecimalField):
    """A decimal as typed, thousands separators and full-width digits allowed (jixiao.core.numbers).
    Too many digits say which field (金额：最多 6 位小数), not Django's bare 确认小数不超过 6 位."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, detail in (
            ("max_decimal_places", _("：最多 %(max)s 位小数")),
            ("max_digits", _("：数字过长，最多 %(max)s 位")),
            ("max_whole_digits", _("：整数部分过长，最多 %(max)s 位")),
            ("min_value", _("：应不小于 %(limit_value)s")),
            ("max_value", _("：应不大于 %(limit_value)s")),
        ):
            self.error_messages[code] = _labelled(self.label, detail)

    def to_python(self, value: Any) -> Decimal | None:
        return _typed_number(self, value)


class CountField(forms.IntegerField):
    """A whole number of people or items, read like :class:`NumberField` (1,382 and １２ allowed)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages["min_value"] = _labelled(
            self.label, _("：不能为负数，应不小于 %(limit_value)s")
        )

    def to_python(self, value: Any) -> int | None:
        number = _typed_number(self, value)
        if number is None:
            return None
        if number != number.to_integral_value():
            detail = "enter a whole number such as 42" if _in_english() else "请输入整数，如 42"
            raise ValidationError(f"{self.label}{_colon()}{detail}", code="invalid")
        return int(number)


def _number(places: int = 6, **kwargs: Any) -> NumberField:
    return NumberField(
        required=False,
        max_digits=18,
        decimal_places=places,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "num"}),
        **kwargs,
    )


def _count(label: Any) -> CountField:
    return CountField(
        label=label,
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "num", "size": 6}),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _plain(value: Any) -> Any:
    """Decimals as text, exactly as entered (120.50 stays 120.50): the JSON the dossier stores."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain(v) for k, v in mapping.items() if v not in (None, "", [], {})}


class NamedRequired(forms.Form):
    """A required field left empty says which field and what it needs (阶段：请选择), as a
    number that cannot be read does, not Django's bare 这个字段是必填项。: in a table of rows the
    message sits under its column, and the summary at the top lists it too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required:
                need = _("请选择") if isinstance(field, forms.ChoiceField) else _("请填写")
                field.error_messages["required"] = format_lazy("{}{}{}", field.label, _("："), need)


# ── flat sections ─────────────────────────────────────────────────────────────────────────


class ProfileForm(NamedRequired):
    name = forms.CharField(label=_("单位名称"), max_length=200)
    code = forms.CharField(label=_("单位编码"), required=False)
    level = forms.ChoiceField(label=_("级次"), choices=_choices(Level), required=False)
    parent = forms.CharField(label=_("主管部门"), required=False)
    unit_type = forms.ChoiceField(label=_("单位性质"), choices=_choices(UnitType), required=False)
    duties = forms.CharField(
        label=_("主要职责（每行一项）"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    internal_units = forms.CharField(
        label=_("内设机构（每行一个）"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    organisation_note = forms.CharField(label=_("组织架构说明"), required=False)


STAFF_KEYS = {member: f"s{index}" for index, member in enumerate(StaffType)}


class StaffingForm(NamedRequired):
    retired = _count(_("退休人数"))
    retired_cadres = _count(_("离休人数"))
    survivors = _count(_("遗属人数"))
    contract = _count(_("编外 / 临聘人数"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for staff_type, key in STAFF_KEYS.items():
            self.fields[f"authorized_{key}"] = _count(
                format_lazy("{} · {}", _("编制数"), _(staff_type.value))
            )
            self.fields[f"in_service_{key}"] = _count(
                format_lazy("{} · {}", _("在职人数"), _(staff_type.value))
            )


class AssetsForm(NamedRequired):
    unit = forms.ChoiceField(
        label=_("金额单位"), choices=_choices(Unit, blank=False), initial="万元"
    )
    total_net = _number(label=_("资产总额（账面净值）"))
    total_net_prior = _number(label=_("上年资产总额（账面净值）"))
    total_original = _number(label=_("资产总额（账面原值）"))
    total_original_prior = _number(label=_("上年资产总额（账面原值）"))
    fixed_added = _number(label=_("当年配置固定资产（原值）"))
    fixed_in_use = _number(label=_("在用固定资产（原值）"))
    fixed_total = _number(label=_("全部固定资产（原值）"))
    note = forms.CharField(label=_("说明"), required=False)


NARRATIVE_LABELS = {
    "overall_goal": _("当年部门履职总体目标、工作任务"),
    "asset_management": _("资产管理情况"),
    "performance_management": _("预算绩效管理开展情况"),
    "budget_notes": _("预算及执行情况说明"),
    "achievements": _("履职完成情况（每段一项）"),
    "effects": _("履职效果情况"),
    "experience": _("主要经验及做法"),
    "problems": _("主要问题及原因分析"),
    "improvements": _("改进的方向和具体措施"),
    "application": _("绩效自评结果拟应用和公开情况"),
}


class NarrativesForm(NamedRequired):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in NARRATIVE_LABELS.items():
            self.fields[key] = forms.CharField(
                label=format_lazy("{}{}", label, _("（每段一行）")),
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )


# the figure keys grouped as the report has them, for the select of 九、报告所述数字
FIGURE_GROUPS = (
    ("staffing.", _("人员")),
    ("profile.", _("单位概况")),
    ("assets.", _("资产")),
    ("budget.", _("预算")),
    ("executed.", _("支出（执行/决算）")),
    ("income.", _("收入")),
    ("rates.", _("比率")),
    ("score.", _("自评")),
)


def figure_choices(current: str = "") -> list[tuple[Any, Any]]:
    """Every figure key by its name (value: the key), grouped; a stored key that is no figure
    stays selectable as 其他：key, so editing a row never loses it."""
    english = page_in_english()
    groups: list[tuple[Any, Any]] = [("", "—")]
    for prefix, title in FIGURE_GROUPS:
        options = [
            (f.key, f.label_en if english else f.label) for f in FIGURES if f.key.startswith(prefix)
        ]
        if options:
            groups.append((title, options))
    if current and current not in FIGURES_BY_KEY:
        groups.append((_("其他"), [(current, figure_label(current, "en" if english else "zh"))]))
    return groups


class StatedForm(NamedRequired):
    """A figure as the report states it (kept from an imported report, checked against the data)."""

    key = forms.ChoiceField(label=_("数字"))
    value = _number(label=_("报告所写数值"))
    unit = forms.CharField(
        label=_("单位"), required=False, widget=forms.TextInput(attrs={"size": 4})
    )
    qualifier = forms.CharField(
        label=_("限定词"), required=False, widget=forms.TextInput(attrs={"size": 4})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = str((self.initial or {}).get("key") or "")
        self.fields["key"].choices = figure_choices(current)  # type: ignore[attr-defined]


class SelfEvaluationForm(NamedRequired):
    total = _number(places=2, label=_("自评总分"))
    grade = forms.ChoiceField(
        label=_("自评等级"),
        required=False,
        choices=[("", "—"), *((grade, _(grade)) for grade in ("优", "良", "中", "差"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stated = str((self.initial or {}).get("grade") or "")
        field = self.fields["grade"]
        if stated and stated not in {value for value, _label in field.choices}:  # type: ignore[attr-defined]
            # a grade of another scale as the report states it (A, 合格): kept, not lost on save
            field.choices = [*field.choices, (stated, stated)]  # type: ignore[attr-defined]


# ── list sections (formsets) ──────────────────────────────────────────────────────────────


class MoneyLineForm(NamedRequired):
    phase = forms.ChoiceField(label=_("阶段"), choices=_choices(Phase))
    funding = forms.ChoiceField(label=_("支出类型"), choices=_choices(Funding), required=False)
    item = forms.ChoiceField(label=_("经济分类"), choices=_choices(Item))
    amount = _number(label=_("金额"))
    unit = forms.ChoiceField(
        label=_("单位"), choices=[("", _("同上")), *_choices(Unit, blank=False)], required=False
    )
    label = forms.CharField(label=_("原文名称"), required=False)
    note = forms.CharField(label=_("说明"), required=False)


class MoneyHeadForm(NamedRequired):
    unit = forms.ChoiceField(
        label=_("金额单位"), choices=_choices(Unit, blank=False), initial="万元"
    )


class GoalForm(NamedRequired):
    id = forms.CharField(label=_("编号"), max_length=20, widget=forms.TextInput(attrs={"size": 4}))
    text = forms.CharField(label=_("年度绩效目标"), widget=forms.Textarea(attrs={"rows": 2}))


class IndicatorForm(NamedRequired):
    id = forms.CharField(label=_("编号"), max_length=60, widget=forms.TextInput(attrs={"size": 8}))
    name = forms.CharField(label=_("三级指标"))
    level1 = forms.ChoiceField(label=_("一级指标"), choices=_choices(Level1, blank=False))
    level2 = forms.CharField(
        label=_("二级指标"), required=False, widget=forms.TextInput(attrs={"size": 8})
    )
    goal = forms.CharField(
        label=_("对应目标"), required=False, widget=forms.TextInput(attrs={"size": 4})
    )
    comparator = forms.ChoiceField(
        label=_("比较"), choices=_choices(Comparator, blank=False), initial="≥"
    )
    target = _number(label=_("指标值"))
    adjusted_target = _number(label=_("调整后指标值"))
    target_text = forms.CharField(label=_("指标值（文字）"), required=False)
    actual = _number(label=_("实际完成值"))
    actual_text = forms.CharField(label=_("完成值（文字）"), required=False)
    unit = forms.CharField(
        label=_("计量单位"), required=False, widget=forms.TextInput(attrs={"size": 4})
    )
    weight = _number(places=2, label=_("分值"))
    self_score = _number(places=2, label=_("自评得分"))
    deviation_explanation = forms.CharField(
        label=_("偏差原因分析及改进措施"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # a ledger-backed actual (jixiao.web.ledgers.actuals): typed over only with a reason
    actual_from = forms.ChoiceField(label=_("完成值来自台账"), required=False, choices=())
    override_reason = forms.CharField(label=_("改填原因"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actual_from"].choices = _aggregate_choices()


def _aggregate_choices() -> list[tuple[str, str]]:
    from jixiao.core.ledgers.aggregates import AGGREGATES

    english = _in_english()
    options = [(k, d.label_en if english else d.label) for k, d in AGGREGATES.items()]
    return [("", _("—（手工填写）")), *options]


# ── the section registry ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Section:
    key: str
    title: Any
    form: type[forms.Form] | None = None  # the flat form (or a list's head form)
    row_form: type[forms.Form] | None = None  # the formset's row form for list sections
    list_key: str = ""  # dossier key of the list
    to_initial: Callable[[dict[str, Any]], Any] | None = None
    to_data: Callable[[dict[str, Any], Any, list[dict[str, Any]]], dict[str, Any]] | None = None
    field_path: Callable[[str], str] | None = None  # form field → dossier path


def _profile_initial(data: dict[str, Any]) -> dict[str, Any]:
    profile = dict(data.get("profile", {}))
    profile["duties"] = "\n".join(profile.get("duties", []))
    profile["internal_units"] = "\n".join(profile.get("internal_units", []))
    return profile


def _profile_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    profile = {
        **cleaned,
        "duties": _lines(cleaned["duties"]),
        "internal_units": _lines(cleaned["internal_units"]),
    }
    return {**data, "profile": _compact(profile)}


def _staffing_initial(data: dict[str, Any]) -> dict[str, Any]:
    staffing = data.get("staffing", {})
    initial = {k: staffing.get(k) for k in ("retired", "retired_cadres", "survivors", "contract")}
    for staff_type, key in STAFF_KEYS.items():
        initial[f"authorized_{key}"] = staffing.get("authorized", {}).get(staff_type.value)
        initial[f"in_service_{key}"] = staffing.get("in_service", {}).get(staff_type.value)
    return initial


def _staffing_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    staffing: dict[str, Any] = {"authorized": {}, "in_service": {}}
    for staff_type, key in STAFF_KEYS.items():
        for part in ("authorized", "in_service"):
            value = cleaned.get(f"{part}_{key}")
            if value is not None:
                staffing[part][staff_type.value] = value
    for k in ("retired", "retired_cadres", "survivors", "contract"):
        staffing[k] = cleaned.get(k)
    return {**data, "staffing": _compact(staffing)}


def _staffing_path(field: str) -> str:
    match = re.fullmatch(r"(authorized|in_service)_(s\d+)", field)
    if match:
        staff_type = next(t for t, k in STAFF_KEYS.items() if k == match.group(2))
        return f"staffing.{match.group(1)}.{staff_type.value}"
    return f"staffing.{field}"


def _assets_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    assets = _compact(cleaned)
    new = dict(data)
    if set(assets) - {"unit"}:
        new["assets"] = assets
    else:
        new.pop("assets", None)
    return new


def _money_initial(data: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    money = data.get("money", {})
    return {"unit": money.get("unit", "万元")}, list(money.get("lines", []))


def _money_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    return {**data, "money": {"unit": cleaned["unit"], "lines": [_compact(r) for r in rows]}}


def _list_initial(
    key: str,
) -> Callable[[dict[str, Any]], tuple[dict[str, Any], list[dict[str, Any]]]]:
    def initial(data: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return {}, list(data.get(key, []))

    return initial


# Indicator keys not on the form, kept for rows whose id is unchanged: evidence and sources,
# and the ledger backing (actual_from, override_reason) until the form edits it.
KEPT_INDICATOR_KEYS = ("evidence", "source", "actual_from", "override_reason")


def _indicators_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    before = {i.get("id"): i for i in data.get("indicators", [])}
    kept = []
    for row in rows:
        old = before.get(row.get("id"), {})
        # a key the form has (actual_from, override_reason on IndicatorForm) is the form's
        extra = {k: old[k] for k in KEPT_INDICATOR_KEYS if k in old and k not in row}
        kept.append({**_compact(row), **extra})
    return {**data, "indicators": kept}


def _goals_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    return {**data, "goals": [_compact(r) for r in rows]}


def _narratives_initial(data: dict[str, Any]) -> dict[str, Any]:
    narratives = data.get("narratives", {})
    return {key: "\n".join(narratives.get(key, [])) for key in NARRATIVE_LABELS}


def _narratives_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    return {**data, "narratives": _compact({k: _lines(v) for k, v in cleaned.items()})}


def _stated_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    # the source (where an imported report said it) is not on the form: keep it per key
    sources = {s.get("key"): s.get("source") for s in data.get("stated", []) if s.get("source")}
    stated = []
    for row in rows:
        item = _compact(row)
        if row.get("key") in sources:
            item["source"] = sources[row["key"]]
        stated.append(item)
    return {**data, "stated": stated}


def _self_data(
    data: dict[str, Any], cleaned: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    kept = {k: v for k, v in data.get("self_evaluation", {}).items() if k == "source"}
    return {**data, "self_evaluation": {**_compact(cleaned), **kept}}


SECTIONS: dict[str, Section] = {
    s.key: s
    for s in (
        Section(
            "profile",
            _("一、单位概况"),
            ProfileForm,
            to_initial=_profile_initial,
            to_data=_profile_data,
            field_path=lambda f: f"profile.{f}",
        ),
        Section(
            "staffing",
            _("二、人员情况"),
            StaffingForm,
            to_initial=_staffing_initial,
            to_data=_staffing_data,
            field_path=_staffing_path,
        ),
        Section(
            "assets",
            _("三、资产情况"),
            AssetsForm,
            to_initial=lambda d: d.get("assets", {}),
            to_data=_assets_data,
            field_path=lambda f: f"assets.{f}",
        ),
        Section(
            "money",
            _("四、预算及执行（资金）"),
            MoneyHeadForm,
            MoneyLineForm,
            "money.lines",
            to_initial=_money_initial,
            to_data=_money_data,
            field_path=lambda f: f"money.{f}",
        ),
        Section(
            "goals",
            _("五、年度绩效目标"),
            None,
            GoalForm,
            "goals",
            to_initial=_list_initial("goals"),
            to_data=_goals_data,
        ),
        Section(
            "indicators",
            _("六、绩效指标与佐证"),
            None,
            IndicatorForm,
            "indicators",
            to_initial=_list_initial("indicators"),
            to_data=_indicators_data,
        ),
        Section(
            "narratives",
            _("七、文字说明"),
            NarrativesForm,
            to_initial=_narratives_initial,
            to_data=_narratives_data,
            field_path=lambda f: f"narratives.{f}",
        ),
        Section(
            "self_evaluation",
            _("八、自评结果"),
            SelfEvaluationForm,
            to_initial=lambda d: d.get("self_evaluation", {}),
            to_data=_self_data,
            field_path=lambda f: f"self_evaluation.{f}",
        ),
        Section(
            "stated",
            _("九、报告所述数字"),
            None,
            StatedForm,
            "stated",
            to_initial=_list_initial("stated"),
            to_data=_stated_data,
        ),
    )
}


class _Labelled(forms.BaseFormSet):  # type: ignore[type-arg]
    """Rows shown as table cells have no <label>: give each input its label as aria-label."""

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        row = "" if index is None else f"#{index + 1} "
        for field in form.fields.values():
            field.widget.attrs.setdefault("aria-label", f"{row}{field.label or ''}")
        if not form.initial:
            _preselected_is_unchanged(form)


def _preselected_is_unchanged(form: forms.Form) -> None:
    """An empty row's select without a blank option arrives with its first option chosen: make
    that option the row's initial value, so a row left as it was counts as unchanged (and empty),
    not as a half-filled row that demands its required fields."""
    for field in form.fields.values():
        choices = list(getattr(field, "choices", ()))
        if choices and field.initial in (None, "") and choices[0][0] != "":
            field.initial = choices[0][0]


def row_formset(section: Section, extra: int = 1) -> Any:
    assert section.row_form is not None
    return formset_factory(section.row_form, formset=_Labelled, extra=extra, can_delete=True)


def rows_from(formset: Any) -> list[dict[str, Any]]:
    """Filled, not deleted formset rows, in order."""
    rows = []
    for form in formset.forms:
        cleaned = getattr(form, "cleaned_data", None)
        if not cleaned or cleaned.get("DELETE"):
            continue
        rows.append({k: v for k, v in cleaned.items() if k != "DELETE"})
    return rows


def locate(section: Section, path: str, kept_rows: list[int]) -> tuple[int | None, str] | None:
    """Where a dossier path lands on this section's form: (row index or None, field name)."""
    if section.list_key:
        match = re.match(re.escape(section.list_key) + r"\[(\d+)\](?:\.(\w+))?", path)
        if match:
            position = int(match.group(1))
            row = kept_rows[position] if position < len(kept_rows) else None
            return row, match.group(2) or "__all__"
    if section.form is not None and section.field_path is not None:
        for name in section.form().fields:
            if path == section.field_path(name) or path.startswith(section.field_path(name) + "."):
                return None, name
    return None
