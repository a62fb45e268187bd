"""The staffing sentence of 一、部门概况 names each type of post once: 行政编制 is already a 编制,
so the sentence must not read "行政编制编制6人"."""

from __future__ import annotations

from jixiao.core.compose import staffing_sentence
from jixiao.core.dossier import Dossier, Staffing, StaffType
from jixiao.frameworks import evaluate_with


def test_authorized_posts_by_type_are_not_doubled(seed_dossier: Dossier) -> None:
    staffing = Staffing(
        authorized={StaffType.ADMINISTRATIVE: 6, StaffType.WORKER: 2},
        in_service={StaffType.ADMINISTRATIVE: 5, StaffType.WORKER: 2},
    )
    dossier = seed_dossier.model_copy(update={"staffing": staffing})
    book = evaluate_with(dossier).figures
    text = staffing_sentence(dossier, book)
    assert "编制编制" not in text
    assert "行政编制6人" in text
    assert "工勤编制2人" in text
