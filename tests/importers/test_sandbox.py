"""PDF and Office files are read within a memory and CPU budget: a decompression bomb or a parser
crash is a clear InputError, and the process that asked goes on (issue 13 #3, #11)."""

from __future__ import annotations

import resource
import signal
import zipfile
import zlib
from pathlib import Path

import pytest

from jixiao.core.errors import InputError
from jixiao.importers import sandbox
from jixiao.importers.files import import_file
from jixiao.importers.sandbox import run_bounded


def _pdf_with_content(stream: bytes) -> bytes:
    """A one-page PDF whose page content is *stream* (already Flate-compressed)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _took_too_long(*_: object) -> None:
    raise TimeoutError("the bomb was not stopped within 60 s")


def _inflating_to(megabytes: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b"0 0 m " * (1024 * 1024 // 6)
    body = b"".join(packer.compress(chunk) for _ in range(megabytes))
    return body + packer.flush()


def test_a_pdf_whose_stream_inflates_past_the_budget_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "MEMORY_BUDGET", 64 * 1024 * 1024)
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf_with_content(_inflating_to(320)))
    assert bomb.stat().st_size < 1024 * 1024
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB
    signal.signal(signal.SIGALRM, _took_too_long)
    signal.alarm(60)  # unbounded, pdfminer would inflate and parse 320 MB for many minutes
    try:
        with pytest.raises(InputError) as caught:
            import_file(bomb)
    finally:
        signal.alarm(0)
    # refused when the inflated stream met the budget (pdfminer reports the MemoryError as its own)
    assert any(part in caught.value.problems[0].zh for part in ("内存或时间限制", "无法读取 PDF"))
    # the process that asked never held the inflated stream (the child did, and was stopped)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown < 100 * 1024, f"the caller's peak memory grew by {grown // 1024} MiB"
    assert str(bomb) == caught.value.origin


def test_a_docx_whose_directory_understates_a_member_is_refused(tmp_path):
    path = tmp_path / "lying.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + "a" * 3_000_000 + "</w:document>")
    raw = bytearray(path.read_bytes())
    at = raw.find(b"PK\x01\x02")
    while at != -1:  # every central-directory entry now claims 100 bytes
        raw[at + 24 : at + 28] = (100).to_bytes(4, "little")
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))
    with pytest.raises(InputError):
        import_file(path)


def test_an_xlsx_entity_bomb_is_an_input_error(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "entities.xlsx"
    Workbook().save(path)
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
            for i in range(1, 10)
        )
        + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(path, "a") as archive:
        names = archive.namelist()
    rebuilt = tmp_path / "rebuilt.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for name in names:
            data = source.read(name)
            target.writestr(name, bomb if name == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(InputError):
        import_file(rebuilt)


def _crash(path: Path) -> None:
    raise KeyError("word/document.xml")


def _hog(path: Path) -> bytes:
    return b"x" * (2 * 1024 * 1024 * 1024)


def test_a_parser_crash_and_a_memory_hog_are_input_errors_and_the_caller_goes_on(tmp_path):
    path = tmp_path / "any.pdf"
    with pytest.raises(InputError) as crashed:
        run_bounded(_crash, path)
    assert "KeyError" in crashed.value.problems[0].zh
    with pytest.raises(InputError) as hogged:
        run_bounded(_hog, path, memory=128 * 1024 * 1024)
    assert "内存或时间限制" in hogged.value.problems[0].zh
    assert run_bounded(len, "still here") == 10


def test_a_text_report_is_read_within_the_cpu_budget_too(tmp_path, monkeypatch):
    # a text that keeps the readers busy (tens of thousands of list lines) stops at the budget
    # as an InputError; an ordinary text imports as before
    monkeypatch.setattr(sandbox, "CPU_SECONDS", 1)
    heavy = tmp_path / "heavy.txt"
    lines = "".join(f"（{i % 99 + 1}）工资福利支出{i}.00万元；\n" for i in range(40_000))
    heavy.write_text("某县气象局2023年度部门整体支出绩效自评报告\n一、支出情况\n" + lines, "utf-8")
    with pytest.raises(InputError) as stopped:
        import_file(heavy)
    assert "内存或时间限制" in stopped.value.problems[0].zh
    light = tmp_path / "light.txt"
    light.write_text(
        "某县气象局2023年度部门整体支出绩效自评报告\n全年实际支出931.50万元。\n", "utf-8"
    )
    assert import_file(light).sources["executed.total"].text == "全年实际支出931.50万元"
