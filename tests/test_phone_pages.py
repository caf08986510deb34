"""Every page of both editions on a 390 px phone, as a reader scrolls it: nothing is wider than the screen, and
each kind of page keeps to the length a reader gets through (details collapsed): a claim page four screens, the
landing page and the methodology six. The budgets hold in French too, which runs longer than English."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
BUDGETS = {"claims/": 4, "index.html": 6, "methodology.html": 6}
"""Phone screens (844 px each) per kind of page: a page whose name starts or ends so is held to it."""

WIDEST = """() => {
  const inside = [...document.querySelectorAll('main table, main img, main pre, main figure, main .sd-dropdown')];
  return Math.max(document.documentElement.scrollWidth,
                  ...inside.map(e => Math.ceil(e.getBoundingClientRect().right)));
}"""


def reader_pages(root):
    html = root / "_build" / "html"
    return sorted(p.relative_to(html).as_posix() for p in html.glob("**/book/**/*.html")
                  if p.relative_to(html).parts[0] in ("book", "fr"))


def budget(path: str) -> int | None:
    name = path.split("book/", 1)[1]
    screens = next((n for key, n in BUDGETS.items() if name.startswith(key) or name == key), None)
    return screens * PHONE["height"] if screens else None


def test_every_page_fits_the_phone_width_and_its_kind_keeps_to_its_budget(browser, site, root):
    pages = reader_pages(root)
    assert len(pages) > 30 and any(p.startswith("fr/") for p in pages), pages
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    pg = context.new_page()
    too_wide, too_long, measured = [], [], 0
    for path in pages:
        pg.goto(f"{site}/{path}")
        width = pg.evaluate(WIDEST)
        if width > PHONE["width"]:
            too_wide.append(f"{path}: {width} px")
        limit = budget(path)
        if limit:
            measured += 1
            height = pg.evaluate("document.documentElement.scrollHeight")
            if height > limit:
                too_long.append(f"{path}: {height} px, over {limit // PHONE['height']} screens ({limit} px)")
    context.close()
    assert measured == sum(budget(p) is not None for p in pages) >= 24
    assert not too_wide, too_wide
    assert not too_long, too_long


@pytest.mark.parametrize("path, expected", [("book/claims/amount.html", 4 * 844), ("fr/book/index.html", 6 * 844),
                                            ("book/methodology.html", 6 * 844), ("book/tracker.html", None)])
def test_each_kind_of_page_gets_its_budget(path, expected):
    assert budget(path) == expected
