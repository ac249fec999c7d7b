"""Fetching articles over HTTP, against a server the test starts on 127.0.0.1 (port 0):
pages, redirects, a 404, slow and trickling answers, huge bodies, wrong types, a feed.
No address but 127.0.0.1 is ever contacted."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from newsreader import cli, fetch
from newsreader.article import ArticleError

PAGE = b"""<!doctype html><html><head><title>Harbour talks resume | The Gazette</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour talks resume</h1>
<p>Dockers in Rotterdam voted on Tuesday to end a strike that had closed the port for a week.</p>
<p>"We got what we asked for," said union leader Pieter de Vries, who led the talks.</p>
</article><footer>Copyright 2026 The Gazette</footer></body></html>"""

FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour wire</title>
<item><title>Harbour talks resume</title><link>http://127.0.0.1/harbour</link>
<description>Mayor Ada Lintz said the harbour would reopen.</description></item>
<item><title>Bridge plan waits</title><description>Tom Brack said the plan would wait.</description></item>
</channel></rss>"""

LATIN1 = "Talks in Malmö\n\nBjörn Åberg met the mayor of Malmö on Monday.\n"
NOTES_MD = b"# Port notes\n\nDockers in **Rotterdam** voted.\n\n    code\n"
SLOW_SECONDS = 3.0


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        if self.path == "/page.html" or self.path == "/counted":
            self.answer(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/old":
            self.redirect("/page.html")
        elif self.path == "/loop":
            self.redirect("/loop")
        elif self.path == "/to-ftp":
            self.redirect("ftp://127.0.0.1/file")
        elif self.path == "/missing":
            self.answer(404, "text/html", b"<html><body>gone</body></html>")
        elif self.path == "/broken":
            self.answer(500, "text/plain", b"oops")
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.answer(200, "text/plain", b"late")
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "60")
            self.end_headers()
            for _ in range(60):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(SLOW_SECONDS / 60)
        elif self.path == "/huge":  # no Content-Length: the body runs to the connection's end
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"word " * 8192)
        elif self.path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10**10))
            self.end_headers()
            self.wfile.write(b"only this")
        elif self.path == "/picture.png":
            self.answer(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        elif self.path == "/feed.xml":
            self.answer(200, "application/rss+xml", FEED)
        elif self.path == "/sitemap.xml":
            self.answer(200, "application/xml", b'<?xml version="1.0"?><urlset></urlset>')
        elif self.path == "/latin1.txt":
            self.answer(200, "text/plain; charset=iso-8859-1", LATIN1.encode("latin-1"))
        elif self.path == "/caf%C3%A9/story":
            self.answer(200, "text/plain", b"Cafe talks\n\nThe owner spoke.\n")
        elif self.path == "/notes.md":
            self.answer(
                200, "text/markdown", b"# Port notes\n\nDockers in **Rotterdam** voted.\n\n    code\n"
            )
        else:
            self.answer(404, "text/plain", b"no such page")

    def answer(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (timed out, refused a body) is what these tests make


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a local server answering the routes of `Handler`."""
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def reason(url: str, **kwargs: float) -> str:
    with pytest.raises(ArticleError) as caught:
        fetch.load_url(url, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and message.startswith(url)
    return caught.value.reason


def test_a_page_is_fetched_and_its_main_text_extracted(server: str) -> None:
    [doc] = fetch.load_url(f"{server}/page.html")
    assert doc.source == f"{server}/page.html"
    assert doc.format == "html"
    assert "Pieter de Vries" in doc.text
    assert "Home" not in doc.text  # the navigation is not the article
    assert any(n.startswith(f"fetched from {server}/page.html on ") for n in doc.notes)


def test_a_redirect_is_followed_and_the_final_url_noted(server: str) -> None:
    [doc] = fetch.load_url(f"{server}/old")
    assert doc.source == f"{server}/old"
    assert any(f"fetched from {server}/page.html" in n for n in doc.notes)
    assert "Rotterdam" in doc.text
    assert doc.url == f"{server}/page.html"  # the link the reader shows and copies: where it was read


def test_a_feeds_items_keep_their_own_links_when_fetched(server: str) -> None:
    first, second = fetch.load_url(f"{server}/feed.xml")
    assert first.url == "http://127.0.0.1/harbour"
    assert second.url == ""  # an item without a link is not given the feed's


def test_redirects_are_bounded_and_only_to_http(server: str) -> None:
    assert reason(f"{server}/loop") == f"too many redirects (more than {fetch.MAX_REDIRECTS})"
    assert reason(f"{server}/to-ftp") == "redirected to an address that is not http(s)"


def test_http_errors_are_one_line(server: str) -> None:
    assert reason(f"{server}/missing") == "not found (HTTP 404)"
    assert reason(f"{server}/broken") == "the server answered HTTP 500 (internal server error)"


def test_a_slow_answer_hits_the_timeout(server: str) -> None:
    started = time.monotonic()
    assert reason(f"{server}/slow", timeout=0.3) == "timed out after 0.3 s"
    assert time.monotonic() - started < SLOW_SECONDS


def test_a_trickling_body_hits_the_deadline_for_the_whole_answer(server: str) -> None:
    # each byte comes well within the timeout; the whole answer does not
    started = time.monotonic()
    assert reason(f"{server}/trickle", timeout=0.5) == "timed out after 0.5 s"
    assert time.monotonic() - started < SLOW_SECONDS


def test_a_huge_body_is_refused_while_reading_and_a_declared_one_before(server: str) -> None:
    assert reason(f"{server}/huge", max_bytes=100_000) == "too large (over 97.7 KB)"
    assert reason(f"{server}/huge-declared", max_bytes=100_000).startswith("too large (9536.7 MB")


def test_wrong_content_types_are_refused(server: str) -> None:
    assert reason(f"{server}/picture.png") == "not a page, a text or a feed (image/png)"
    assert reason(f"{server}/sitemap.xml") == "not a feed (RSS or Atom)"


def test_a_feed_url_gives_its_items(server: str) -> None:
    items = fetch.load_url(f"{server}/feed.xml")
    assert [doc.title for doc in items] == ["Harbour talks resume", "Bridge plan waits"]
    assert items[0].source == f"{server}/feed.xml#1"
    assert "Ada Lintz" in items[0].text


def test_the_servers_charset_is_used_and_markdown_is_read_as_markdown(server: str) -> None:
    [text] = fetch.load_url(f"{server}/latin1.txt")
    assert "Björn Åberg" in text.text
    [notes] = fetch.load_url(f"{server}/notes.md")
    assert notes.format == "markdown" and notes.title == "Port notes"
    assert "**" not in notes.prose and "code" not in notes.prose


def test_an_address_beyond_ascii_is_encoded_and_a_bad_one_refused(server: str) -> None:
    [doc] = fetch.load_url(f"{server}/café/story")
    assert doc.title == "Cafe talks" and doc.source == f"{server}/café/story"
    assert reason("http://127.0.0.1:99999/story") == "not a valid address"


def test_no_such_host_and_a_refused_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert reason(f"http://127.0.0.1:{port}/x") == "connection refused by 127.0.0.1"

    def no_such_name(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)  # no resolver is asked
    assert reason("http://nowhere.invalid/story") == "no such host: nowhere.invalid"


def test_a_fetched_page_is_cached_by_url_with_its_date(server: str, tmp_path) -> None:
    url = f"{server}/counted"
    before = Handler.hits.get("/counted", 0)
    first = fetch.load_url(url)
    again = fetch.load_url(url)
    assert Handler.hits["/counted"] == before + 1
    assert again[0].text == first[0].text and again[0].notes == first[0].notes
    [meta] = list((tmp_path / "cache" / "pages").glob("*.json"))
    stored = json.loads(meta.read_text())
    assert stored["url"] == url and stored["fetched"][:4].isdigit()
    fetch.load_url(url, max_age=0)  # too old: fetched afresh
    assert Handler.hits["/counted"] == before + 2


def test_a_url_list_is_told_from_an_article(write) -> None:
    assert fetch.is_url_list(str(write("links.urls", "# from a colleague\nhttp://127.0.0.1:1/a\n")))
    assert fetch.is_url_list(str(write("links.txt", "http://127.0.0.1:1/a\n\nhttps://127.0.0.1:1/b\n")))
    assert not fetch.is_url_list(str(write("story.txt", "Talks resume\n\nhttp://127.0.0.1:1/a\n")))
    with pytest.raises(ArticleError, match="lists no URLs"):
        fetch.read_url_list(str(write("empty.urls", "# nothing yet\n")))


def test_analyze_reads_a_url_and_a_list_of_urls_saying_each_failure(server: str, write, capsys) -> None:
    links = write("links.urls", f"{server}/page.html\n{server}/missing\n{server}/feed.xml\n")
    status = cli.main(["analyze", "--format", "jsonl", "--no-bundled", str(links)])
    out, err = capsys.readouterr()
    assert status == cli.EXIT_PARTIAL
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["source"] for d in docs] == [
        f"{server}/page.html",
        f"{server}/feed.xml#1",
        f"{server}/feed.xml#2",
    ]
    assert err.strip() == f"newsreader: {server}/missing: not found (HTTP 404)"
    status = cli.main(["analyze", "--format", "jsonl", "--no-bundled", f"{server}/picture.png"])
    out, err = capsys.readouterr()
    assert status == cli.EXIT_USAGE and not out
    assert err.strip() == f"newsreader: {server}/picture.png: not a page, a text or a feed (image/png)"


def test_analyze_prints_one_document_for_one_page_and_a_list_for_a_feed(server: str, capsys) -> None:
    assert cli.main(["analyze", "--no-bundled", f"{server}/page.html"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["source"] == f"{server}/page.html"
    assert cli.main(["analyze", "--no-bundled", f"{server}/feed.xml"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [item["source"] for item in items] == [f"{server}/feed.xml#1", f"{server}/feed.xml#2"]


def test_the_reader_opens_a_url_as_an_article(server: str, monkeypatch) -> None:
    from newsreader.ui import launch

    opened = {}

    def run(doc, args, articles):  # the reader itself is tested elsewhere: here, what it is given
        opened.update(doc=doc, articles=articles)
        return 0

    monkeypatch.setattr(launch, "run", run)
    try:  # the reader refuses to start without a terminal, which tests have none of
        from newsreader.ui import terminal
    except ImportError:
        pass
    else:
        monkeypatch.setattr(terminal, "check", lambda: None)
    assert cli.main([f"{server}/old"]) == 0
    assert opened["doc"].source == f"{server}/old" and "Pieter de Vries" in opened["doc"].text
    assert opened["articles"] == []
    assert cli.main([f"{server}/missing"]) == cli.EXIT_USAGE
