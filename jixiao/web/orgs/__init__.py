"""Organisations and people: the org tree (财政局 → 主管部门 → 单位) and role memberships."""
