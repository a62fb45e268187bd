"""Entry forms generated from the core's record types: one field per record field, Chinese labels.

A record type is a frozen pydantic model (:mod:`jixiao.core.ledgers`); each field's annotation
chooses the form field (date, number, whole number, yes/no, choice, text) and its ``title`` the
label. The form only parses what was typed; the record type itself validates the whole record
(``catalogue.validate``) and its problems are put back on the fields they concern.
"""

from __future__ import annotations

import enum
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from jixiao.core.ledgers.records import SatisfactionLevel
from jixiao.web.evaluations.forms import CountField, NamedRequired, NumberField
from jixiao.web.ledgers.vocabulary import choice_word_lazy, field_word_lazy

# fields the web fills itself: file names come from the uploaded attachments
HIDDEN_FIELDS = frozenset({"attachments"})


def _plain(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``None`` and ``Annotated``: (type, optional)."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0] if len(args) == 1 else str
        else:
            return annotation, optional


def field_label(name: str, info: FieldInfo) -> Any:
    """The field's title in the page's language (the record type names it in Chinese)."""
    if info.title:
        return field_word_lazy(info.title)
    return info.description or name


def choices_of(annotation: Any) -> list[tuple[str, str]] | None:
    kind, _optional = _plain(annotation)
    if typing.get_origin(kind) is typing.Literal:
        return [(str(v), str(v)) for v in typing.get_args(kind)]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return [(str(m.value), str(m.value)) for m in kind]
    return None


def kind_of(annotation: Any) -> str:
    """date / bool / int / number / choice / text: how the field is typed and shown."""
    kind, _optional = _plain(annotation)
    if choices_of(annotation) is not None:
        return "choice"
    if isinstance(kind, type):
        if issubclass(kind, bool):
            return "bool"
        if issubclass(kind, date):
            return "date"
        if issubclass(kind, int):
            return "int"
        if issubclass(kind, Decimal | float):
            return "number"
    return "text"


# the fields every record has come after the record's own (its date and what happened first)
LAST_FIELDS = ("id", "note")


def entry_fields(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    fields = [(n, f) for n, f in model.model_fields.items() if n not in HIDDEN_FIELDS]
    return [p for p in fields if p[0] not in LAST_FIELDS] + [
        p for p in fields if p[0] in LAST_FIELDS
    ]


def _form_field(name: str, info: FieldInfo) -> forms.Field:
    label = field_label(name, info)
    if name == "id":  # the web numbers a record when the clerk leaves its id empty
        return forms.CharField(
            label=label, required=False, max_length=100, help_text=_("留空则自动编号，如 2021-001")
        )
    required = info.is_required()
    kind = kind_of(info.annotation)
    help_text = info.description if info.title and info.description else ""
    common: dict[str, Any] = {"label": label, "required": required, "help_text": help_text}
    if kind == "bool":
        return forms.BooleanField(
            label=label, required=False, help_text=help_text, initial=info.default is True
        )
    if kind == "date":
        return forms.DateField(**common, widget=forms.DateInput(attrs={"type": "date"}))
    if kind == "int":  # letters or decimals: an error naming the field, as in the sections
        return CountField(**common, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    if kind == "number":
        return NumberField(
            **common,
            max_digits=18,
            decimal_places=6,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        )
    choices = choices_of(info.annotation)
    if choices is not None:
        blank = [] if required else [("", "—")]
        shown = [(value, choice_word_lazy(value)) for value, _word in choices]
        return forms.ChoiceField(**common, choices=blank + shown)
    return forms.CharField(**common, max_length=500)


class RecordForm(NamedRequired):
    """Base for generated forms: the cleaned values as the record type takes them. An empty
    required field or a date that is not one names the field (出车日期：请填写)."""

    attachment = forms.FileField(label=_("附件（可选）"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = format_lazy(
                    "{}{}", field.label, _("：应为日期，如 2023-08-23")
                )

    def record_data(self) -> dict[str, Any]:
        data = {}
        for name, value in self.cleaned_data.items():
            if name == "attachment" or value in (None, ""):
                continue
            data[name] = value.isoformat() if isinstance(value, date) else value
        return data


def record_form(model: type[BaseModel]) -> type[RecordForm]:
    """A form class for *model*'s fields (cached per model)."""
    cached = _FORMS.get(model)
    if cached is None:
        fields = {name: _form_field(name, info) for name, info in entry_fields(model)}
        cached = type(f"{model.__name__}Form", (RecordForm,), fields)
        # the attachment comes last, after the record's own fields
        cached.base_fields["attachment"] = cached.base_fields.pop("attachment")
        _FORMS[model] = cached
    return cached


_FORMS: dict[type[BaseModel], type[RecordForm]] = {}


class SurveyForm(NamedRequired):
    title = forms.CharField(label=_("问卷标题"), max_length=200, initial=_("服务对象满意度调查"))
    year = forms.IntegerField(label=_("评价年度"), min_value=2000, max_value=2100)


# the satisfaction levels as the questionnaire offers them, in the page's language
RATING_WORDS = (
    gettext_noop("非常满意"),
    gettext_noop("满意"),
    gettext_noop("基本满意"),
    gettext_noop("不满意"),
    gettext_noop("非常不满意"),
)
RESPONDENTS = [("干部职工", _("干部职工")), ("办事群众", _("办事群众")), ("其他", _("其他"))]


class AnswerForm(NamedRequired):
    """The public questionnaire: who answers, the overall rating, a remark."""

    respondent = forms.ChoiceField(
        label=_("您的身份"), choices=RESPONDENTS, widget=forms.RadioSelect, required=False
    )
    rating = forms.ChoiceField(
        label=_("您对本单位服务的总体评价"),
        choices=[(level.value, _(level.value)) for level in SatisfactionLevel],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("意见和建议（可选）"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def record_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if v}
