"""Ledger folders: CSV files with Chinese or English headers read into a LedgerSet, every bad
cell reported with its file, row and column, and nothing returned when anything is bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.core.errors import InputError
from jixiao.core.ledgers import LedgerKind
from jixiao.io.ledgers import load_ledger_dir

SEED_LEDGERS = Path(__file__).resolve().parents[2] / "examples" / "wanzai-2021" / "ledgers"


def folder(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path, **files: str) -> list[str]:
    with pytest.raises(InputError) as raised:
        load_ledger_dir(folder(tmp_path, **files))
    return [p.render() for p in raised.value.problems]


def test_the_seed_ledgers_read_whole() -> None:
    ledgers = load_ledger_dir(SEED_LEDGERS)
    assert set(ledgers.present()) == set(LedgerKind)
    assert len(ledgers.meetings) == 463 and len(ledgers.overhauls) == 14
    assert ledgers.overhauls[1].id == "JX-2021-01"


def test_english_headers_bare_headers_and_comment_lines(tmp_path: Path) -> None:
    ledgers = load_ledger_dir(
        folder(
            tmp_path,
            overhauls="# 示例\nid,overhaul_date,equipment,completed\nA1,2021-03-01,空调,yes\n",
            energy_base='编号,年度,建筑,建筑面积,用能人数\nB1,2021,主楼,"1,200",30\n',
        )
    )
    assert ledgers.overhauls[0].completed is True
    assert ledgers.energy_base[0].floor_area == 1200


def test_chinese_file_names_and_gbk_files(tmp_path: Path) -> None:
    text = "编号,检修日期,设备\nA1,2021年3月1日,空调\n"
    (tmp_path / "设备检修记录.csv").write_bytes(text.encode("gb18030"))
    ledgers = load_ledger_dir(tmp_path)
    assert ledgers.overhauls[0].overhaul_date.isoformat() == "2021-03-01"


def test_bad_cells_name_file_row_column_and_what_was_expected(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        overhauls="编号,检修日期,设备,已完成\nA1,2021-03-01,空调,是\nA2,三月,电梯,是\nA3,2021-03-03,水泵,也许\n",
        greening_surveys="编号,调查日期,区域,种植数,成活数\nG1,2021-10-01,东,100,120\nG2,2021-10-01,西,十,5\n",
    )
    assert found == [
        "第2行 line 2: greening_surveys.csv 列“成活数”: 成活数多于种植数 / more surviving than planted",
        "第3行 line 3: greening_surveys.csv 列“种植数”: 应为数字，得到 '十' / expected a number, got '十'",
        "第3行 line 3: overhauls.csv 列“检修日期”: 应为日期，如 2021-08-23 / expected a date such as 2021-08-23",
        "第4行 line 4: overhauls.csv 列“已完成”: 应为 是 或 否 / expected yes (是) or no (否)",
    ]


def test_enum_and_unit_problems(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        survey_responses="编号,填写日期,问卷,总体评价\nR1,2021-12-01,年度,很好\n",
        energy_use="编号,月份,建筑,能源类型,用量,单位\nE1,2021-13,主楼,电力,10,千瓦时\nE2,2021-01,主楼,电力,10,度\n",
    )
    assert found[0].startswith("第2行 line 2: energy_use.csv 列“月份”: 应为月份，如 2021-08")
    assert found[1] == (
        "第3行 line 3: energy_use.csv 列“单位”: 电力的单位应为千瓦时，不是度"
        " / the unit of electricity is 千瓦时"
    )
    assert found[2].startswith("第2行 line 2: survey_responses.csv 列“总体评价”: 应为以下之一：")


def test_header_problems_are_reported_on_the_header_row(tmp_path: Path) -> None:
    found = problems(tmp_path, meetings="# 示例数据\n编号,日期,会议名称\nH1,2021-01-04,常务会\n")
    assert found == [
        "第2行 line 2: meetings.csv 列“会议名称”: 不认识的列，会议接待服务记录的列为："
        "编号、备注、附件、日期、名称、类型、人数、失误次数 / unknown column; the columns of meetings"
        " served are: id, note, attachments, event_date, name, kind, attendees, errors",
        "第2行 line 2: meetings.csv 列“名称”: 缺少必填列“名称”（或 name） / missing required column name",
    ]


def test_a_repeated_id_names_both_rows(tmp_path: Path) -> None:
    found = problems(
        tmp_path, overhauls="编号,检修日期,设备\nA1,2021-03-01,空调\nA1,2021-04-01,电梯\n"
    )
    assert found == [
        "第3行 line 3: overhauls.csv 列“编号”: 编号 A1 与第2行重复 / id A1 repeats row 2"
    ]


def test_one_bad_file_means_nothing_is_read(tmp_path: Path) -> None:
    good = "编号,检修日期,设备\nA1,2021-03-01,空调\n"
    bad = "编号,日期,名称,失误次数\nH1,2021-01-04,常务会,-1\n"
    with pytest.raises(InputError) as raised:
        load_ledger_dir(folder(tmp_path, overhauls=good, meetings=bad))
    assert raised.value.origin == str(tmp_path)
    assert len(raised.value.problems) == 1  # the good file raised nothing, and nothing returned


def test_hidden_and_excel_lock_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "~$overhauls.csv").write_text("junk", "utf-8")
    (tmp_path / ".overhauls.csv").write_text("junk", "utf-8")
    (tmp_path / "README.md").write_text("说明", "utf-8")
    assert load_ledger_dir(tmp_path).empty


def test_unknown_file_names_and_missing_folders(tmp_path: Path) -> None:
    assert problems(tmp_path, overhaul="编号\n")[0].startswith("overhaul.csv: 不认识的台账文件名")
    (tmp_path / "overhaul.csv").unlink()
    (tmp_path / "meetings.xls").write_bytes(b"old")
    assert problems(tmp_path) == [
        "meetings.xls: 不支持的格式，请另存为 .csv / unsupported format; save it as .csv"
    ]
    with pytest.raises(InputError, match="台账文件夹不存在"):
        load_ledger_dir(tmp_path / "absent")


def test_blank_rows_and_cells_are_skipped(tmp_path: Path) -> None:
    ledgers = load_ledger_dir(
        folder(tmp_path, meetings="编号,日期,名称,人数\n\nH1,2021-01-04,常务会,\n,,,\n")
    )
    assert len(ledgers.meetings) == 1 and ledgers.meetings[0].attendees is None


def test_ledgers_written_as_csv_read_back_equal(tmp_path: Path) -> None:
    from jixiao.io.ledgers import write_ledger_dir

    seed = load_ledger_dir(SEED_LEDGERS)
    written = write_ledger_dir(seed, tmp_path)
    assert len(written) == len(LedgerKind)
    assert load_ledger_dir(tmp_path) == seed
    assert (tmp_path / "overhauls.csv").read_text("utf-8").splitlines()[0] == (
        "编号,备注,附件,检修日期,设备,已完成"
    )


def test_a_cell_a_spreadsheet_would_run_is_escaped(tmp_path: Path) -> None:
    from jixiao.core.ledgers.records import Overhaul
    from jixiao.io.ledgers import ledger_csv_text

    record = Overhaul(id="A1", overhaul_date="2021-01-01", equipment="=HYPERLINK(1)")  # type: ignore[arg-type]
    assert "'=HYPERLINK(1)" in ledger_csv_text(LedgerKind.OVERHAULS, [record])


def test_a_record_from_form_data_names_the_field() -> None:
    from jixiao.core.ledgers.records import ledger_set_from_data, record_from_data

    with pytest.raises(InputError) as raised:
        record_from_data(LedgerKind.MEETINGS, {"id": "H1", "event_date": "昨天", "name": "会"})
    (problem,) = raised.value.problems
    assert (problem.path, problem.zh) == ("event_date", "应为日期，如 2021-08-23")
    with pytest.raises(InputError) as raised:
        ledger_set_from_data({"overhauls": [{"id": "A", "overhaul_date": "2021-01-01"}]})
    assert raised.value.problems[0].path == "overhauls[0].equipment"


def test_a_ledger_set_as_json_data_reads_back_equal() -> None:
    import json

    from jixiao.core.ledgers.records import ledger_set_from_data

    seed = load_ledger_dir(SEED_LEDGERS)
    data = json.loads(json.dumps(seed.model_dump(mode="json")))
    assert ledger_set_from_data(data) == seed
