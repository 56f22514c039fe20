"""The HTML report in a real headless Chromium: it renders, has its tables, logs no errors.

Skipped only when /usr/bin/chromium is absent (CI installs Debian's chromium and
chromium-driver). Selenium is pointed at the system chromedriver so that selenium-manager
never downloads anything. Set HITECH_SCREENSHOTS=1 to refresh docs/screenshots from the seed
specs' 2025 report.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import report_samples

from hitech_targets.report import write_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
    reason="needs Debian chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)",
)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    os.environ["SE_OFFLINE"] = "true"  # selenium-manager must never reach the network
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--window-size=1280,1600",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield browser
    finally:
        browser.quit()


def _png_pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the raw (filtered) scanlines of a PNG, decoded with zlib only."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def _open(driver: Any, path: Path) -> None:
    driver.get(path.as_uri())
    driver.get_log("browser")  # drop anything logged before this page


def _errors(driver: Any) -> list[dict[str, Any]]:
    return [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "zh_Hant_TW", "en"])
def test_report_renders_in_chromium(driver: Any, tmp_path: Path, locale: str) -> None:
    path = write_report(
        report_samples.scorecard(), tmp_path / f"report-{locale}.html", locale=locale, findings=()
    )
    driver.get(path.as_uri())
    logs = [e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]
    assert logs == []
    info = driver.execute_script(
        """
        const tables = [...document.querySelectorAll('table.status-table')];
        const rows = tables.flatMap(t => [...t.tBodies[0].rows]);
        const box = tables.length ? tables[0].getBoundingClientRect() : {width: 0, height: 0};
        return {
          lang: document.documentElement.lang,
          tables: tables.length,
          rows: rows.length,
          width: box.width,
          height: box.height,
          scripts: document.scripts.length,
          svgs: document.querySelectorAll('svg title').length,
          statuses: rows.map(r => r.dataset.status),
          badge: rows.length ? rows[0].querySelector('.badge').innerText : '',
          quote: [...document.querySelectorAll('blockquote')].map(b => b.innerText).join('\\n'),
          alerts: window.__alerted === undefined ? 0 : 1,
        };
        """
    )
    assert info["lang"] == {"zh_Hans_CN": "zh-Hans", "zh_Hant_TW": "zh-Hant", "en": "en"}[locale]
    assert info["tables"] == 3
    assert info["rows"] == 6  # 4 goals + 2 parts of the compound goal
    assert info["width"] > 400 and info["height"] > 100
    assert info["scripts"] == 0  # the <script> of a quote is text, not an element
    assert "<script>alert(1)</script>" in info["quote"]
    assert info["svgs"] >= 2
    assert info["statuses"][:2] == ["met", "missed"]
    assert info["badge"].strip() in {"✓ 已完成", "✓ Met"}

    png = driver.get_screenshot_as_png()
    width, height, raw = _png_pixels(png)
    assert (width, height) >= (800, 600)
    assert len(set(raw)) > 64  # text, badges and charts: many distinct byte values
    stride = len(raw) // height
    lines = {raw[i * stride + 1 : (i + 1) * stride] for i in range(0, height, 8)}
    assert len(lines) > 20  # not a blank or uniform page


@pytest.mark.skipif(
    not os.environ.get("HITECH_SCREENSHOTS"), reason="set HITECH_SCREENSHOTS=1 to refresh"
)
@pytest.mark.parametrize("locale", ["zh_Hans_CN", "zh_Hant_TW", "en"])
def test_refresh_screenshots(driver: Any, tmp_path: Path, locale: str) -> None:
    from hitech_targets.loader import load
    from hitech_targets.reconcile import reconcile

    ledger = load(ROOT / "specs")
    card = reconcile(ledger, 2025, entity="xiamen-torch", as_of="2026-03-31")
    path = write_report(card, tmp_path / "report.html", locale=locale)
    driver.get(path.as_uri())
    assert _errors(driver) == []
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(int(height) + 40, 3000))
    target = ROOT / "docs" / "screenshots" / f"report-{locale}.png"
    target.write_bytes(driver.get_screenshot_as_png())
