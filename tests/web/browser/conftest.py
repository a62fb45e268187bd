"""Playwright (sync API) driving Debian's chromium against pytest-django's live server.

`playwright install` cannot download browsers on offline machines: the Debian package is launched
through executable_path. Tests skip only when chromium is absent outside CI (in CI they fail).
Screenshots go to docs/screenshots/ when JIXIAO_SCREENSHOTS=1, else to a temporary directory.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("JIXIAO_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(
                f"chromium not found at {CHROMIUM} (scripts/system/30-chromium.sh installs it)"
            )
        pytest.skip(f"chromium not found at {CHROMIUM}; run scripts/system/30-chromium.sh as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 1360, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def shots(tmp_path):
    folder = (
        REPO / "docs" / "screenshots" if os.environ.get("JIXIAO_SCREENSHOTS") == "1" else tmp_path
    )

    def shoot(page, name: str) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return shoot
