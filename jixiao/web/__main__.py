"""``python -m jixiao.web ARGS`` — Django's manage.py for the jixiao project."""

from __future__ import annotations

import os
import sys

from jixiao.web import settings_module


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
