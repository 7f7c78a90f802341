"""A stand-in Telegram Bot API server on 127.0.0.1, for end-to-end tests of the real bot process.

Telegram itself is unreachable from the test machines, so this server plays its part: it serves
queued updates to getUpdates (long polling), answers the methods the bot calls, serves files for
getFile downloads, and records every call with its decoded parameters. It can also be told to
answer the next N calls of a method with 429 flood control, to prove the bot retries.

Bot API calls arrive as POST /bot<TOKEN>/<method>, urlencoded (python-telegram-bot sends every
non-string value JSON-encoded), multipart, or JSON. File downloads are GET /file/bot<TOKEN>/<path>.
"""
from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qsl, unquote, urlparse

from tests.loopback import close, serve

BOT_ID = 7000000001
BOT_USERNAME = "tanya_test_bot"
MAX_LONG_POLL = 1.0  # seconds; keeps shutdown quick whatever timeout the bot asks for
# Parameters that python-telegram-bot sends JSON-encoded and that tests want as objects.
JSON_PARAMS = {
    "reply_markup", "results", "link_preview_options", "allowed_updates", "commands",
    "reply_parameters", "entities", "button", "scope",
}
INT_PARAMS = {"chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "reply_to_message_id"}


ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "blockquote"}
ALLOWED_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class _TelegramHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ALLOWED_TAGS:
            raise ValueError(f"unsupported start tag <{tag}>")
        names = {name for name, _ in attrs}
        if (tag == "a" and names != {"href"}) or (tag != "a" and names):
            raise ValueError(f"unsupported attributes on <{tag}>: {sorted(names)}")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        raise ValueError(f"self-closing <{tag}/> is not Telegram HTML")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise ValueError(f"unbalanced </{tag}> (open: {self.stack})")
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.visible.append(data)

    def handle_comment(self, data: str) -> None:
        raise ValueError("comments are not Telegram HTML")


def check_telegram_html(text: str) -> str:
    """Raise ValueError unless `text` is Telegram-valid HTML; return the visible text.

    Stricter than Telegram in one way: only the tags Tanya is meant to use are accepted.
    """
    for m in re.finditer(r"&[^\s&;]*;?", text):
        if not ALLOWED_ENTITY_RE.match(text, m.start()):
            raise ValueError(f"unsupported entity or bare & at {m.start()}: {text[m.start():m.start() + 12]!r}")
    if re.search(r"<(?![/a-zA-Z])", text):
        raise ValueError("bare < in text")
    parser = _TelegramHtml()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise ValueError(f"unclosed tags: {parser.stack}")
    return "".join(parser.visible)


def tg_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200
    result: Any = None


def _decode(params: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in params.items():
        if key in JSON_PARAMS or (key in INT_PARAMS and isinstance(value, str)):
            try:
                out[key] = json.loads(value)
                continue
            except (TypeError, ValueError):
                pass
        out[key] = value
    return out


def _parse_multipart(content_type: str, body: bytes) -> dict[str, str]:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    params = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            payload = part.get_payload(decode=True) or b""
            params[name] = payload.decode("utf-8", errors="replace")
    return params


class StubBotApi:
    """Start with `start()`; `base_url` is what TELEGRAM_API_BASE_URL should be set to."""

    def __init__(self, token: str, username: str = BOT_USERNAME) -> None:
        self.token = token
        self.username = username
        self.calls: list[Call] = []
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id → (file_path, content)
        self.downloads: list[str] = []
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._failures: dict[str, list[int]] = {}  # method → remaining retry_after values
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> "StubBotApi":
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                stub._handle(self, "POST")

            def do_GET(self) -> None:
                stub._handle(self, "GET")

        self._server = serve(Handler)
        return self

    def stop(self) -> None:
        close(self._server)

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # -- what tests do ---------------------------------------------------------------------------
    def queue_update(self, update: dict) -> int:
        """Queue one update (without update_id) for the next getUpdates; returns its id."""
        with self._cond:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._cond.notify_all()
            return update["update_id"]

    def next_update_id(self) -> int:
        return next(self._update_ids)

    def add_file(self, file_id: str, file_path: str, content: bytes) -> None:
        self.files[file_id] = (file_path, content)

    def fail_next(self, method: str, times: int = 1, retry_after: int = 1) -> None:
        """Answer the next `times` calls of `method` with 429 flood control."""
        with self._cond:
            self._failures.setdefault(method, []).extend([retry_after] * times)

    def drop_next(self, method: str, times: int = 1) -> None:
        """Close the connection without answering the next `times` calls: a network error."""
        with self._cond:
            self._failures.setdefault(method, []).extend([0] * times)

    def calls_of(self, method: str, since: int = 0) -> list[Call]:
        with self._cond:
            return [c for c in self.calls[since:] if c.method == method]

    def mark(self) -> int:
        """Position in the call log, to look only at calls made after it."""
        with self._cond:
            return len(self.calls)

    def wait_for(
        self,
        method: str,
        predicate: Callable[[dict], bool] = lambda p: True,
        since: int = 0,
        timeout: float = 20.0,
        status: int | None = 200,
    ) -> Call:
        """The first call of `method` after position `since` whose params satisfy `predicate`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for call in self.calls[since:]:
                    if call.method == method and (status is None or call.status == status) and predicate(call.params):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [(c.method, c.status, str(c.params)[:200]) for c in self.calls[since:]]
                    raise TimeoutError(f"no {method} call matched within {timeout}s; calls since: {seen}")
                self._cond.wait(remaining)

    # -- the server side -------------------------------------------------------------------------
    def _record(self, method: str, params: dict, status: int = 200) -> None:
        with self._cond:
            self.calls.append(Call(method, params, status=status))
            self._cond.notify_all()

    def _handle(self, request: BaseHTTPRequestHandler, verb: str) -> None:
        path = unquote(urlparse(request.path).path)  # httpx sends the token's ":" as %3A in downloads
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        file_prefix = f"/file/bot{self.token}/"
        api_prefix = f"/bot{self.token}/"
        if path.startswith(file_prefix):
            return self._serve_file(request, path[len(file_prefix):])
        if not path.startswith(api_prefix):
            # Wrong or missing token: what Telegram answers.
            return self._reply(request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = path[len(api_prefix):]
        params = _decode(self._params(request, body))
        key = method.lower()
        with self._cond:
            pending = self._failures.get(key) or self._failures.get(method)
            retry_after = pending.pop(0) if pending else None
        if retry_after == 0:
            self._record(method, params, status=0)
            request.close_connection = True
            request.connection.shutdown(socket.SHUT_RDWR)
            return None
        if retry_after is not None:
            self._record(method, params, status=429)
            return self._reply(
                request,
                429,
                {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {retry_after}",
                    "parameters": {"retry_after": retry_after},
                },
            )
        if method == "getUpdates":
            result = self._get_updates(params)
            self._record(method, params)
            return self._reply(request, 200, {"ok": True, "result": result})
        handler = getattr(self, f"_m_{method}", None)
        status, payload = handler(params) if handler else (200, {"ok": True, "result": True})
        with self._cond:
            self.calls.append(Call(method, params, status=status, result=payload.get("result")))
            self._cond.notify_all()
        return self._reply(request, status, payload)

    def _params(self, request: BaseHTTPRequestHandler, body: bytes) -> dict[str, str]:
        content_type = request.headers.get("Content-Type", "")
        query = dict(parse_qsl(urlparse(request.path).query))
        if content_type.startswith("application/json"):
            data = json.loads(body or b"{}")
            return {**query, **{k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}}
        if content_type.startswith("multipart/form-data"):
            return {**query, **_parse_multipart(content_type, body)}
        return {**query, **dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))}

    def _reply(self, request: BaseHTTPRequestHandler, status: int, payload: dict | bytes) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/json" if isinstance(payload, dict) else "application/octet-stream")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _serve_file(self, request: BaseHTTPRequestHandler, file_path: str) -> None:
        for stored_path, content in self.files.values():
            if stored_path == file_path:
                self.downloads.append(file_path)
                return self._reply(request, 200, content)
        return self._reply(request, 404, {"ok": False, "error_code": 404, "description": "Not Found"})

    def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), MAX_LONG_POLL)
        deadline = time.monotonic() + wait
        with self._cond:
            while True:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or time.monotonic() >= deadline:
                    return list(self._updates[: int(params.get("limit") or 100)])
                self._cond.wait(max(deadline - time.monotonic(), 0.01))

    # -- methods ---------------------------------------------------------------------------------
    def _bot_user(self) -> dict:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Tanya", "username": self.username}

    def _m_getMe(self, params: dict) -> tuple[int, dict]:
        user = {
            **self._bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        return 200, {"ok": True, "result": user}

    def _message(self, params: dict, message_id: int | None = None) -> dict:
        chat_id = params.get("chat_id")
        chat = {"id": chat_id, "type": "private" if isinstance(chat_id, int) and chat_id > 0 else "supergroup"}
        if chat["type"] == "supergroup":
            chat["title"] = "Grup uji"
        return {
            "message_id": message_id or next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self._bot_user(),
            "text": params.get("text", ""),
        }

    def _m_sendMessage(self, params: dict) -> tuple[int, dict]:
        problem = self._text_problem(params)
        if problem:
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"}
        return 200, {"ok": True, "result": self._message(params)}

    @staticmethod
    def _text_problem(params: dict) -> str | None:
        """What Telegram would refuse: empty text, bad HTML, more than 4,096 characters."""
        text = params.get("text", "")
        visible = text
        if params.get("parse_mode") == "HTML":
            try:
                visible = check_telegram_html(text)
            except ValueError as exc:
                return f"can't parse entities: {exc}"
        if not visible.strip():
            return "message text is empty"
        if tg_len(visible) > 4096:
            return "message is too long"
        return None

    def _m_editMessageText(self, params: dict) -> tuple[int, dict]:
        problem = self._text_problem(params)
        if problem:
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"}
        if "inline_message_id" in params:
            return 200, {"ok": True, "result": True}
        return 200, {"ok": True, "result": self._message(params, params.get("message_id"))}

    def _m_getFile(self, params: dict) -> tuple[int, dict]:
        file_id = params.get("file_id")
        if file_id not in self.files:
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}
        file_path, content = self.files[file_id]
        return 200, {
            "ok": True,
            "result": {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(content), "file_path": file_path},
        }

    def _m_getWebhookInfo(self, params: dict) -> tuple[int, dict]:
        return 200, {"ok": True, "result": {"url": "", "has_custom_certificate": False, "pending_update_count": 0}}


# -- update builders: the shapes Telegram sends ---------------------------------------------------
_msg_ids = itertools.count(1)


def user(user_id: int, name: str = "Uji") -> dict:
    return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "id"}


def chat(chat_id: int) -> dict:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Uji"}
    return {"id": chat_id, "type": "supergroup", "title": "Grup uji"}


def message_update(chat_id: int, text: str, user_id: int | None = None, reply_to: dict | None = None) -> dict:
    """A text message; commands and @mentions get the entities Telegram would attach."""
    message: dict[str, Any] = {
        "message_id": next(_msg_ids),
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": user(user_id if user_id is not None else chat_id),
        "text": text,
    }
    entities = []
    utf16 = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731 - entity offsets are UTF-16
    command = re.match(r"^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16(command.group(0))})
    for m in re.finditer(r"(?<![/\w])@[A-Za-z0-9_]{5,}", text):
        entities.append({"type": "mention", "offset": utf16(text[: m.start()]), "length": utf16(m.group(0))})
    if entities:
        message["entities"] = entities
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    return {"message": message}


def document_update(chat_id: int, file_id: str, file_name: str, size: int, mime: str = "text/plain") -> dict:
    return {
        "message": {
            "message_id": next(_msg_ids),
            "date": int(time.time()),
            "chat": chat(chat_id),
            "from": user(chat_id),
            "document": {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": file_name, "mime_type": mime, "file_size": size},
        }
    }


def callback_update(chat_id: int, data: str, message_id: int, user_id: int | None = None) -> dict:
    return {
        "callback_query": {
            "id": f"cb{next(_msg_ids)}",
            "from": user(user_id if user_id is not None else chat_id),
            "chat_instance": f"ci{chat_id}",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat(chat_id),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Tanya", "username": BOT_USERNAME},
                "text": "…",
            },
        }
    }


def inline_update(user_id: int, query: str) -> dict:
    return {"inline_query": {"id": f"iq{next(_msg_ids)}", "from": user(user_id), "query": query, "offset": ""}}


# -- the real bot, as a child process ------------------------------------------------------------
REPO = Path(__file__).resolve().parents[1]
FAKE_TOKEN = "123456789:ABCdefGHIjklMNOpqrSTUvwxYZ0123456_-x"
BOT_COMMAND = [sys.executable, "-m", "bot.cli", "telegram"]


class BotProcess:
    """`python -m bot.cli telegram …` against a stub server, output captured to files."""

    def __init__(self, stub: StubBotApi, db_path, corpus_dir, workdir, env: dict[str, str] | None = None, args=()) -> None:
        self.stub = stub
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.cmd = [*BOT_COMMAND, "--db", str(db_path), "--corpus", str(corpus_dir), *args]
        base = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "TANYA_"))}
        self.env = {
            **base,
            "PYTHONPATH": str(REPO),
            "PYTHONUNBUFFERED": "1",
            "TELEGRAM_BOT_TOKEN": stub.token,
            "TELEGRAM_API_BASE_URL": stub.base_url,
            **(env or {}),
        }
        self.proc = None
        self._out = self.workdir / "bot.stdout"
        self._err = self.workdir / "bot.stderr"

    def start(self, ready_method: str | None = "getUpdates", timeout: float = 60.0) -> "BotProcess":
        mark = self.stub.mark()
        with open(self._out, "wb") as out, open(self._err, "wb") as err:
            self.proc = subprocess.Popen(self.cmd, cwd=self.workdir, env=self.env, stdout=out, stderr=err)
        if ready_method:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    self.stub.wait_for(ready_method, since=mark, timeout=0.5)
                    break
                except TimeoutError:
                    if self.proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"bot did not start (rc={self.proc.poll()}):\n{self.output()}") from None
        return self

    def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM, as systemd and docker send it; returns the exit code."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise
        return self.proc.returncode

    def output(self) -> str:
        text = ""
        for path in (self._out, self._err):
            if path.exists():
                text += path.read_text(encoding="utf-8", errors="replace")
        return text


def ask(stub: StubBotApi, chat_id: int, text: str, user_id: int | None = None, timeout: float = 30.0, reply_to: dict | None = None) -> dict:
    """Send a message to the bot and return the params of its (first) reply in that chat."""
    mark = stub.mark()
    stub.queue_update(message_update(chat_id, text, user_id, reply_to))
    return stub.wait_for("sendMessage", lambda p: p.get("chat_id") == chat_id, since=mark, timeout=timeout).params


def buttons(params: dict) -> list[dict]:
    markup = params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]
