"""`jixiao frameworks list|show ID`: the shipped scoring frameworks and their indicator trees."""

from __future__ import annotations

import typer
from rich.table import Table
from rich.tree import Tree

from jixiao.cli.common import JsonOption, console, emit_json, read_framework, text
from jixiao.core.framework import Node
from jixiao.frameworks import shipped_frameworks

frameworks_app = typer.Typer(help="评价框架 / scoring frameworks", no_args_is_help=True)


@frameworks_app.command("list")
def list_frameworks(as_json: bool = JsonOption) -> None:
    """列出内置评价框架 / list the shipped frameworks."""
    packs = shipped_frameworks()
    if as_json:
        emit_json(
            [{"id": f.id, "name": f.name, "name_en": f.name_en, "source": f.source} for f in packs]
        )
        return
    table = Table("id", "名称 name", "依据 source")
    for pack in packs:
        table.add_row(pack.id, pack.name, pack.source)
    console.print(table)


def _node_label(node: Node) -> str:
    how = node.formula or (
        "部门个性指标" if node.department_indicators else "定性评价" if node.assessment else ""
    )
    method = f" · {node.method.type}" if node.method else ""
    return f"{node.name} [bold]{text(node.weight)}分[/]" + (
        f" [dim]{how}{method}[/]" if how else ""
    )


def _add(tree: Tree, node: Node) -> None:
    branch = tree.add(_node_label(node))
    for child in node.children:
        _add(branch, child)


@frameworks_app.command("show")
def show_framework(framework_id: str, as_json: bool = JsonOption) -> None:
    """显示框架的指标树 / show a framework's indicator tree (id or .yaml path)."""
    pack = read_framework(framework_id)
    if as_json:
        emit_json(pack.model_dump(mode="json", exclude_none=True))
        return
    tree = Tree(f"[bold]{pack.id}[/] {pack.name}（总分{text(pack.total)}）")
    for node in pack.indicators:
        _add(tree, node)
    console.print(tree)
    if pack.description:
        console.print(pack.description)


def register(app: typer.Typer) -> None:
    app.add_typer(frameworks_app, name="frameworks")
