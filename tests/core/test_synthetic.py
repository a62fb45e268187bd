"""jixiao.core.synthetic: a unit-year does not depend on which others are generated (so a set is
streamed), the org tree is a tree of 主管部门 and their units, the error share is respected, and
every generated dossier is valid."""

from __future__ import annotations

from jixiao.core.dossier import dossier_from_data
from jixiao.core.synthetic import INJECTIONS, generate, org_tree, unit_year


def test_a_unit_year_is_the_same_whatever_else_is_generated() -> None:
    many = {(g.unit.code, g.year): g for g in generate(40, 3, seed=4)}
    unit = org_tree(40, seed=4)[37]
    alone = unit_year(unit, 2022, seed=4)
    assert alone == many[(unit.code, 2022)]


def test_the_tree_groups_units_under_their_department_and_grows_by_county() -> None:
    tree = org_tree(200, seed=1)
    assert len(tree) == len({u.code for u in tree}) == 200
    assert len({u.county for u in tree}) > 1
    departments = {u.name for u in tree if u.department == u.name}
    assert all(u.department in departments for u in tree)


def test_the_error_share_bounds_the_injections() -> None:
    assert not any(g.injections for g in generate(30, 1, seed=2, error_share=0))
    everything = list(generate(30, 1, seed=2, error_share=1))
    assert all(g.injections for g in everything)
    assert {i.kind for g in everything for i in g.injections} == set(INJECTIONS)


def test_every_generated_dossier_is_valid() -> None:
    for item in generate(30, 2, seed=3, error_share=0.5):
        dossier = dossier_from_data(item.data)
        assert dossier.profile.code == item.unit.code and dossier.year == item.year
