"""Polite, bounded HTTP fetching for adding articles by link and polling feeds.

Stdlib `urllib`, because every failure must come back with a reason an operator can act on
(HTTP status, timeout, too large, too many redirects, robots.txt, a private address), because
feeds need conditional requests (ETag / Last-Modified), and because each redirect hop has to be
checked again (robots.txt, address). trafilatura's downloader logs and returns None instead.

Limits: a User-Agent naming Tanya, a timeout per request (connect and each read, plus a deadline
for the whole body), a size limit enforced while reading, a redirect limit, robots.txt per site,
a delay between two requests to the same host, and no private or loopback addresses unless the
operator allows them (`TANYA_FETCH_ALLOW_PRIVATE=1`: an intranet, or the tests' local server).
"""
from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit, urlunsplit

from index import tanya_version

USER_AGENT = f"Tanya/{tanya_version()} (news question-answering bot; adds articles an operator asked for)"
ROBOTS_AGENT = "Tanya"  # the product token robots.txt rules are matched against

DEFAULT_TIMEOUT = 20.0  # seconds
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_HOST_DELAY = 1.0  # seconds between two requests to the same host
REDIRECT_CODES = (301, 302, 303, 307, 308)
READ_CHUNK = 64 * 1024


class FetchError(Exception):
    """A fetch that did not give a usable document; `reason` is Indonesian, for the operator."""

    def __init__(self, reason: str, *, transient: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient  # worth trying again later (timeout, 5xx, network)


class _LostRedirect(FetchError):
    """Redirects that lead nowhere (a bad target, a loop, too many): for robots.txt, RFC 9309
    counts that as a missing file, unlike a server that cannot be reached."""


@dataclass
class FetchSettings:
    """Limits for one run; `from_env` reads the TANYA_FETCH_* variables."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    host_delay: float = DEFAULT_HOST_DELAY
    allow_private: bool = False
    obey_robots: bool = True
    user_agent: str = USER_AGENT

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "FetchSettings":
        """TANYA_FETCH_TIMEOUT (s), TANYA_FETCH_MAX_BYTES, TANYA_FETCH_MAX_REDIRECTS,
        TANYA_FETCH_DELAY (s), TANYA_FETCH_ALLOW_PRIVATE (1/0)."""
        env = os.environ if env is None else env

        def number(name: str, default: float, kind=float):
            raw = (env.get(name) or "").strip()
            if not raw:
                return default
            try:
                value = kind(raw)
            except ValueError:
                raise ValueError(f"{name}: '{raw}' bukan angka") from None
            if value < 0:
                raise ValueError(f"{name} tidak boleh negatif")
            return value

        return cls(
            timeout=number("TANYA_FETCH_TIMEOUT", DEFAULT_TIMEOUT) or DEFAULT_TIMEOUT,
            max_bytes=number("TANYA_FETCH_MAX_BYTES", DEFAULT_MAX_BYTES, int) or DEFAULT_MAX_BYTES,
            max_redirects=number("TANYA_FETCH_MAX_REDIRECTS", DEFAULT_MAX_REDIRECTS, int),
            host_delay=number("TANYA_FETCH_DELAY", DEFAULT_HOST_DELAY),
            allow_private=(env.get("TANYA_FETCH_ALLOW_PRIVATE") or "").strip().lower() in ("1", "true", "yes", "ya"),
        )


@dataclass
class Fetched:
    """One response we accept: 200 with a body, or 304 (`not_modified`) to a conditional request."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str = ""  # media type only, lower case ("text/html")
    charset: str | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        """The body decoded: the declared charset, else UTF-8, else cp1252."""
        for encoding in (self.charset, "utf-8"):
            if encoding:
                try:
                    return self.body.decode(encoding)
                except (LookupError, UnicodeDecodeError):
                    continue
        return self.body.decode("cp1252", errors="replace")


def normalise_url(url: str) -> str:
    """A URL as we store and compare it: scheme and host lower case, no fragment, no default port."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def check_url(url: str) -> str:
    """The normalised URL, or FetchError when it is not an http(s) URL with a host."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError("bukan URL http(s)")
    try:
        parts.port
    except ValueError:
        raise FetchError("port URL tidak sah") from None
    return normalise_url(url)


class PrivateAddress(OSError):
    """A connection reached a loopback, private or link-local address."""

    def __init__(self, address: str) -> None:
        super().__init__(
            f"alamat jaringan lokal atau privat ({address}) tidak diizinkan "
            "(set TANYA_FETCH_ALLOW_PRIVATE=1 untuk mengizinkannya)"
        )
        self.address = address


def _check_public(address: str) -> None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    ip = getattr(ip, "ipv4_mapped", None) or ip
    if not ip.is_global:
        raise PrivateAddress(str(ip))


class _PeerCheck:
    """Checks the address actually connected to, so a host name that resolves to a public
    address when asked and to a private one when connecting (DNS rebinding) is refused too."""

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        try:
            _check_public(self.sock.getpeername()[0])  # type: ignore[attr-defined]
        except PrivateAddress:
            self.sock.close()  # type: ignore[attr-defined]
            raise


class _CheckedHTTPConnection(_PeerCheck, http.client.HTTPConnection):
    pass


class _CheckedHTTPSConnection(_PeerCheck, http.client.HTTPSConnection):
    pass


def _direct(request: urllib.request.Request) -> bool:
    """Not through a proxy (whose own address is the operator's business)."""
    return not request.has_proxy() and not getattr(request, "_tunnel_host", None)


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):  # noqa: D102
        return self.do_open(_CheckedHTTPConnection if _direct(req) else http.client.HTTPConnection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):  # noqa: D102
        connection = _CheckedHTTPSConnection if _direct(req) else http.client.HTTPSConnection
        return self.do_open(connection, req, context=self._context)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """We follow redirects ourselves, so each hop is checked (robots.txt, address, limit)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


class Fetcher:
    """Fetches within the limits of `settings`; keeps robots.txt and per-host timing for one run."""

    def __init__(self, settings: FetchSettings | None = None, sleep=time.sleep, clock=time.monotonic) -> None:
        self.settings = settings or FetchSettings.from_env()
        handlers = [_NoRedirect()]
        if not self.settings.allow_private:
            handlers += [_CheckedHTTPHandler(), _CheckedHTTPSHandler()]
        self._opener = urllib.request.build_opener(*handlers)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}
        self._sleep = sleep
        self._clock = clock
        self.requests = 0  # how many HTTP requests went out (for reports and tests)

    # -- public ------------------------------------------------------------------------------
    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5") -> Fetched:
        """GET `url`, following redirects within the limit; FetchError for anything but 200/304."""
        final, status, headers, body, hops = self._follow(
            check_url(url), accept, self.settings.max_redirects, self.settings.obey_robots, etag, last_modified)
        return self._result(url, final, status, headers, body, hops)

    # -- steps -------------------------------------------------------------------------------
    def _follow(self, url: str, accept: str, limit: int, obey_robots: bool, etag: str | None = None,
                last_modified: str | None = None) -> tuple[str, int, Message, bytes, list[str]]:
        """Request a checked `url`, following at most `limit` redirects ourselves so each hop is
        checked again (address, robots.txt when `obey_robots`); the final URL, its status, headers
        and body, and the hops. _LostRedirect for a bad target, a loop or too many redirects."""
        current = url
        hops: list[str] = []
        for _ in range(limit + 1):
            self._check_address(current)
            if obey_robots and not self._robots_allow(current):
                raise FetchError("robots.txt situs melarang Tanya membuka halaman ini")
            status, headers, body = self._request(current, etag, last_modified, accept)
            if status not in REDIRECT_CODES:
                return current, status, headers, body, hops
            location = headers.get("Location")
            if not location:
                raise FetchError(f"HTTP {status} tanpa tujuan pengalihan")
            hops.append(current)
            try:
                current = check_url(urljoin(current, location))
            except FetchError as error:
                raise _LostRedirect(error.reason) from None
            if current in hops:
                raise _LostRedirect("pengalihan berputar (redirect loop)")
        raise _LostRedirect(f"terlalu banyak pengalihan (lebih dari {limit})")

    def _result(self, url: str, final: str, status: int, headers: Message, body: bytes, hops: list[str]) -> Fetched:
        if status == 304:
            return Fetched(url, final, 304, redirects=hops)
        if status != 200:
            raise FetchError(_status_reason(status), transient=status >= 500 or status == 429)
        content_type = headers.get_content_type() if headers.get("Content-Type") else ""
        return Fetched(
            url=url,
            final_url=final,
            status=status,
            content_type=content_type,
            charset=headers.get_content_charset(),
            body=body,
            etag=headers.get("ETag"),
            last_modified=headers.get("Last-Modified"),
            redirects=hops,
        )

    def _request(self, url: str, etag: str | None, last_modified: str | None, accept: str) -> tuple[int, Message, bytes]:
        headers = {"User-Agent": self.settings.user_agent, "Accept": accept, "Accept-Encoding": "gzip"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._wait_for_host(url)
        self.requests += 1
        request = urllib.request.Request(url, headers=headers)
        timeout = self.settings.timeout
        try:
            response = self._opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as error:  # 3xx (not followed by urllib), 4xx, 5xx
            with error:
                return error.code, error.headers, b""
        except urllib.error.URLError as error:
            raise _network_error(error.reason, timeout) from None
        except (TimeoutError, socket.timeout):
            raise FetchError(f"waktu habis (lebih dari {timeout:g} detik)", transient=True) from None
        except http.client.HTTPException as error:
            raise FetchError(f"respons HTTP rusak ({type(error).__name__})", transient=True) from None
        except (OSError, ValueError) as error:
            raise _network_error(error, timeout) from None
        with response:
            body = self._read_body(response, timeout)
            return response.status, response.headers, _decoded(body, response.headers, self.settings.max_bytes)

    def _read_body(self, response, timeout: float) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(_too_large(limit))
        deadline = time.monotonic() + timeout
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = response.read(READ_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise FetchError(_too_large(limit))
                if time.monotonic() > deadline:
                    raise FetchError(f"waktu habis (lebih dari {timeout:g} detik)", transient=True)
                chunks.append(chunk)
        except (TimeoutError, socket.timeout):
            raise FetchError(f"waktu habis (lebih dari {timeout:g} detik)", transient=True) from None
        except http.client.HTTPException as error:  # IncompleteRead: the server hung up mid-page
            raise FetchError(f"respons HTTP rusak ({type(error).__name__})", transient=True) from None
        except OSError as error:
            raise _network_error(error, timeout) from None
        if declared and declared.isdigit() and size < int(declared):
            raise FetchError(f"respons HTTP rusak (terpotong: {size} dari {declared} byte)", transient=True)
        return b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None and self.settings.host_delay > 0:
            remaining = last + self.settings.host_delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last_request[host] = self._clock()

    def _check_address(self, url: str) -> None:
        """Before asking (and before robots.txt): every address the name resolves to must be public.
        The connection itself is checked again (`_PeerCheck`)."""
        if self.settings.allow_private:
            return
        host = urlsplit(url).hostname or ""
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except socket.gaierror:
            raise FetchError(f"nama host tidak dikenal: {host}", transient=True) from None
        for info in infos:
            try:
                _check_public(info[4][0])
            except PrivateAddress as error:
                raise FetchError(str(error)) from None

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """RFC 9309: a missing robots.txt (4xx, or more than five redirects; a redirect loop or a
        target that is no http(s) URL counts as that too) allows everything; one that cannot be
        read (5xx, network) forbids everything for now. Each redirect hop is checked like any other
        request (`_follow`)."""
        robots_url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            _, status, _, body, _ = self._follow(robots_url, "text/plain,*/*;q=0.5", DEFAULT_MAX_REDIRECTS,
                                                 obey_robots=False)
        except _LostRedirect:
            return None
        except FetchError:
            parser.disallow_all = True
            return parser
        if status == 200:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
            return parser
        if 400 <= status < 500:
            return None
        parser.disallow_all = True
        return parser


def _decoded(body: bytes, headers: Message, limit: int) -> bytes:
    """The body without its gzip/deflate transfer compression, itself held to the size limit
    (a small compressed page must not unpack into gigabytes)."""
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("", "identity") or not body:
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"kompresi {encoding} tidak didukung")
    for wbits in ((31,) if "gzip" in encoding else (15, -15)):  # deflate: zlib-wrapped, or raw
        inflater = zlib.decompressobj(wbits)
        try:
            data = inflater.decompress(body, limit + 1)
        except zlib.error:
            continue
        if len(data) > limit or inflater.unconsumed_tail:
            raise FetchError(_too_large(limit))
        return data
    raise FetchError(f"respons HTTP rusak (kompresi {encoding} tidak terbaca)")


def _status_reason(status: int) -> str:
    names = {
        400: "permintaan ditolak", 401: "perlu login", 403: "akses ditolak", 404: "halaman tidak ditemukan",
        410: "halaman sudah dihapus", 429: "terlalu banyak permintaan", 500: "galat server",
        502: "galat gateway", 503: "layanan tidak tersedia", 504: "gateway kehabisan waktu",
    }
    name = names.get(status) or ("galat server" if status >= 500 else "respons tidak terduga")
    return f"HTTP {status} ({name})"


def _too_large(limit: int) -> str:
    return f"terlalu besar (lebih dari {limit / 1024 / 1024:.1f} MB)"


def _network_error(reason, timeout: float) -> FetchError:
    if isinstance(reason, PrivateAddress):
        return FetchError(str(reason))
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return FetchError(f"waktu habis (lebih dari {timeout:g} detik)", transient=True)
    if isinstance(reason, ConnectionRefusedError):
        return FetchError("koneksi ditolak server", transient=True)
    if isinstance(reason, socket.gaierror):
        return FetchError("nama host tidak dikenal", transient=True)
    return FetchError(f"galat jaringan: {reason}", transient=True)
