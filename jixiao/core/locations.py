"""Human names for the places in a dossier: a field path or a figure key, in Chinese or English.

Findings, validation problems and audit entries point at a field path (``indicators[1].target``,
``money.lines[3].amount``, ``staffing.in_service.行政编制``) or at a figure key
(``rates.execution``). Scripts keep using those stable paths; people read
:func:`describe_path`'s words instead: ``指标2“开展专项检查次数” · 指标值``.

The words are data (:data:`LABELS`, one mapping from a path's *shape*, indexes left out, to its
Chinese and English label; figure keys take their labels from :data:`FIGURES_BY_KEY`); the walker
only adds what depends on the dossier (an indicator's name, a money line's classification) and on
the position. A path the lexicon does not know reads as its nearest known parent, never as the
raw path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from jixiao.core.dossier import Dossier, StaffType
from jixiao.core.figures import FIGURES_BY_KEY

Lang = Literal["zh", "en"]
SEPARATOR = " · "

# path shape ("indicators[].target": indexes left out) → (Chinese, English)
LABELS: dict[str, tuple[str, str]] = {
    # sections
    "year": ("年度", "year"),
    "profile": ("单位概况", "Profile"),
    "staffing": ("人员情况", "Staffing"),
    "assets": ("资产情况", "Assets"),
    "money": ("预算及执行", "Budget and spending"),
    "goals": ("年度绩效目标", "Annual goals"),
    "indicators": ("绩效指标", "Performance indicators"),
    "assessments": ("共性指标评价", "Common indicator assessments"),
    "data": ("其他数据", "Other data"),
    "previous": ("上年数据", "Last year's figures"),
    "narratives": ("文字说明", "Narratives"),
    "stated": ("报告所述数字", "Figures stated in the report"),
    "self_evaluation": ("自评结果", "Self-evaluation"),
    "evaluation": ("评价信息", "About the evaluation"),
    "waivers": ("豁免说明", "Waivers"),
    "sources": ("出处", "Sources"),
    "score": ("评分表", "Score table"),
    # profile
    "profile.name": ("单位名称", "name"),
    "profile.code": ("单位编码", "code"),
    "profile.level": ("级次", "level"),
    "profile.parent": ("主管部门", "parent department"),
    "profile.unit_type": ("单位性质", "unit type"),
    "profile.duties": ("主要职责", "duties"),
    "profile.internal_units": ("内设机构", "internal units"),
    "profile.organisation_note": ("组织架构说明", "organisation note"),
    # staffing
    "staffing.authorized": ("编制人数", "authorized posts"),
    "staffing.in_service": ("在职人数", "staff in service"),
    "staffing.retired": ("退休人数", "retired"),
    "staffing.retired_cadres": ("离休人数", "retired cadres"),
    "staffing.survivors": ("遗属人数", "survivors"),
    "staffing.contract": ("编外 / 临聘人数", "contract staff"),
    "staffing.actual_total": ("实有人数", "actual head-count"),
    # assets
    "assets.unit": ("金额单位", "unit"),
    "assets.total_net": ("资产总额（账面净值）", "net assets"),
    "assets.total_net_prior": ("上年资产总额（账面净值）", "net assets, prior year"),
    "assets.total_original": ("资产总额（账面原值）", "assets at original value"),
    "assets.total_original_prior": (
        "上年资产总额（账面原值）",
        "assets at original value, prior year",
    ),
    "assets.fixed_added": ("当年配置固定资产（原值）", "fixed assets added"),
    "assets.fixed_in_use": ("在用固定资产（原值）", "fixed assets in use"),
    "assets.fixed_total": ("全部固定资产（原值）", "fixed assets"),
    "assets.note": ("说明", "note"),
    # money
    "money.unit": ("金额单位", "unit"),
    "money.lines": ("资金明细", "money lines"),
    "money.lines[]": ("资金第{n}行", "Money line {n}"),
    "money.lines[].phase": ("阶段", "phase"),
    "money.lines[].funding": ("支出类型", "funding"),
    "money.lines[].item": ("经济分类", "economic class"),
    "money.lines[].amount": ("金额", "amount"),
    "money.lines[].unit": ("单位", "unit"),
    "money.lines[].label": ("原文名称", "wording in the source"),
    "money.lines[].note": ("说明", "note"),
    # goals and indicators
    "goals[]": ("目标{n}", "Goal {n}"),
    "goals[].id": ("编号", "id"),
    "goals[].text": ("年度绩效目标", "goal"),
    "indicators[]": ("指标{n}", "Indicator {n}"),
    "indicators[].id": ("编号", "id"),
    "indicators[].name": ("三级指标", "indicator"),
    "indicators[].level1": ("一级指标", "level 1"),
    "indicators[].level2": ("二级指标", "level 2"),
    "indicators[].goal": ("对应目标", "goal"),
    "indicators[].comparator": ("比较", "comparator"),
    "indicators[].target": ("指标值", "target"),
    "indicators[].adjusted_target": ("调整后指标值", "adjusted target"),
    "indicators[].target_text": ("指标值（文字）", "target (text)"),
    "indicators[].actual": ("实际完成值", "actual"),
    "indicators[].actual_text": ("完成值（文字）", "actual (text)"),
    "indicators[].unit": ("计量单位", "unit"),
    "indicators[].weight": ("分值", "weight"),
    "indicators[].self_score": ("自评得分", "self-score"),
    "indicators[].evidence": ("佐证材料", "evidence"),
    "indicators[].evidence[]": ("佐证材料第{n}项", "evidence item {n}"),
    "indicators[].deviation_explanation": (
        "偏差原因分析及改进措施",
        "deviation explanation",
    ),
    "indicators[].source": ("出处", "source"),
    # narratives
    "narratives.overall_goal": ("当年部门履职总体目标、工作任务", "overall goal"),
    "narratives.asset_management": ("资产管理情况", "asset management"),
    "narratives.performance_management": ("预算绩效管理开展情况", "performance management"),
    "narratives.budget_notes": ("预算及执行情况说明", "budget notes"),
    "narratives.achievements": ("履职完成情况", "achievements"),
    "narratives.effects": ("履职效果情况", "effects"),
    "narratives.experience": ("主要经验及做法", "experience"),
    "narratives.problems": ("主要问题及原因分析", "problems"),
    "narratives.improvements": ("改进的方向和具体措施", "improvements"),
    "narratives.application": ("绩效自评结果拟应用和公开情况", "use and publication of results"),
    # statements, self-evaluation, evaluation, waivers
    "stated[]": ("第{n}项", "item {n}"),
    "stated[].key": ("数字", "figure"),
    "stated[].value": ("报告所写数值", "value stated"),
    "stated[].unit": ("单位", "unit"),
    "stated[].qualifier": ("限定词", "qualifier"),
    "self_evaluation.total": ("自评总分", "self-score"),
    "self_evaluation.grade": ("自评等级", "self-assessed grade"),
    "evaluation.notice": ("通知文号", "notice"),
    "evaluation.notice_title": ("通知标题", "notice title"),
    "evaluation.method": ("评价方式", "method"),
    "evaluation.date": ("报告日期", "report date"),
    "waivers[]": ("第{n}项", "item {n}"),
    "waivers[].id": ("核查结果编号", "finding id"),
    "waivers[].reason": ("理由", "reason"),
    "waivers[].where": ("位置", "location"),
    "assessments.*.level": ("评价等级", "level"),
    "assessments.*.fraction": ("得分比例", "share of the points"),
    "assessments.*.self_score": ("自评得分", "self-score"),
    "assessments.*.note": ("说明", "note"),
    "assessments.*.evidence": ("佐证材料", "evidence"),
}

# list items written as "主要职责第1项" rather than as a child of their own
_ITEM_SUFFIX = {"zh": "第{n}项", "en": " item {n}"}
_PARAGRAPH_SUFFIX = {"zh": "第{n}段", "en": " paragraph {n}"}
_OTHER = {"zh": "其他：{key}", "en": "other: {key}"}
_SOURCE_FIELDS = {
    "file": ("文件", "file"),
    "locator": ("位置", "place"),
    "start": ("起始字符", "first character"),
    "end": ("结束字符", "last character"),
    "text": ("原文", "text"),
}
_STAFF_TYPES = frozenset(member.value for member in StaffType)
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")

Token = str | int


def parse_path(path: str) -> list[Token]:
    """``money.lines[3].amount`` → ``["money", "lines", 3, "amount"]``."""
    return [int(index) if index else name for name, index in _TOKEN.findall(path)]


def figure_label(key: str, lang: Lang = "zh") -> str:
    """A figure key's name (``rates.execution`` → 预算执行率); an unknown key as "其他：key"."""
    definition = FIGURES_BY_KEY.get(key)
    if definition is not None:
        return definition.label if lang == "zh" else definition.label_en
    if key.startswith("data."):
        return _join([_label("data", lang), key.removeprefix("data.")])
    return _OTHER[lang].format(key=key)


def describe_path(
    path: str,
    dossier: Dossier | None = None,
    lang: Lang = "zh",
    *,
    item_names: Mapping[str, str] | None = None,
    words: Callable[[str], str] | None = None,
) -> str:
    """A field path or figure key in words, for people; "" for the empty path (the whole dossier).

    The dossier (when given) names list items: ``indicators[1]`` → 指标2“开展专项检查次数”;
    *item_names* (framework indicator id → name, from the score card) names ``score.ID`` and
    ``assessments.ID``. *words* puts the fixed words the dossier stores (行政编制, 年初预算…)
    in the reader's language (the web passes its translations; the core has none).
    """
    if not path:
        return ""
    tokens = parse_path(path)
    if not tokens:
        return ""
    head = tokens[0]
    if isinstance(head, str) and head not in LABELS and path in FIGURES_BY_KEY:
        return figure_label(path, lang)
    return _join(_Walker(dossier, lang, item_names or {}, words).walk(tokens))


class _Walker:
    def __init__(
        self,
        dossier: Dossier | None,
        lang: Lang,
        item_names: Mapping[str, str],
        words: Callable[[str], str] | None = None,
    ) -> None:
        self.dossier, self.lang, self.item_names = dossier, lang, item_names
        self.word: Callable[[str], str] = words or (lambda word: word)

    def walk(self, tokens: Sequence[Token]) -> list[str]:
        head = str(tokens[0])
        if head not in LABELS:
            return [self._unknown_head(tokens)]
        special = {
            "money": self._money,
            "goals": self._goals,
            "indicators": self._indicators,
            "stated": self._stated,
            "assessments": self._assessments,
            "score": self._score,
            "previous": self._previous,
            "data": self._data,
            "sources": self._sources,
        }.get(head)
        if special is not None:
            return special(tokens)
        return self._generic([head], tokens[1:])

    # ── the generic descent: section, field, and a list position as "第n项" ──────────────

    def _generic(
        self, shape: list[str], rest: Sequence[Token], parts: list[str] | None = None
    ) -> list[str]:
        parts = [self._label(".".join(shape))] if parts is None else parts
        for token in rest:
            if isinstance(token, int):
                suffix = _PARAGRAPH_SUFFIX if shape[0] == "narratives" else _ITEM_SUFFIX
                parts[-1] += suffix[self.lang].format(n=token + 1)
                shape[-1] += "[]"
                continue
            key = ".".join([*shape, token])
            if key in LABELS:
                parts.append(self._label(key))
                shape.append(token)
            elif key in FIGURES_BY_KEY:  # a figure of this section (assets.change_pct)
                parts.append(figure_label(key, self.lang))
                break
            elif shape in (["staffing", "authorized"], ["staffing", "in_service"]):
                parts.append(
                    self.word(token)
                    if token in _STAFF_TYPES
                    else _OTHER[self.lang].format(key=token)
                )
                break
            else:
                break  # an unknown field: the nearest known parent stands for it
        return parts

    def _label(self, shape: str, n: int | None = None) -> str:
        zh, en = LABELS[shape]
        text = zh if self.lang == "zh" else en
        return text.format(n=n) if n is not None else text

    def _unknown_head(self, tokens: Sequence[Token]) -> str:
        key = ".".join(t for t in tokens if isinstance(t, str))
        return figure_label(key, self.lang) if key else ""

    # ── list sections whose items the dossier can name ───────────────────────────────────

    def _item(self, list_shape: str, tokens: Sequence[Token], describe: str) -> list[str]:
        """A list section: the section label alone, or the named item and its field."""
        if len(tokens) < 2 or not isinstance(tokens[1], int):
            return self._generic([list_shape], tokens[1:])
        index = tokens[1]
        item = self._label(f"{list_shape}[]", index + 1) + describe
        return self._generic([f"{list_shape}[]"], tokens[2:], [item])

    def _goals(self, tokens: Sequence[Token]) -> list[str]:
        return self._item("goals", tokens, "")

    def _indicators(self, tokens: Sequence[Token]) -> list[str]:
        name = ""
        if len(tokens) > 1 and isinstance(tokens[1], int) and self.dossier is not None:
            indicators = self.dossier.indicators
            if tokens[1] < len(indicators):
                name = ("" if self.lang == "zh" else " ") + f"“{indicators[tokens[1]].name}”"
        return self._item("indicators", tokens, name)

    def _money(self, tokens: Sequence[Token]) -> list[str]:
        if len(tokens) < 3 or tokens[1] != "lines" or not isinstance(tokens[2], int):
            return self._generic(["money"], tokens[1:])
        index = tokens[2]
        what = ""
        if self.dossier is not None and index < len(self.dossier.money.lines):
            line = self.dossier.money.lines[index]
            kinds = [line.phase.value, line.funding.value if line.funding else "", line.item.value]
            kinds = [self.word(k) if k else k for k in kinds]
            what = _parenthesised(SEPARATOR.join(k for k in kinds if k), self.lang)
        item = self._label("money.lines[]", index + 1) + what
        return self._generic(["money", "lines[]"], tokens[3:], [item])

    def _sources(self, tokens: Sequence[Token]) -> list[str]:
        """Where a value came from (sources.staffing.retired.text): 出处 · 人员情况 · 退休人数 ·
        原文, not a bare 出处 for each of its file, place, character span and text."""
        rest = list(tokens[1:])
        field = rest.pop() if rest and rest[-1] in _SOURCE_FIELDS else None
        parts = [self._label("sources")]
        if rest and isinstance(rest[0], str) and rest[0] in LABELS and rest[0] != "sources":
            parts += self.walk(rest)  # an unknown value's path: the nearest known parent, 出处
        if field is not None:
            parts.append(_SOURCE_FIELDS[str(field)][0 if self.lang == "zh" else 1])
        return parts

    def _stated(self, tokens: Sequence[Token]) -> list[str]:
        section = self._label("stated")
        if len(tokens) < 2:
            return [section]
        if isinstance(tokens[1], str):  # stated.KEY: a statement named by its figure key
            key = ".".join(str(t) for t in tokens[1:])
            return [section, figure_label(key, self.lang)]
        index = tokens[1]
        figure = ""
        if self.dossier is not None and index < len(self.dossier.stated):
            figure = _parenthesised(
                figure_label(self.dossier.stated[index].key, self.lang), self.lang
            )
        joiner = "" if self.lang == "zh" else ", "
        item = section + joiner + self._label("stated[]", index + 1) + figure
        return self._generic(["stated[]"], tokens[2:], [item])

    def _framework_item(self, section: str, tokens: Sequence[Token]) -> list[str]:
        """score.ID, assessments.ID: the framework indicator by its name, when the card gives it."""
        parts = [self._label(section)]
        if len(tokens) > 1 and str(tokens[1]) in self.item_names:
            parts.append(self.item_names[str(tokens[1])])
        return parts

    def _score(self, tokens: Sequence[Token]) -> list[str]:
        return self._framework_item("score", tokens)

    def _assessments(self, tokens: Sequence[Token]) -> list[str]:
        parts = self._framework_item("assessments", tokens)
        if len(parts) < 2:
            return parts
        if len(tokens) > 2 and f"assessments.*.{tokens[2]}" in LABELS:
            parts.append(self._label(f"assessments.*.{tokens[2]}"))
        return parts

    def _previous(self, tokens: Sequence[Token]) -> list[str]:
        parts = [self._label("previous")]
        if len(tokens) > 1:
            parts.append(figure_label(".".join(str(t) for t in tokens[1:]), self.lang))
        return parts

    def _data(self, tokens: Sequence[Token]) -> list[str]:
        parts = [self._label("data")]
        if len(tokens) > 1:
            parts.append(".".join(str(t) for t in tokens[1:]))  # a name the department chose
        return parts


def _label(shape: str, lang: Lang) -> str:
    zh, en = LABELS[shape]
    return zh if lang == "zh" else en


def _parenthesised(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _join(parts: Sequence[str]) -> str:
    return SEPARATOR.join(p for p in parts if p)
