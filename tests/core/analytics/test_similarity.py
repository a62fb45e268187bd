"""Paragraph reuse: a planted copy (other figures, other department) is found with both sources;
reports sharing only headings and standard phrases are not; template wording is set apart."""

from __future__ import annotations

from operator import index

import numpy as np
from datasketch import MinHash

from jixiao.core.analytics.similarity import (
    ReuseOptions,
    _minhash_signatures,
    find_reuse,
    normalise,
    shingle_hashes,
)

HEADINGS = ["一、部门概况", "二、部门整体支出绩效目标", "三、绩效自评情况", "四、存在的问题"]
STANDARD = "现将本部门2023年度部门整体支出绩效自评情况报告如下："

# written for these tests: three departments, each with its own narrative
WATER = [
    "县水务局负责全县水利工程建设与运行管理，统筹防汛抗旱、农村饮水安全和河湖长制日常工作。",
    "全年投入资金1520万元，完成小型水库除险加固8座，新建农村集中供水工程5处，受益群众2.1万人。",
    "汛期前组织开展堤防隐患排查三轮，发现并整改隐患点37处，全年未发生因洪致灾造成人员伤亡的事件。",
]
LIBRARY = [
    "县图书馆承担公共阅读服务、古籍保护和数字资源建设，在各乡镇设有流动服务点和自助借阅柜。",
    "全年接待读者18.6万人次，举办读书分享会和少儿绘本共读活动112场，新增数字资源容量4TB。",
    "针对县图书馆借阅高峰时段座位紧张的问题，延长周末开放时间两小时，并在暑期增设自习专区一百个座位。",
]
CLINIC = [
    "县疾控中心围绕传染病监测、免疫规划和慢性病管理开展工作，对辖区内的接种门诊实行季度督导。",
    "全年完成适龄儿童免疫规划疫苗接种4.3万剂次，报告及时率保持在较高水平，未发生聚集性疫情。",
    "慢性病随访管理中发现部分村医随访记录不规范，已组织集中培训两期，并将随访质量纳入村医考核。",
]


def report(name: str, body: list[str]) -> list[str]:
    return [name, STANDARD, HEADINGS[0], body[0], HEADINGS[1], body[1], HEADINGS[2], body[2]]


def test_a_copied_paragraph_with_other_figures_and_department_is_found_with_both_sources() -> None:
    copied = (
        LIBRARY[2]
        .replace("县图书馆", "县文化馆")
        .replace("两小时", "三小时")
        .replace("一百个", "八十个")
    )
    culture = [
        "县文化馆组织送戏下乡、非遗展演和群众文艺培训，指导各乡镇综合文化站开展活动。",
        copied,
    ]
    documents = {
        "water": report("县水务局", WATER),
        "library": report("县图书馆", LIBRARY),
        "clinic": report("县疾控中心", CLINIC),
        "culture": culture,
    }
    names = {"library": ["县图书馆"], "culture": ["县文化馆"]}

    result = find_reuse(documents, names=names)

    assert len(result.pairs) == 1
    pair = result.pairs[0]
    assert (pair.document_a, pair.paragraph_a) == ("culture", 1)
    assert (pair.document_b, pair.paragraph_b) == ("library", 7)
    assert pair.text_a == copied and pair.text_b == LIBRARY[2]
    assert pair.similarity >= 0.6 and pair.documents == 2
    culture_reuse = result.documents["culture"]
    assert culture_reuse.reused_paragraphs == 1 and culture_reuse.top_source == "library"
    assert 0.4 < culture_reuse.score < 0.7  # one of its two paragraphs
    for clean in ("water", "clinic"):
        assert result.documents[clean].score == 0 and result.documents[clean].top_source is None


def test_without_the_names_a_changed_department_name_still_matches_above_the_threshold() -> None:
    changed = LIBRARY[1].replace("18.6", "20.1").replace("112", "98")
    result = find_reuse({"a": LIBRARY, "b": ["县档案馆" + changed[3:]]})
    assert [(p.document_a, p.document_b, p.paragraph_b) for p in result.pairs] == [("b", "a", 1)]
    assert 0.6 <= result.pairs[0].similarity < 1


def test_reports_sharing_only_headings_and_standard_phrases_are_not_flagged() -> None:
    documents = {
        "water": report("县水务局", WATER),
        "library": report("县图书馆", LIBRARY),
        "clinic": report("县疾控中心", CLINIC),
    }
    result = find_reuse(documents)
    assert result.pairs == ()
    assert all(d.score == 0 and d.paragraphs == 3 for d in result.documents.values())


def test_a_sentence_shared_inside_otherwise_different_paragraphs_is_not_a_copy() -> None:
    shared = "按照预算绩效管理工作要求，"
    result = find_reuse({"w": [shared + WATER[2]], "c": [shared + CLINIC[2]]})
    assert result.pairs == ()


def test_the_whole_report_copied_scores_one_and_names_its_source() -> None:
    renamed = [p.replace("县疾控中心", "市疾控中心").replace("4.3", "5.1") for p in CLINIC]
    result = find_reuse({"clinic": CLINIC, "copy": renamed, "water": WATER})
    copy = result.documents["copy"]
    assert copy.score == 1 and copy.top_source == "clinic" and copy.top_source_share == 1
    assert len(result.pairs) == 3
    assert {p.document_b for p in result.pairs} == {"clinic"}  # the earlier is the source


def test_template_wording_in_most_documents_is_set_apart_not_flagged() -> None:
    template = (
        "本单位严格执行中央八项规定精神，厉行节约，从严控制一般性支出和三公经费，规范公务接待管理。"
    )
    bodies = [WATER, LIBRARY, CLINIC]
    documents = {f"d{i}": [template, bodies[i % 3][i % 3] + f"第{i}项"] for i in range(12)}
    options = ReuseOptions(common_min_documents=10, common_share=0.5)
    result = find_reuse(documents, options=options)
    assert all(d.common_paragraphs == 1 for d in result.documents.values())
    assert all(template not in (p.text_a, p.text_b) for p in result.pairs)


def test_a_paragraph_in_thousands_of_documents_gives_one_pair_per_copy_not_all_pairs() -> None:
    documents = {f"d{i}": [WATER[1]] for i in range(3000)}
    options = ReuseOptions(common_min_documents=10**6)  # not template: every copy is reuse
    result = find_reuse(documents, options=options)
    assert len(result.pairs) == 2999
    assert all(p.document_b == "d0" for p in result.pairs)


def test_normalising_drops_figures_marks_names_and_formulaic_sentences() -> None:
    text = "现将2023年度自评情况报告如下：县水务局完成投资1,520万元（增长12.5%）。"
    assert normalise(text, ["县水务局"]) == "完成投资〇元增长"


def test_signatures_are_datasketchs_minhash_of_the_shingles() -> None:
    forms = [normalise(p) for p in WATER + LIBRARY]
    options = ReuseOptions()
    ours = np.frombuffer(_minhash_signatures(forms, options), dtype=np.uint32)
    expected = []
    for form in forms:
        minhash = MinHash(num_perm=options.num_perm, scheme="affine32", hashfunc=index)
        minhash.update_batch(shingle_hashes(form, options.shingle).tolist())
        expected.append(minhash.hashvalues)
    assert (ours.reshape(len(forms), -1) == np.stack(expected)).all()
