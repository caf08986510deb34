"""Charts a reader can read where she reads them: at a phone's width (390 px) and a wide screen's (1280 px), in
both editions, every piece of text in every chart is shown at least as large as the page's small print (the
evidence lines), and never under 11 px; no text runs off its chart or over other text.

A chart is an SVG image with its text as text, so the size a reader sees is measured, not guessed: the font size
of its smallest ``<text>`` times the width the page shows the image at, over the width it was drawn at (its
viewBox). A raster chart fails: its text cannot be measured, and scaled to a phone it shrinks with the image.
"""

import re
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.browser

PAGES = ["book/claims/assets.html", "book/claims/precedent-2016.html", "book/aftermath.html", "book/tracker.html"]
EDITIONS = {"en": "", "fr": "fr/"}
VIEWPORTS = {"390px": {"width": 390, "height": 844}, "1280px": {"width": 1280, "height": 900}}
FLOOR = 11.0
"""px: no chart text smaller, whatever the page's small print."""
SMALL_PRINT = ".fc-cite p, .fc-byline p, .fc-note p, .fc-translation p"
"""The page's smallest body text: the evidence lines (who reported it, where) and their kin."""
REFERENCE = "book/claims/assets.html"
"""A page with evidence lines, for a page that has none (the timeline's)."""
SVG = "{http://www.w3.org/2000/svg}"


def _open(browser, site, path, viewport):
    context = browser.new_context(viewport=viewport)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith((site, "data:")) else r.abort())
    pg = context.new_page()
    pg.goto(f"{site}/{path}")
    pg.wait_for_load_state("load")
    return context, pg


def _small_print(pg) -> float | None:
    sizes = pg.evaluate(f"""Array.from(document.querySelectorAll({SMALL_PRINT!r}))
        .filter(e => e.getClientRects().length).map(e => parseFloat(getComputedStyle(e).fontSize))""")
    return min(sizes) if sizes else None


def _shown_charts(pg) -> list[dict]:
    """Each chart on the page: the images of its container a reader sees, with the width each is shown at."""
    return pg.evaluate("""Array.from(document.querySelectorAll('.fc-chart-variants, img.fc-chart'))
        .filter(e => e.matches('.fc-chart-variants') || !e.closest('.fc-chart-variants'))
        .map(chart => ({
            images: Array.from(chart.matches('img') ? [chart] : chart.querySelectorAll('img'))
                .filter(i => i.getClientRects().length && i.getBoundingClientRect().width > 0)
                .map(i => ({src: i.currentSrc || i.src, shown: i.getBoundingClientRect().width,
                            right: i.getBoundingClientRect().right, alt: i.alt, complete: i.complete})),
            hidden: Array.from(chart.matches('img') ? [chart] : chart.querySelectorAll('img'))
                .filter(i => !i.getClientRects().length).length,
        }))""")


def _svg_text_sizes(svg: str) -> tuple[float, list[float]]:
    """The width a chart was drawn at (its viewBox) and the font size of each piece of its text."""
    root = ET.fromstring(svg.encode("utf-8"))
    width = float(root.get("viewBox").split()[2])
    sizes = []
    for text in root.iter(f"{SVG}text"):
        style = text.get("style", "") + ";" + (f"font-size:{text.get('font-size')}" if text.get("font-size") else "")
        found = re.search(r"font-size:\s*([0-9.]+)(px)?", style) or re.search(r"font:[^;]*?([0-9.]+)px", style)
        assert found, f"a <text> without a size in px: {style}"
        sizes.append(float(found.group(1)))
    return width, sizes


def smallest_text(pg, image: dict) -> tuple[float, int]:
    """The size, in CSS px, at which a shown chart's smallest text is rendered, and how many texts it holds."""
    response = pg.request.get(image["src"])
    assert response.ok, image["src"]
    kind = response.headers.get("content-type", "")
    assert "svg" in kind, (f"{image['src']} is {kind}, not SVG: its text cannot be measured, and scaled to the "
                           f"column ({image['shown']:.0f} px) a raster chart's text shrinks with it")
    width, sizes = _svg_text_sizes(response.text())
    assert sizes, f"{image['src']}: no text as text (svg.fonttype must be 'none')"
    return min(sizes) * image["shown"] / width, len(sizes)


@pytest.fixture(scope="module")
def reference_small_print(browser, site):
    """The evidence lines' size on the reference page, per edition and width."""
    sizes = {}
    for lang, prefix in EDITIONS.items():
        for name, viewport in VIEWPORTS.items():
            context, pg = _open(browser, site, f"{prefix}{REFERENCE}", viewport)
            sizes[lang, name] = _small_print(pg)
            context.close()
            assert sizes[lang, name], f"no evidence line on {prefix}{REFERENCE} to measure"
    return sizes


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("path", PAGES)
def test_every_chart_text_is_at_least_as_large_as_the_page_small_print(browser, site, reference_small_print, path,
                                                                         lang, viewport):
    context, pg = _open(browser, site, f"{EDITIONS[lang]}{path}", VIEWPORTS[viewport])
    try:
        small = min(filter(None, (_small_print(pg), reference_small_print[lang, viewport])))
        rule = max(small, FLOOR)
        charts = _shown_charts(pg)
        assert charts, f"{lang} {path}: no chart"
        for chart in charts:
            assert len(chart["images"]) == 1, f"{lang} {path} at {viewport}: {len(chart['images'])} drawings shown"
            image = chart["images"][0]
            assert image["complete"] and len(image["alt"]) > 40, (path, image["alt"])
            assert image["right"] <= VIEWPORTS[viewport]["width"], f"{image['src']} runs off the screen"
            size, count = smallest_text(pg, image)
            assert size >= rule, (f"{lang} {path} at {viewport}: a chart's smallest text is {size:.1f} px, under "
                                  f"the page's small print ({rule:.1f} px): {image['src']} shown "
                                  f"{image['shown']:.0f} px wide")
    finally:
        context.close()


@pytest.mark.parametrize("lang", EDITIONS)
def test_no_chart_text_runs_off_the_chart_or_over_other_text(browser, site, lang):
    """Each drawing's texts, as the browser lays them out in the chart's own font: inside the drawing, and apart
    from each other (a French label longer than its English one would show here)."""
    context = browser.new_context()
    pg = context.new_page()
    sources = set()
    for path in PAGES:
        pg.goto(f"{site}/{EDITIONS[lang]}{path}")
        sources |= set(pg.evaluate("Array.from(document.querySelectorAll('img.fc-chart')).map(i => i.src)"))
    assert len(sources) >= 2 * 5, sources
    problems = []
    for src in sorted(sources):
        pg.goto(src)
        problems += pg.evaluate("""(src) => {
            const svg = document.documentElement, [, , W, H] = svg.getAttribute('viewBox').split(' ').map(Number);
            const boxes = Array.from(svg.querySelectorAll('text')).map(t => {
                const b = t.getBBox(), m = t.getCTM(), p = svg.createSVGPoint();
                p.x = b.x; p.y = b.y; const a = p.matrixTransform(m);
                p.x = b.x + b.width; p.y = b.y + b.height; const z = p.matrixTransform(m);
                return {text: t.textContent, x0: Math.min(a.x, z.x), y0: Math.min(a.y, z.y),
                        x1: Math.max(a.x, z.x), y1: Math.max(a.y, z.y)};
            });
            const out = [];
            const name = src.split('/').pop();
            for (const b of boxes) {
                if (b.x0 < -1 || b.y0 < -1 || b.x1 > W + 1 || b.y1 > H + 1)
                    out.push(`${name}: "${b.text}" runs off the chart`);
            }
            for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
                const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
                if (dx > 1 && dy > 3) out.push(`${name}: "${a.text}" over "${b.text}"`);
            }
            return out;
        }""", src)
    context.close()
    assert not problems, "\n".join(problems)
