"""The book as a reader sees it, in headless Chromium, with no network beyond localhost."""

from contextlib import contextmanager

import pytest

pytestmark = pytest.mark.browser



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
    return pg.evaluate("Array.from(document.querySelectorAll('img.fc-chart')).map(i => i.naturalWidth)")


def test_reader_goes_from_landing_to_a_claim_and_on_to_a_source(page, site):
    page.goto(f"{site}/index.html")
    page.wait_for_url("**/book/index.html")
    assert page.locator(".fc-bottom-line").is_visible()
    badges = page.locator("table.fc-verdicts .fc-badge")
    assert badges.count() > 5 and badges.first.is_visible()
    page.locator("table.fc-verdicts td:first-child a").first.click()
    page.wait_for_load_state()
    assert "/claims/" in page.url
    assert page.locator(".fc-verdict .fc-badge").first.is_visible()
    page.locator(".fc-decisive summary").first.click()  # the decisive sources, named, open to their quotes
    link = page.locator(".fc-decisive .fc-evidence a").first
    assert link.is_visible()
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
    links = page.locator("#search-results li a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert any("claims/announcement.html" in (href or "") for href in links), links


def test_phone_width_keeps_the_verdict_visible(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    pg = context.new_page()
    pg.goto(f"{site}/book/claims/amount.html")
    badge = pg.locator(".fc-verdict .fc-badge").first
    assert badge.is_visible()
    box = badge.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()


# --- every claim page, at phone and desktop widths --------------------------------------------

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
CLAIM_PAGES = sorted({f"book/{p.page}.html" for p in __import__("factcheck.data", fromlist=["Dataset"])
                      .Dataset(__import__("conftest").ROOT / "data").passages})
OTHER_PAGES = ["book/index.html", "book/methodology.html", "book/sources.html", "book/about-article.html",
               "book/aftermath.html", "book/corrections.html"]
TRACKER = "book/tracker.html"
CLAIM_PAGES += [f"fr/{p}" for p in CLAIM_PAGES]  # the French edition, held to the same rules
OTHER_PAGES += [f"fr/{p}" for p in OTHER_PAGES]


@pytest.fixture(scope="module")
def axe_source(root):
    path = root / "node_modules" / "axe-core" / "axe.min.js"
    assert path.is_file(), "axe-core is missing: `make test` installs it from package-lock.json (npm ci)"
    return path.read_text(encoding="utf-8")


@contextmanager
def opened(browser, url: str, viewport: dict):
    """A page at ``url`` in a fresh browser context of the given size, closed afterwards."""
    context = browser.new_context(viewport=viewport)
    pg = context.new_page()
    pg.goto(url)
    try:
        yield pg
    finally:
        context.close()


def _axe(pg, axe_source):
    pg.add_script_tag(content=axe_source)
    return pg.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`)""")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("path", CLAIM_PAGES)
def test_claim_page_puts_the_rating_and_reason_first_and_passes_axe(browser, site, axe_source, path, viewport):
    with opened(browser, f"{site}/{path}", viewport) as pg:
        verdict = pg.locator(".fc-verdict").first
        box = verdict.bounding_box()
        assert verdict.locator(".fc-badge").is_visible() and box is not None
        assert box["y"] + box["height"] <= viewport["height"], f"{path}: the rating and its reason end below the fold"
        if viewport is DESKTOP:  # axe audits the page's markup and colours, the same at both widths: once is enough
            assert _axe(pg, axe_source) == [], path


@pytest.mark.parametrize("path", OTHER_PAGES)
def test_every_other_page_passes_axe(browser, site, axe_source, path):
    with opened(browser, f"{site}/{path}", DESKTOP) as pg:
        assert _axe(pg, axe_source) == [], path


@pytest.mark.parametrize("path", ["book/index.html", "fr/book/index.html"], ids=["en", "fr"])
def test_the_landing_page_opens_with_the_bottom_line_and_keeps_the_reasons_on_a_phone(browser, site, path):
    with opened(browser, f"{site}/{path}", PHONE) as pg:
        assert pg.locator(".fc-bottom-line").bounding_box()["y"] < PHONE["height"], "the bottom line is not on screen one"
        reasons = pg.locator("table.fc-verdicts tbody tr td:nth-child(3)")
        assert reasons.count() > 5 and all(reasons.nth(i).is_visible() for i in range(reasons.count()))


def test_show_the_computation_reveals_code_that_calls_a_check(page, site):
    page.goto(f"{site}/book/claims/amount.html")
    toggle = page.locator("details.hide summary", has_text="See how we checked").first
    code = page.locator("details.hide .cell_input").first
    assert not code.is_visible()
    toggle.click()
    assert code.is_visible()
    assert "checks.run_check(" in code.inner_text()
    assert page.errors == [], page.errors


@pytest.mark.parametrize("tracker", [TRACKER, f"fr/{TRACKER}"], ids=["en", "fr"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_the_tracker_shows_each_status_first_with_its_chart_and_passes_axe(browser, site, axe_source, viewport,
                                                                           tracker):
    with opened(browser, f"{site}/{tracker}", viewport) as pg:
        first = pg.locator(".fc-promise-card").first  # the tracker opens with a card per promise
        assert first.locator(".fc-status").is_visible()
        assert first.bounding_box()["y"] + first.bounding_box()["height"] <= viewport["height"] * 1.6
        widths = _images_loaded(pg)
        assert widths and all(w > 0 for w in widths)
        assert _axe(pg, axe_source) == []


# --- the French edition ----------------------------------------------------------------------------

def test_a_french_reader_goes_to_a_claim_switches_to_english_and_back(page, site):
    page.goto(f"{site}/fr/index.html")
    page.wait_for_url("**/fr/book/index.html")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".fc-bottom-line").inner_text().startswith("L’essentiel")
    page.locator("table.fc-verdicts td:first-child a").first.click()
    page.wait_for_load_state()
    claim = page.url.split("#")[0]
    assert "/fr/book/claims/" in claim and page.locator(".fc-verdict .fc-badge").first.is_visible()
    french_heading = page.locator("h1").first.inner_text()
    page.locator(".fc-language-switch a", has_text="English").click()
    page.wait_for_load_state()
    assert page.url == claim.replace("/fr/book/", "/book/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() != french_heading
    page.locator(".fc-language-switch a", has_text="Français").click()
    page.wait_for_load_state()
    assert page.url == claim and page.locator("h1").first.inner_text() == french_heading
    assert page.errors == [] and page.outside == [], (page.errors, page.outside)


def test_the_french_search_finds_a_page_by_a_french_word_in_another_form(page, site):
    """French stemming: « promesses » finds the pages that say « promesse »."""
    page.goto(f"{site}/fr/search.html?q=promesses")
    page.wait_for_selector("#search-results li", timeout=15000)
    results = page.locator("#search-results li a").all_inner_texts()
    assert any("Suivi des promesses" in r or "promesse" in r.lower() for r in results), results


def test_the_french_computation_opens_with_a_french_label(page, site):
    """The toggle speaks French; the code behind it (and its comments) is the same in both editions."""
    page.goto(f"{site}/fr/book/claims/amount.html")
    page.locator("details.hide summary", has_text="Voir comment nous avons vérifié").first.click()
    code = page.locator("details.hide .cell_input").first.inner_text()
    assert "checks.run_check(" in code
