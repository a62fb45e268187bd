"""The command line: a stable contract that scripts and other systems rely on.

Each module registers its commands on the one Typer app in ``main``.
Exit codes: 0 success (no error-level finding), 1 error-level findings, 2 unreadable input.
"""
