"""Articles from the web: a URL (a page, a text or a feed), or a file listing URLs.

A fetch is bounded every way a server could make it hang or grow: a deadline for the
whole response (not only for each read), a size limit checked before and while reading,
a few redirects at most and only to http(s), and only the content types we can read
(HTML, text, feeds). Every failure is an `ArticleError` whose message is one line
(not found, timed out, too large, wrong type, no such host). A fetched page is cached
in the cache folder, keyed by its URL, with the date it was fetched: opening it again
within `MAX_AGE` shows the same text, so its review is found again.
"""

from __future__ import annotations

import hashlib
import http
import http.client
import json
import os
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit

from newsreader import __version__, article
from newsreader.article import Article, ArticleError
from newsreader.cleaning import printable

TIMEOUT = 20.0  # seconds for the whole response
MAX_REDIRECTS = 5
MAX_AGE = 24 * 3600  # seconds a cached page is shown instead of fetching it again
URL_LIST_SUFFIXES = {".urls"}
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.I)
_CHUNK = 64 * 1024
_LIST_HEAD = 64 * 1024  # how much of a text file is read to tell whether it lists URLs

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
_FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+xml",
}


@dataclass(frozen=True)
class Response:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # media type, lower case, without parameters ("" when not said)
    charset: str  # from the Content-Type header ("" when not said)
    body: bytes
    fetched: str  # when, ISO 8601 in UTC


def is_url(text: str) -> bool:
    """Is `text` one http(s) URL (and nothing else)?"""
    return _URL.fullmatch(text) is not None


def is_url_list(path: str) -> bool:
    """Is the file at `path` a list of URLs, one a line: a `.urls` file, or a text file
    whose every non-blank line is an http(s) URL?"""
    suffix = Path(path).suffix.lower()
    if suffix in URL_LIST_SUFFIXES:
        return True
    if suffix not in article.TEXT_SUFFIXES or not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(_LIST_HEAD)
    except OSError:
        return False
    lines = [line.strip() for line in head.decode("utf-8", "replace").splitlines()]
    return any(lines) and all(is_url(line) for line in lines if line)


def read_url_list(path: str) -> list[str]:
    """The URLs the file at `path` lists, in its order (lines starting `#` are comments);
    ArticleError when it cannot be read or lists none."""
    lines = article.read_file(path).decode("utf-8", "replace").splitlines()
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not urls:
        raise ArticleError(path, "lists no URLs")
    return urls


def load_url(
    url: str,
    *,
    max_bytes: int = article.DEFAULT_MAX_BYTES,
    timeout: float = TIMEOUT,
    max_age: float = MAX_AGE,
) -> list[Article]:
    """The article at `url` (a feed gives its items, each an article), from the cache
    when it was fetched less than `max_age` seconds ago; ArticleError on any failure."""
    if not is_url(url):
        raise ArticleError(url, "not an http(s) address")
    response = _cached(url, max_bytes, max_age)
    if response is None:
        response = fetch(url, max_bytes=max_bytes, timeout=timeout)
        _store(response)
    return _articles(response)


def fetch(url: str, *, max_bytes: int = article.DEFAULT_MAX_BYTES, timeout: float = TIMEOUT) -> Response:
    """GET `url`, following at most MAX_REDIRECTS redirects, within `timeout` seconds in
    all and `max_bytes` of body; only pages, texts and feeds are accepted."""
    try:
        request = urllib.request.Request(_ascii(url), headers={"User-Agent": f"newsreader/{__version__}"})
    except (UnicodeError, ValueError):
        raise ArticleError(url, "not a valid address") from None
    opener = urllib.request.build_opener(_BoundedRedirects())
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as reply:
            content_type = reply.headers.get_content_type() if reply.headers.get("Content-Type") else ""
            _check_type(url, content_type)
            length = reply.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                size, limit = article.size_text(int(length)), article.size_text(max_bytes)
                raise ArticleError(url, f"too large ({size}; the limit is {limit})")
            body = _read_within(reply, url, max_bytes, deadline, timeout)
            return Response(
                url=url,
                final_url=reply.geturl(),
                content_type=content_type,
                charset=reply.headers.get_content_charset() or "",
                body=body,
                fetched=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            )
    except urllib.error.HTTPError as err:
        raise ArticleError(url, _http_reason(err.code)) from None
    except urllib.error.URLError as err:
        raise ArticleError(url, _network_reason(err.reason, url, timeout)) from None
    except TimeoutError:
        raise ArticleError(url, f"timed out after {timeout:g} s") from None
    except http.client.InvalidURL:
        raise ArticleError(url, "not a valid address") from None
    except (http.client.HTTPException, ValueError) as err:
        raise ArticleError(url, f"the server's answer cannot be read ({type(err).__name__})") from None
    except OSError as err:
        raise ArticleError(url, _network_reason(err, url, timeout)) from None


def _ascii(url: str) -> str:
    """`url` as HTTP carries it: the host in IDNA, other letters beyond ASCII %-encoded."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port  # ValueError for a port out of range
    if host.isascii():
        netloc = parts.netloc
    else:
        netloc = host.encode("idna").decode("ascii") + (f":{port}" if port else "")
    rest = quote(url[url.index(parts.netloc) + len(parts.netloc) :], safe="/%:@!$&'()*+,;=?#~[]")
    return f"{parts.scheme}://{netloc}{rest}"


class _BoundedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise ArticleError(req.full_url, "redirected to an address that is not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any
    ) -> Any:
        # urllib says "infinite loop" for a loop and for a long chain alike: one message for both
        try:
            return super().http_error_302(req, fp, code, msg, headers)
        except urllib.error.HTTPError as err:
            if err.code in (301, 302, 303, 307, 308):
                raise ArticleError(req.full_url, f"too many redirects (more than {MAX_REDIRECTS})") from None
            raise

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _check_type(url: str, content_type: str) -> None:
    if content_type and content_type not in _HTML_TYPES | _TEXT_TYPES | _FEED_TYPES:
        raise ArticleError(url, f"not a page, a text or a feed ({_safe(content_type)})")


def _read_within(reply: Any, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body, refused as soon as it passes `max_bytes` or the deadline passes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise ArticleError(url, f"timed out after {timeout:g} s")
        chunk = reply.read1(_CHUNK) if hasattr(reply, "read1") else reply.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise ArticleError(url, f"too large (over {article.size_text(max_bytes)})")
        chunks.append(chunk)


def _http_reason(code: int) -> str:
    try:
        phrase = http.HTTPStatus(code).phrase.lower()
    except ValueError:
        phrase = "error"
    if code == 404:
        return "not found (HTTP 404)"
    return f"the server answered HTTP {code} ({phrase})"


def _network_reason(reason: object, url: str, timeout: float) -> str:
    host = _safe(urlsplit(url).hostname or "")
    if isinstance(reason, ArticleError):
        return reason.reason
    if isinstance(reason, socket.gaierror):
        return f"no such host: {host}"
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host}"
    if isinstance(reason, ssl.SSLError):
        return f"a secure connection to {host} failed ({_safe(reason.reason or 'TLS error')})"
    if isinstance(reason, OSError):
        return f"cannot be fetched ({_safe(reason.strerror or str(reason))})"
    return f"cannot be fetched ({_safe(str(reason))})"


def _articles(response: Response) -> list[Article]:
    """The response's article (or a feed's items), noting where and when it was fetched."""
    from newsreader import feeds

    kind = response.content_type
    if kind in _FEED_TYPES or (not kind and feeds.looks_like_feed(response.body)):
        if not feeds.looks_like_feed(response.body):  # XML of another kind (a sitemap, say)
            raise ArticleError(response.url, "not a feed (RSS or Atom)")
        items = feeds.parse_feed(response.body, response.url)
        return [_noted(item, response) for item in items]
    suffix = ".html" if kind in _HTML_TYPES else Path(urlsplit(response.final_url).path).suffix.lower()
    if kind == "text/markdown":
        suffix = ".md"
    page = article.parse(_as_utf8(response), response.url, suffix=suffix)
    # its link is where it was read from, after redirects (a feed's items keep their own)
    return [_noted(replace(page, url=article.byline_field(response.final_url)), response)]


def _as_utf8(response: Response) -> bytes:
    """The body re-encoded as UTF-8 when the server named another charset we know."""
    charset = response.charset.lower()
    if not charset or charset in ("utf-8", "utf8", "us-ascii", "ascii"):
        return response.body
    try:
        return response.body.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return response.body  # a wrong or unknown charset: the loader's own guess is better


def _noted(doc: Article, response: Response) -> Article:
    where = f"fetched from {_safe(response.final_url)} on {response.fetched}"
    return replace(doc, notes=(*doc.notes, where))


def _safe(text: str) -> str:
    """Text from a server, made fit for one line of a message."""
    return " ".join(printable(text).split())


# The cache: one JSON file of metadata and one of body per URL, named by the URL's hash.


def _cache_paths(url: str) -> tuple[Path, Path]:
    from newsreader.analysis.cache import cache_root

    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    folder = cache_root() / "pages"
    return folder / f"{key}.json", folder / f"{key}.body"


def _cached(url: str, max_bytes: int, max_age: float) -> Response | None:
    meta_path, body_path = _cache_paths(url)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        fetched = datetime.fromisoformat(meta["fetched"])
        if meta["url"] != url or time.time() - fetched.timestamp() > max_age:
            return None
        if body_path.stat().st_size > max_bytes:
            return None
        body = body_path.read_bytes()
        return Response(url, meta["final_url"], meta["content_type"], meta["charset"], body, meta["fetched"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or damaged: fetched afresh


def _store(response: Response) -> None:
    """Keep the response for next time; a cache that cannot be written is no failure."""
    meta_path, body_path = _cache_paths(response.url)
    meta = {
        "url": response.url,
        "final_url": response.final_url,
        "content_type": response.content_type,
        "charset": response.charset,
        "fetched": response.fetched,
    }
    try:
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        for path, data in ((body_path, response.body), (meta_path, json.dumps(meta).encode("utf-8"))):
            partial = path.with_suffix(f"{path.suffix}.{os.getpid()}.part")
            partial.write_bytes(data)
            os.replace(partial, path)
    except OSError:
        pass
