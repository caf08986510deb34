"""The book as a reader sees it, in headless Chromium, with no network beyond localhost."""

import functools
import http.server
import shutil
import threading

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


@pytest.fixture(scope="module")
def site(root):
    html = root / "_build" / "html"
    if not (html / "index.html").is_file():
        pytest.fail("_build/html is missing: the test command builds the book before running pytest")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    import os
    assert os.path.exists(CHROMIUM), "Debian's chromium is required: the test command installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):
    context = browser.new_context()
    # No network: anything not served by our localhost server is refused and recorded.
    outside = []

    def route(r):
        if r.request.url.startswith(site) or r.request.url.startswith("data:"):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    context.route("**/*", route)
    pg = context.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors, pg.outside = errors, outside
    yield pg
    context.close()


def _images_loaded(pg):
    return pg.evaluate("Array.from(document.images).filter(i => i.closest('.cell_output')).map(i => i.naturalWidth)")


def test_reader_goes_from_landing_to_a_claim_and_on_to_a_source(page, site):
    page.goto(f"{site}/index.html")
    page.wait_for_url("**/book/index.html")
    assert page.locator(".fc-bottom-line").is_visible()
    badges = page.locator("table.fc-verdicts .fc-badge")
    assert badges.count() > 10 and badges.first.is_visible()
    page.locator("table.fc-verdicts td:first-child a").first.click()
    page.wait_for_load_state()
    assert "/claims/" in page.url
    assert page.locator(".fc-verdict .fc-badge").first.is_visible()
    link = page.locator(".fc-evidence .fc-cite a").first
    href = link.get_attribute("href")
    assert href.startswith("http")
    page.locator("nav.bd-links a", has_text="Sources").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/book/sources.html")
    assert page.locator(f'a[href="{href}"]').count() >= 1, "the claim's source is listed on the sources page"
    assert page.errors == [], page.errors


def test_claim_page_charts_load(page, site):
    for path in ("book/claims/assets.html", "book/claims/precedent-2016.html", "book/aftermath.html"):
        page.goto(f"{site}/{path}")
        widths = _images_loaded(page)
        assert widths and all(w > 0 for w in widths), path
    assert page.errors == [], page.errors


def test_search_finds_a_claim_by_a_french_word(page, site):
    page.goto(f"{site}/search.html?q=n%C3%A9gociateur")
    page.wait_for_selector("#search-results li", timeout=15000)
    results = page.locator("#search-results li a").all_inner_texts()
    assert any("When, where, and what was said" in r for r in results), results


def test_phone_width_keeps_the_verdict_visible(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    pg = context.new_page()
    pg.goto(f"{site}/book/claims/amount.html")
    badge = pg.locator(".fc-verdict .fc-badge").first
    assert badge.is_visible()
    box = badge.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()
