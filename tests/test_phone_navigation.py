"""A reader on a phone finds the book's pages: the menu button opens the navigation, in both editions; and every
page has its icon."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, site):
    """A page at phone size, touch included, recording console errors and failed requests."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("response", lambda r: pg.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield pg
    context.close()


@pytest.mark.parametrize("start, link, tracker", [
    ("book/claims/amount.html", "The pledge tracker", "book/tracker.html"),
    ("fr/book/claims/amount.html", "Le suivi des promesses", "fr/book/tracker.html"),
], ids=["en", "fr"])
def test_the_menu_button_opens_the_navigation_on_a_phone(phone, site, start, link, tracker):
    phone.goto(f"{site}/{start}")
    nav_link = phone.locator("nav.bd-links a", has_text=link)
    expect(nav_link).to_be_hidden()  # off screen until the reader asks for it
    button = phone.locator(".primary-toggle:visible")
    expect(button).to_have_count(1)

    button.tap()
    expect(nav_link).to_be_visible()
    expect(phone.locator("nav.bd-links")).to_be_in_viewport()  # on screen, not parked beside it
    phone.touchscreen.tap(PHONE["width"] - 20, PHONE["height"] // 2)  # beside the menu: it closes
    expect(nav_link).to_be_hidden()

    button.tap()
    nav_link.tap()
    phone.wait_for_url(f"{site}/{tracker}")
    expect(phone.locator("article h1")).to_contain_text(link)
    assert phone.errors == [], phone.errors


@pytest.mark.parametrize("path", ["book/index.html", "fr/book/claims/amount.html"], ids=["en", "fr"])
def test_every_page_has_its_icon_and_the_site_root_too(phone, site, path):
    phone.goto(f"{site}/{path}")
    icon = phone.evaluate("document.querySelector('link[rel=icon]').href")  # resolved against the page
    edition = path.split("book/")[0]  # "" or "fr/": each edition serves its own copy
    assert icon == f"{site}/{edition}_static/favicon.svg", icon
    response = phone.request.get(icon)
    assert response.status == 200 and response.headers["content-type"] == "image/svg+xml", (icon, response.status)
    assert "<svg" in response.text()
    # Browsers also ask for /favicon.ico by themselves: at the root of the site and of the French edition.
    for root in (site, f"{site}/fr"):
        ico = phone.request.get(f"{root}/favicon.ico")
        assert ico.status == 200 and ico.body()[:4] == b"\x00\x00\x01\x00", f"{root}/favicon.ico: {ico.status}"
    assert phone.errors == [], phone.errors
