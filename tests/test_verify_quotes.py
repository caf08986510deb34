"""`factcheck verify-quotes`: are the quotes still on the live pages? Shown here on local fixtures: pages
served from 127.0.0.1, built from the captured snapshots, one of them since edited and one gone."""

import csv
import functools
import http.server
import shutil
import threading
from html import escape

import pytest

from factcheck.cli import main
from factcheck.data import Dataset
from factcheck.verify import page_text, verify_quotes


def _page(snapshot_text: str) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in snapshot_text.split("\n\n"))
    return f"<html><head><script>var x = 'not text';</script></head><body><nav>Menu</nav>{paragraphs}</body></html>"


def test_page_text_keeps_what_a_reader_reads_and_drops_scripts():
    text = page_text("<p>“The tide is <b>turning</b>,”</p><script>var quote = 'x';</script><p>Son said.</p>")
    assert "var quote" not in text and "Son said." in text
    assert text == '"The tide is turning," Son said.'  # inline markup does not split a quote; blocks do


def test_each_quote_is_reported_found_missing_or_unreachable(dataset):
    sources = [s for s in dataset.sources if dataset.snapshot(s.source_id)][:3]
    pages = {s.url: _page(dataset.snapshot(s.source_id).text) for s in sources}
    edited, gone = sources[1], sources[2]
    quote = next(e.quote for e in dataset.evidence if e.source_id == edited.source_id)
    pages[edited.url] = pages[edited.url].replace(escape(quote.split()[0]), "REWRITTEN", 1)

    def fetch(url):
        if url == gone.url:
            raise OSError("HTTP Error 404: Not Found")
        return pages[url]

    reports = verify_quotes(dataset, fetch, [s.source_id for s in sources])
    status = {(r.source.source_id, r.status) for r in reports}
    assert (sources[0].source_id, "found") in status
    assert (edited.source_id, "missing") in status
    assert {r.status for r in reports if r.source == gone} == {"unreachable"}


@pytest.fixture
def served(root, tmp_path):
    """A copy of data/ whose source URLs point at a local server holding pages made from the snapshots."""
    data = tmp_path / "data"
    shutil.copytree(root / "data", data)
    site = tmp_path / "site"
    site.mkdir()
    dataset = Dataset(data)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with open(data / "sources.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        (site / f"{row['source_id']}.html").write_text(_page(dataset.snapshot(row["source_id"]).text), encoding="utf-8")
        row["url"] = f"{base}/{row['source_id']}.html"
    with open(data / "sources.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    yield data, site
    server.shutdown()


def test_the_command_passes_when_every_quote_is_on_its_page(served, capsys):
    data, _ = served
    source = "cnbc-2016-12-06-softbank-50bn"
    assert main(["verify-quotes", "--data", str(data), "--source", source]) == 0
    assert "quotes found on the live pages" in capsys.readouterr().out


def test_the_command_names_each_quote_no_longer_on_its_page(served, capsys):
    data, site = served
    ev = next(e for e in Dataset(data).evidence if "tide is turning" in e.quote)
    page = site / f"{ev.source_id}.html"
    page.write_text(page.read_text(encoding="utf-8").replace("tide is turning", "tide is tuning"), encoding="utf-8")
    assert main(["verify-quotes", "--data", str(data), "--source", ev.source_id]) == 1
    assert f"missing: {ev.evidence_id}" in capsys.readouterr().err
