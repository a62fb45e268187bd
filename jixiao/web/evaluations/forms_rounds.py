"""The form a finance bureau fills to open a round."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jixiao.web.language import page_in_english
from jixiao.web.orgs.models import Org, OrgKind


def _framework_names() -> dict[str, str]:
    """Each shipped pack's title in the page's language (the Chinese title when it has no
    English one); empty when the packs cannot be read (a broken pack must not break the page)."""
    try:
        from jixiao.frameworks import shipped_frameworks
    except ImportError:
        return {}
    english = page_in_english()
    try:
        return {
            f.id: (f.name_en if english and f.name_en else f.name) for f in shipped_frameworks()
        }
    except Exception:  # a broken pack must not break the page; the id still works
        return {}


def framework_name(key: str | None) -> str:
    """What a person reads for a round's framework: its title, 默认 when none was chosen, the
    id itself only for a pack that is no longer shipped."""
    if not key:
        return str(_("默认"))
    return _framework_names().get(key, key)


def framework_choices() -> list[tuple[str, str]]:
    try:
        from jixiao.frameworks import DEFAULT_FRAMEWORK, pack_paths
    except ImportError:
        return [("", str(_("默认")))]
    names = _framework_names()
    english = page_in_english()
    around = " ({})" if english else "（{}）"
    choices = [(key, names.get(key, key) + around.format(key)) for key in pack_paths()]
    choices.sort(key=lambda c: c[0] != DEFAULT_FRAMEWORK)
    return choices


class RoundForm(forms.Form):
    finance = forms.ModelChoiceField(
        label=_("财政局"),
        queryset=Org.objects.none(),
        widget=forms.Select(attrs={"lang": "zh"}),  # org names: user data
    )
    year = forms.IntegerField(label=_("评价年度"), min_value=2000, max_value=2100)
    notice = forms.CharField(label=_("文号"), max_length=100, help_text=_("如 万财监〔2022〕3号"))
    title = forms.CharField(label=_("通知标题"), max_length=300)
    framework_id = forms.ChoiceField(label=_("评分框架"), choices=(), required=False)
    deadline = forms.DateTimeField(
        label=_("截止时间"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )
    units = forms.ModelMultipleChoiceField(
        label=_("参与单位"), queryset=Org.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, bureaus: list[Org], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["finance"].queryset = Org.objects.filter(pk__in=[b.pk for b in bureaus])
        if len(bureaus) == 1:
            self.fields["finance"].initial = bureaus[0].pk
        paths = [b.path for b in bureaus]
        from django.db.models import Q

        below = Q(pk__in=[])
        for path in paths:
            below |= Q(path__startswith=path)
        self.fields["units"].queryset = Org.objects.filter(below).exclude(kind=OrgKind.FINANCE)
        self.fields["framework_id"].choices = framework_choices()
