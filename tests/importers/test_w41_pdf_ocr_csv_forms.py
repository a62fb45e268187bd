"""w41 classes: a 自评表 as OCR output and as an Excel sheet saved as CSV.

1. OCR misreads inside the labels the readers know ("预箅" for 预算, "编別数" for 编制数, "实有人敎"
   for 实有人数, "执彳亍率" for 执行率) are folded to the label (ocr_labels.py, lexicon.yaml), and a
   letter O among an amount's digits is read as 0 ("4,2O6.00"); the same glyphs elsewhere stay.
2. A single-spaced money block whose caption is a whole "…情况" word ("年度预算执行情况 项目 年初预算数
   全年预算数 …") is read as a form block (spaced_forms.py).
3. A form whose budget execution is scored on the money block's 合计 row (no 年度资金总额 row) and
   whose 总分 its indicator rows plus that score do not make: import.W016.
4. A letter grade (评价等级 A) stays unread: the pack's grades are 优 / 良 / 中 / 差, no band maps A.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

# ── 1. OCR misreads folded inside known labels ───────────────────────────────────────────────


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("人员 编別数 40 实有人敎 52", "人员 编制数 40 实有人数 52"),
        ("全年预箅数 1,200.00 执彳亍率 96%", "全年预算数 1,200.00 执行率 96%"),
        ("预筭年度 2023 退休人敎 9", "预算年度 2023 退休人数 9"),
        ("部门整休支出绩效自评表", "部门整体支出绩效自评表"),
    ],
)
def test_an_ocr_misread_inside_a_known_label_is_folded(written: str, read: str) -> None:
    assert normalise(written).text.replace(" ", "") == read.replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "职工整休三天后返岗",  # 整休 a word of its own, no 支出 after it
        "排水箅子更换120个",  # 箅 outside 预算
        "别墅区改造",  # 别 is not 制 outside 编制数
        "退休人员42人",  # 休 right where it is
    ],
)
def test_the_same_glyphs_outside_a_known_label_stay(text: str) -> None:
    assert normalise(text).text == text


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("项目支出 4,2O6.00 5,126.18", "4,206.00"),
        ("合计 1O2.50万元", "102.50"),
        ("全年预算 12,O45 万元", "12,045"),
    ],
)
def test_a_letter_o_among_an_amounts_digits_is_a_zero(written: str, read: str) -> None:
    assert read in normalise(written).text


@pytest.mark.parametrize("text", ["依据GB2O19标准", "COVID-19防控", "编号A1O2.3"])
def test_a_letter_o_in_a_code_stays(text: str) -> None:
    assert normalise(text).text == text


def test_an_ocr_form_is_read_whole() -> None:
    text = (
        "某县农业农村局2023年度部门整休支出绩效自评表\n"
        "金额单位: 万元\n"
        "部门名称 某县农业农村局 预箅年度 2023\n"
        "人员情况 编別数 30 实有人敎 41 在职人数 28 退休人数 13\n"
        "预箅执行情况 项目 年初预箅数 全年预箅数 全年执彳亍数 执彳亍率 分值 得分\n"
        "合计 2,1O0.00 2,500.00 2,400.00 96.00% 10 9.6\n"
        "基本支出 800.00 900.00 880.00 97.78%\n"
        "项目支出 1,300.00 1,600.00 1,520.00 95.00%\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["staffing.authorized"] == "30"
    assert figures["staffing.actual_total"] == "41"
    assert figures["budget.total"] == "2500"
    assert figures["executed.basic"] == "880"
    assert figures["executed.project"] == "1520"


# ── 2. a single-spaced block captioned with a whole "…情况" word ───────────────────────────


@pytest.mark.parametrize(
    "caption",
    ["年度预算执行情况", "预算资金执行情况", "部门预算执行情况"],
)
def test_a_single_spaced_block_under_a_long_caption_is_read(caption: str) -> None:
    text = (
        "某市档案馆2024年度部门整体支出绩效自评表\n"
        "单位: 万元\n"
        f"{caption} 项目 全年预算数 全年执行数 执行率\n"
        "合计 610.00 600.00 98.36%\n"
        "基本支出 410.00 405.00 98.78%\n"
        "项目支出 200.00 195.00 97.50%\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["budget.total"] == "610"
    assert figures["budget.basic"] == "410"
    assert figures["executed.project"] == "195"


# ── 3. 总分 against the indicator rows and the money block's scored 合计 ─────────────────────

FORM = (
    "某区图书馆2024年度部门整体支出绩效自评表\n"
    "项目\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
    "合计\t500.00\t480.00\t96.00%\t10\t9.6\n"
    "基本支出\t300.00\t295.00\t98.33%\n"
    "项目支出\t200.00\t185.00\t92.50%\n"
    "{indicator_title}\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\n"
    "\t产出指标\t借阅人次\t≥10万\t11万\t40\t40\n"
    "\t效益指标\t读者增长率\t≥5%\t4%\t30\t{middle}\n"
    "\t满意度指标\t读者满意度\t≥90%\t93%\t20\t20\n"
    "{total_label}\t\t\t\t\t100\t{total}\n"
)


@pytest.mark.parametrize(
    ("indicator_title", "total_label", "middle", "total"),
    [
        ("一级指标", "总分", "25", "95.6"),  # rows make 94.6
        ("绩效指标", "总分", "26", "96.6"),  # rows make 95.6
        ("一级指标", "合计", "27.5", "98.1"),  # rows make 97.1
    ],
)
def test_a_total_its_rows_and_the_money_score_do_not_make(
    indicator_title: str, total_label: str, middle: str, total: str
) -> None:
    text = FORM.format(
        indicator_title=indicator_title, total_label=total_label, middle=middle, total=total
    )
    result = import_text(text)
    finding = next(f for f in result.findings if f.id == "import.W016")
    assert total in finding.message and "9.6" in finding.message


def test_a_total_its_rows_and_the_money_score_make_is_quiet() -> None:
    text = FORM.format(indicator_title="一级指标", total_label="总分", middle="25", total="94.6")
    assert "import.W016" not in {f.id for f in import_text(text).findings}


# ── 4. a letter grade is read as the letter ────────────────────────────────────────────────


@pytest.mark.parametrize("grade_line", ["评价等级,A", "评价等级\tA", "自评等级 A"])
def test_a_letter_grade_in_a_form_is_read(grade_line: str) -> None:
    text = FORM.format(
        indicator_title="一级指标", total_label="总分", middle="25", total="94.6"
    ) + (grade_line + "\n")
    figures = claimed_figures(import_text(text))
    assert figures["grade.self"] == "A"


# ── 5. a PDF form: staffing titles over their counts, aligned by runs of spaces ─────────────


@pytest.mark.parametrize(
    ("titles", "counts", "expected"),
    [
        (
            "人员情况      编制数      实有人数      在职人数      退休人数",
            "                50          61            45            16",
            {"staffing.authorized": "50", "staffing.actual_total": "61"},
        ),
        (
            "人员    编制人数    在职人数    退休人数    离休人数",
            "            22          20           7           1",
            {"staffing.in_service": "20", "staffing.retired": "7"},
        ),
        (
            "编制数    实有人数    在职人数    退休人数",
            "  35          40          33           7",
            {"staffing.authorized": "35", "staffing.in_service": "33"},
        ),
    ],
)
def test_spaced_staffing_titles_over_their_counts_are_read(
    titles: str, counts: str, expected: dict[str, str]
) -> None:
    text = "某市气象局2023年度部门整体支出绩效自评表\n" + titles + "\n" + counts + "\n"
    figures = claimed_figures(import_text(text))
    assert {key: figures.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    "counts",
    [
        "                50          61            45",  # a count short
        "                50          61            45            16     9",  # one too many
        "                50          61            45            十六",  # not a count
    ],
)
def test_spaced_staffing_counts_that_do_not_fit_the_titles_are_left(counts: str) -> None:
    text = "人员情况      编制数      实有人数      在职人数      退休人数\n" + counts + "\n"
    assert "\t" not in normalise(text).text


# ── 6. a PDF money block with a caption merged down the rows, left of the labels ───────────

PDF_BLOCK = (
    "单位：万元\n"
    "                 资金来源          年初预算      全年预算      全年执行      执行率\n"
    "                                   数            数            数\n"
    "{first}         年度资金总额      1,000.00      1,250.00      1,200.00      96.00%\n"
    "{second}             财政拨款            900.00      1,100.00      1,060.00      96.36%\n"
    "                 其他资金            100.00        150.00        140.00      93.33%\n"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [("年度资金", "情况    "), ("资金情况", "        "), ("预算执行", "情况    ")],
)
def test_a_caption_down_the_rows_of_a_pdf_block_is_set_aside(first: str, second: str) -> None:
    text = "某市气象局2023年度部门整体支出绩效自评表\n" + PDF_BLOCK.format(
        first=first, second=second
    )
    figures = claimed_figures(import_text(text))
    assert figures["budget.total"] == "1250"
    assert figures["executed.total"] == "1200"
    assert figures["rates.execution"] == "96"
