"""The web page in a real browser: Debian's Chromium driven by Playwright, against a real
server process. English and Chinese, an assumption switched, a file screened and downloaded,
and an accessibility scan (axe-core) with no serious violations.

Playwright's own browser download is not reachable here: the tests use the system Chromium
(`apt install chromium`, which `.ci/run` does). Without it they skip, unless
VISARULES_REQUIRE_BROWSER=1 (CI), where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("VISARULES_REQUIRE_BROWSER") == "1":
        raise RuntimeError("Chromium is required (apt install chromium)")
    pytest.skip("no system Chromium (apt install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from visarules.web.process import served  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHOTS = os.environ.get("VISARULES_SCREENSHOTS")  # a folder (docs/) to keep the screenshots in


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with served() as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def _shot(page: Page, name: str, tmp_path: Path) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=False)


def _fill_k_case(page: Page) -> None:
    page.fill("#f-citizenship", "IN")
    page.fill("#f-education-0-institution", "清華大學")
    page.fill("#f-education-0-country", "CN")
    page.fill("#f-education-0-field", "Computer Science")
    page.fill("#f-education-0-level", "硕士")
    page.fill("#f-education-0-completed", "2021-06")
    page.fill("#f-as-of", "2025-11-01")


def test_english_k_case_with_a_citation_link(server: str, page: Page, tmp_path: Path) -> None:
    page.goto(f"{server}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    _fill_k_case(page)
    read_as = page.locator('.read-as[data-for="f-education-0-institution"]')
    expect(read_as).to_contain_text("Tsinghua University")  # what "清華大學" was read as
    page.locator("#f-citizenship").scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, "form-en.png", tmp_path)
    page.click("#submit")
    badge = page.locator("#visa-CN-K .badge")
    expect(badge).to_have_attribute("data-status", "eligible")
    expect(badge).to_have_text("eligible")
    link = page.locator("#visa-CN-K .citations a").first
    expect(link).to_have_attribute(
        "href", "https://www.gov.cn/zhengce/content/202508/content_7036507.htm"
    )
    _shot(page, "results-en.png", tmp_path)


def test_chinese_page_and_statuses(server: str, page: Page, tmp_path: Path) -> None:
    page.goto(f"{server}/?lang=zh")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("label[for=f-citizenship]")).to_contain_text("国籍")
    _fill_k_case(page)
    page.click("#submit")
    expect(page.locator("#visa-CN-K .badge")).to_have_text("符合条件")
    expect(page.locator("#visa-CN-K h2")).to_contain_text("K字签证")
    expect(page.locator("#visa-CN-K .why")).to_contain_text("知名高校")  # the law's own words
    _shot(page, "results-zh.png", tmp_path)


def test_switching_an_assumption_changes_a_status(server: str, page: Page) -> None:
    page.goto(f"{server}/")
    _fill_k_case(page)
    page.fill("#f-education-0-institution", "IIT Bombay")
    page.fill("#f-education-0-country", "IN")
    page.click("#submit")
    expect(page.locator("#visa-CN-K .badge")).to_have_attribute("data-status", "eligible")
    page.select_option("#assume-cn-k-well-known", "top100")
    page.click("#recheck-submit")
    expect(page.locator("#visa-CN-K .badge")).to_have_attribute("data-status", "undetermined")


def test_missing_facts_link_back_to_their_field(server: str, page: Page) -> None:
    page.goto(f"{server}/")
    page.fill("#f-citizenship", "FR")
    page.click("#submit")
    link = page.locator('#visa-CN-L .missing a[href="#f-plan-purpose"]')
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("#f-plan-purpose")).to_be_in_viewport()


def test_upload_a_file_and_download_the_results(server: str, page: Page, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    pl.DataFrame(
        {
            "id": ["a", "b", "c"],
            "citizenship": ["IN", "XX", "FR"],
            "education[0].institution": ["IIT Bombay", None, None],
            "education[0].field": ["Computer Science", None, None],
            "education[0].level": ["bachelor", None, None],
            "education[0].completed": ["2020-06", None, None],
        }
    ).write_csv(people)
    page.goto(f"{server}/batch")
    page.set_input_files("#f-file", str(people))
    page.fill("#f-as-of", "2025-11-01")
    page.click("#upload")
    expect(page.locator("#job-status")).to_have_attribute("data-status", "done", timeout=60_000)
    expect(page.locator("#job-rows")).to_have_text("3 / 2 / 1")
    with page.expect_download() as info:
        page.click("#download-results")
    saved = tmp_path / "results.csv"
    info.value.save_as(saved)
    results = pl.read_csv(saved)
    assert results["id"].to_list() == ["a", "c"]
    assert results["CN-K.status"].to_list()[0] == "eligible"


def _serious(page: Page) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    report = Axe().run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
        for v in report.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_accessibility_no_serious_violations(server: str, page: Page) -> None:
    page.goto(f"{server}/")
    assert _serious(page) == []
    _fill_k_case(page)
    page.click("#submit")
    expect(page.locator("#visa-CN-K .badge")).to_be_visible()
    assert _serious(page) == []
    page.goto(f"{server}/batch?lang=zh")
    assert _serious(page) == []
