"""Synthetic dossiers at any scale, with errors injected on purpose and recorded.

``jixiao demo generate`` writes what :func:`generate` yields. The data is plain (what
``dossier_from_data`` reads; every amount a decimal string), so this module stays pure: no files,
no formats.

- **Org tree**: counties (演示第N县, fictitious) with their 主管部门 (a department template: its
  本级 and its subordinate units, e.g. 教育体育局 → schools); each unit has a unit type, a staff
  type and a size (small, medium, large).
- **Distributions** follow the seed (examples/wanzai-2021: 20 in service, 1,462 万元 basic budget,
  a 96 self-score) and the corpus (tests/fixtures/corpus: 3–246 in service, 70–5,600 万元 spent,
  i.e. about 10–80 万元 a head): sizes are drawn log-uniformly within those bounds; narratives are
  the seed's paragraphs with the unit's name and figures put in.
- **Deterministic**: the tree comes from ``Random(f"{seed}:tree")``, each unit-year from
  ``Random(f"{seed}:{code}:{year}")`` (string seeds are hashed with SHA-512, stable across runs and
  Python versions), so the same arguments give the same data, and one unit-year is generated
  without the others (streaming, any order).
- **Injected errors**: a share of the unit-years (``error_share``) gets one or two of
  :data:`INJECTIONS`, each recorded with the finding id(s) the checks are expected to raise. A
  clean unit-year states only figures that agree with its raw data.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

DEFAULT_LAST_YEAR = 2023
CENT = Decimal("0.01")

# 主管部门 template: name, staff type of its units, subordinate unit names, unit type of those
DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "教育体育局",
        "全额补助事业",
        ("第一中学", "实验小学", "职业中等专业学校", "幼儿园"),
        "事业单位",
    ),
    ("卫生健康委员会", "差额补助事业", ("人民医院", "中医院", "疾病预防控制中心"), "事业单位"),
    ("农业农村局", "全额补助事业", ("农业技术推广中心", "畜牧兽医站", "农机服务中心"), "事业单位"),
    (
        "自然资源局",
        "参照公务员管理",
        ("不动产登记中心", "土地整理储备中心"),
        "参照公务员法管理事业单位",
    ),
    (
        "交通运输局",
        "参照公务员管理",
        ("公路事业发展中心", "交通运输综合行政执法大队"),
        "参照公务员法管理事业单位",
    ),
    ("民政局", "全额补助事业", ("社会福利院", "殡葬服务所"), "事业单位"),
    ("文化广电旅游局", "全额补助事业", ("图书馆", "文化馆", "博物馆"), "事业单位"),
    ("水利局", "全额补助事业", ("水利工程管理站", "河道管理所"), "事业单位"),
    ("机关事务管理局", "全额补助事业", ("公务用车服务中心",), "事业单位"),
    ("财政局", "行政编制", ("国库支付中心", "财政投资评审中心"), "参照公务员法管理事业单位"),
    (
        "人力资源和社会保障局",
        "行政编制",
        ("就业创业服务中心", "社会保险中心"),
        "参照公务员法管理事业单位",
    ),
    ("市场监督管理局", "行政编制", ("检验检测中心",), "事业单位"),
)
# in-service head-count bounds of a size (the corpus: 3 … 246)
SIZES: dict[str, tuple[int, int]] = {"小": (3, 12), "中": (12, 60), "大": (60, 250)}
SIZE_WEIGHTS = (5, 4, 1)

# indicator bank: level1, level2, name, unit, comparator, target bounds
INDICATOR_BANK: tuple[tuple[str, str, str, str, str, int, int], ...] = (
    ("产出", "数量", "开展专项检查次数", "次", "≥", 12, 40),
    ("产出", "数量", "培训人次", "人次", "≥", 200, 1500),
    ("产出", "数量", "设备检修次数", "次", "≥", 6, 24),
    ("产出", "质量", "项目验收合格率", "%", "≥", 90, 98),
    ("产出", "质量", "绿化成活率", "%", "≥", 85, 96),
    ("产出", "时效", "任务按时完成率", "%", "≥", 90, 98),
    ("产出", "成本", "单位服务成本", "元", "≤", 80, 200),
    ("效益", "社会效益", "群众办事平均等待时间", "分钟", "≤", 15, 40),
    ("效益", "社会效益", "服务覆盖率", "%", "≥", 85, 96),
    ("效益", "生态效益", "公共机构能耗下降率", "%", "≥", 2, 6),
    ("满意度", "服务对象满意度", "服务对象满意度", "%", "≥", 85, 95),
)
GOAL_TEXTS = (
    "全年完成{n}项年度重点工作任务，各项业务指标100%达到预期。",
    "预算执行率不低于90%，“三公”经费支出不超过预算。",
    "开展{n}次业务培训，服务对象满意度达到90%以上。",
    "全年无重大安全生产责任事故，设施设备完好率95%以上。",
)
VAGUE_TARGETS = ("进一步提高", "明显改善", "逐步提升", "有所加强")
INTERNAL_UNITS = ("办公室", "财务股", "业务股", "综合股", "法规股", "监督股", "人事股", "信息股")

# narratives: the seed's paragraphs (examples/wanzai-2021) with the unit's name put in
NARRATIVES: dict[str, tuple[str, ...]] = {
    "overall_goal": (
        "{year}年，{name}紧紧围绕县委、县政府中心工作，认真履行部门职责，坚持以政治建设为统领，提升管理服务保障效能，扎实推进各项重点工作。",
    ),
    "performance_management": (
        "{year}年度{name}严格按照年初预算进行部门整体支出，所有项目都详细制定了方案，严格按方案组织实施，专项经费做到专款专用，无截留、无挪用等现象。",
    ),
    "asset_management": (
        "{name}对公共财产物资实行统一管理、统一调配，按政府采购程序和有关规定进行采购，不定期对财产物资进行清查、盘点、核对、处理。",
    ),
    "experience": (
        "科学制定标准，项目建设通过了集体决策、可行性研究。",
        "严格审批程序，资金审批严格依据相关制度执行，确保资金专款专用。",
    ),
    "problems": (
        "一是在科学设置预算绩效指标上还需进一步加强，使之更加贴切{name}工作的实际。",
        "二是预算绩效管理专业性强，缺乏系统的培训，在一定程度上影响了绩效评价工作质量。",
    ),
    "improvements": (
        "建议财政有关部门加强业务培训，组织开展单位之间的经验交流。",
        "在预算控制数内根据实际情况进行科目间适当的调剂使用，优先安排急需资金。",
    ),
    "application": (
        "{name}绩效自评结果拟应用于干部考核及下年度预算安排，经县财政审核通过后在政务门户公开，供群众监督。",
    ),
}


@dataclass(frozen=True)
class Unit:
    """One budget unit of the tree: a 主管部门's 本级 or a subordinate unit."""

    code: str
    name: str
    department: str  # its 主管部门 (itself for a 本级)
    county: str
    unit_type: str
    staff_type: str
    size: str


@dataclass(frozen=True)
class Injection:
    """An error put into a dossier on purpose, and the finding ids the checks should raise
    (empty when no check detects that kind of error yet)."""

    kind: str
    expected: tuple[str, ...]
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "expected": list(self.expected), "detail": self.detail}


@dataclass(frozen=True)
class Generated:
    unit: Unit
    year: int
    data: dict[str, Any]
    injections: tuple[Injection, ...] = field(default=())


def org_tree(units: int, seed: int) -> list[Unit]:
    """*units* budget units: counties of 主管部门, each 主管部门 its 本级 then its units."""
    rng = random.Random(f"{seed}:tree")
    tree: list[Unit] = []
    county_no = 0
    while len(tree) < units:
        county_no += 1
        county = f"演示第{county_no}县"
        for d_index, (dept, staff_type, subordinates, sub_type) in enumerate(DEPARTMENTS):
            dept_name = f"{county}{dept}"
            members = [(dept_name, "行政单位", "行政编制")]
            members += [(f"{county}{sub}", sub_type, staff_type) for sub in subordinates]
            for u_index, (name, unit_type, staff) in enumerate(members):
                if len(tree) == units:
                    return tree
                size = rng.choices(tuple(SIZES), weights=SIZE_WEIGHTS)[0]
                code = f"C{county_no:04d}-D{d_index + 1:02d}-U{u_index:02d}"
                tree.append(Unit(code, name, dept_name, county, unit_type, staff, size))
    return tree


def generate(
    units: int,
    years: int,
    seed: int,
    *,
    error_share: float = 0.2,
    last_year: int = DEFAULT_LAST_YEAR,
) -> Iterator[Generated]:
    """Every unit's dossier for each of the *years* ending with *last_year*, unit by unit."""
    for unit in org_tree(units, seed):
        for year in range(last_year - years + 1, last_year + 1):
            yield unit_year(unit, year, seed, error_share=error_share)


def unit_year(unit: Unit, year: int, seed: int, *, error_share: float = 0.2) -> Generated:
    rng = random.Random(f"{seed}:{unit.code}:{year}")
    base = random.Random(f"{seed}:{unit.code}")  # what stays from year to year
    data = _clean(unit, year, rng, base)
    injections: list[Injection] = []
    if rng.random() < error_share:
        kinds = rng.sample(sorted(INJECTIONS), 2 if rng.random() < 0.25 else 1)
        injections = [INJECTIONS[kind](data, rng) for kind in kinds]
    return Generated(unit, year, data, tuple(injections))


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _wan(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def _clean(unit: Unit, year: int, rng: random.Random, base: random.Random) -> dict[str, Any]:
    low, high = SIZES[unit.size]
    head = round(_log_uniform(base, low, high))  # the unit's usual in-service head-count
    per_head = base.uniform(12, 60)  # 万元 a head a year (corpus: about 10–80)
    in_service = max(2, head + rng.randint(-head // 10 - 1, head // 10 + 1))
    authorized = in_service + rng.randint(0, max(1, in_service // 8))
    retired, survivors = rng.randint(0, in_service), rng.randint(0, 3)
    staffing = {
        "authorized": {unit.staff_type: authorized},
        "in_service": {unit.staff_type: in_service},
        "retired": retired,
        "survivors": survivors,
    }
    budget = _wan(in_service * per_head * rng.uniform(0.9, 1.1))
    shares = {"商品和服务支出": 0.3, "对个人和家庭的补助": 0.05, "资本性支出": 0.03}
    lines: list[dict[str, Any]] = []
    rest = budget  # the wages take what the other classes leave: never negative
    for item, share in shares.items():
        amount = _wan(budget * Decimal(str(share * rng.uniform(0.8, 1.2))))
        lines.append(_line("年初预算", "基本支出", item, amount))
        rest -= amount
    lines.insert(0, _line("年初预算", "基本支出", "工资福利支出", rest))
    execution = Decimal(rng.randint(9000, 10000)) / 10000  # 90–100 %: no W005 to explain
    executed = _wan(budget * execution)
    lines.append(_line("执行", "基本支出", "未分类支出", executed))
    rate = (executed / budget * 100).quantize(CENT, rounding=ROUND_HALF_UP)
    growth = Decimal(str(base.uniform(0.97, 1.06)))
    assets_first = Decimal(str(_log_uniform(base, 0.5, 3.0))) * budget
    net = _wan(assets_first * growth ** (year - 2000))
    prior = _wan(assets_first * growth ** (year - 2001))
    goals, indicators = _goals_and_indicators(rng)
    internal = rng.sample(INTERNAL_UNITS, rng.randint(2, 5))
    stated = [
        _stated("staffing.in_service", in_service, "人"),
        _stated("staffing.actual_total", in_service + retired + survivors, "人"),
        _stated("budget.total", budget, "万元"),
        _stated("rates.execution", rate, "%"),
        _stated("profile.internal_units", len(internal), "个"),
    ]
    values = {"name": unit.name, "year": year}
    narratives = {
        section: [text.format(**values) for text in texts] for section, texts in NARRATIVES.items()
    }
    narratives["achievements"] = [
        f"全年{ind['name']}{ind['actual']}{ind['unit']}，完成年度目标。" for ind in indicators
    ]
    return {
        "year": year,
        "profile": {
            "name": unit.name,
            "code": unit.code,
            "level": "县级",
            "parent": unit.department if unit.department != unit.name else f"{unit.county}人民政府",
            "unit_type": unit.unit_type,
            "duties": [
                f"负责{unit.name.removeprefix(unit.county)}职责范围内的政策执行与公共服务。",
                "完成县委、县政府交办的其他工作。",
            ],
            "internal_units": internal,
        },
        "staffing": staffing,
        "assets": {"unit": "万元", "total_net": str(net), "total_net_prior": str(prior)},
        "money": {"unit": "万元", "lines": lines},
        "goals": goals,
        "indicators": indicators,
        "stated": stated,
        "narratives": narratives,
        "self_evaluation": {"total": str(rng.randint(90, 98))},
        "evaluation": {"method": "单位自评"},
    }


def _line(phase: str, funding: str, item: str, amount: Decimal) -> dict[str, Any]:
    return {"phase": phase, "funding": funding, "item": item, "amount": str(amount)}


def _stated(key: str, value: int | Decimal, unit: str) -> dict[str, Any]:
    return {"key": key, "value": str(value), "unit": unit}


def _goals_and_indicators(rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    goals = [
        {"id": f"G{i + 1}", "text": text.format(n=rng.randint(3, 12))}
        for i, text in enumerate(rng.sample(GOAL_TEXTS, 3))
    ]
    outputs = [row for row in INDICATOR_BANK if row[0] == "产出"]
    benefits = [row for row in INDICATOR_BANK if row[0] == "效益"]
    satisfaction = [row for row in INDICATOR_BANK if row[0] == "满意度"]
    chosen = rng.sample(outputs, 4) + rng.sample(benefits, 2) + satisfaction
    indicators = []
    for index, (l1, l2, name, unit, comparator, low, high) in enumerate(chosen):
        target = rng.randint(low, high)
        step = target // 20  # within 5 % of the target, on the good side
        actual = (
            target + rng.randint(0, step) if comparator == "≥" else target - rng.randint(0, step)
        )
        if unit == "%":
            actual = min(actual, 100)
        indicators.append(
            {
                "id": f"K{index + 1}",
                "name": name,
                "level1": l1,
                "level2": l2,
                "goal": goals[index % 3]["id"],
                "comparator": comparator,
                "target": str(target),
                "actual": str(actual),
                "unit": unit,
                "evidence": ["年度工作台账"],
            }
        )
    return goals, indicators


# ---- injected errors: each changes *data* in place and says what the checks should find ----


def _stated_entry(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(entry for entry in data["stated"] if entry["key"] == key)


def _staffing_sum_off(data: dict[str, Any], rng: random.Random) -> Injection:
    entry = _stated_entry(data, "staffing.actual_total")
    right = int(entry["value"])
    entry["value"] = str(right + rng.choice((-3, -2, -1, 1, 2, 3)))
    return Injection(
        "staffing_sum_off",
        ("staffing.E001",),
        f"实有人数写{entry['value']}，各类人数之和为{right}",
    )


def _budget_sum_off(data: dict[str, Any], rng: random.Random) -> Injection:
    entry = _stated_entry(data, "budget.total")
    right = Decimal(entry["value"])
    entry["value"] = str(right + Decimal(rng.choice((-1, 1))) * Decimal(rng.randint(3, 900)) / 100)
    return Injection(
        "budget_sum_off", ("budget.E001",), f"预算总额写{entry['value']}，明细之和为{right}"
    )


def _execution_rate_misstated(data: dict[str, Any], rng: random.Random) -> Injection:
    entry = _stated_entry(data, "rates.execution")
    right = Decimal(entry["value"])
    wrong = right - Decimal(rng.randint(200, 800)) / 100  # rates run 90–100 %: lower stays valid
    entry["value"] = str(wrong)
    return Injection(
        "execution_rate_misstated",
        ("rates.E001",),
        f"预算执行率写{wrong}%，按公式为{right}%",
    )


def _vague_target(data: dict[str, Any], rng: random.Random) -> Injection:
    indicator = rng.choice(data["indicators"])
    indicator.pop("target")
    indicator["target_text"] = rng.choice(VAGUE_TARGETS)
    return Injection(
        "vague_target",
        ("indicators.W001",),
        f"指标{indicator['id']}的指标值写“{indicator['target_text']}”，没有数值",
    )


def _copied_paragraph(data: dict[str, Any], rng: random.Random) -> Injection:
    paragraph = rng.choice(data["narratives"]["experience"])
    data["narratives"]["effects"] = [paragraph]
    return Injection(
        "copied_paragraph",
        (),  # no check compares paragraphs yet: recorded so that one can be verified later
        "“履职效果”一段照抄“主要经验及做法”的段落",
    )


def _inflated_self_score(data: dict[str, Any], rng: random.Random) -> Injection:
    # the output and benefit indicators fall far short of their targets (explained), while the
    # self-score stays high: the computed score is then well below it (score.W001)
    for indicator in data["indicators"]:
        if indicator["level1"] == "满意度" or "target" not in indicator:
            continue
        target = Decimal(indicator["target"])
        factor = Decimal("0.5") if indicator["comparator"] == "≥" else Decimal("1.6")
        indicator["actual"] = str((target * factor).quantize(Decimal(1)))
        indicator["deviation_explanation"] = "受客观因素影响，未能完成年度目标。"
    data["self_evaluation"]["total"] = str(rng.randint(96, 100))
    return Injection(
        "inflated_self_score",
        ("score.W001",),
        f"自评{data['self_evaluation']['total']}分，产出和效益指标完成值约为目标的一半",
    )


INJECTIONS: dict[str, Callable[[dict[str, Any], random.Random], Injection]] = {
    "staffing_sum_off": _staffing_sum_off,
    "budget_sum_off": _budget_sum_off,
    "execution_rate_misstated": _execution_rate_misstated,
    "vague_target": _vague_target,
    "copied_paragraph": _copied_paragraph,
    "inflated_self_score": _inflated_self_score,
}
