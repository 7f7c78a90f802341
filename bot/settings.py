"""Settings of the Telegram bot, read from the environment and an optional `.env` file.

The token is a secret: it is validated here, kept out of `repr`, and `redact()` removes it from
any text before that text reaches a log or the terminal.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"

# "<bot id>:<secret>" as BotFather hands it out; the secret is 35 characters today, so accept a
# generous range rather than pin the exact length.
TOKEN_RE = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,100}$")
# Telegram's rule for the webhook secret_token header.
SECRET_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message is one line, safe to print."""


@dataclass
class Settings:
    token: str = field(repr=False)
    api_base_url: str = DEFAULT_API_BASE_URL
    api_file_url: str = "https://api.telegram.org/file/bot"
    allowed_chats: frozenset[int] | None = None  # None: everyone may use the bot
    admins: frozenset[int] = frozenset()
    rate_limit: int = 20  # questions per user per rate_window seconds
    rate_window: float = 60.0
    max_upload_bytes: int = 2 * 1024 * 1024
    send_rate: int = 30  # Bot API calls per second, all chats together (Telegram's own limit)
    pid_file: Path | None = None

    def redact(self, text: str) -> str:
        """`text` with the token (and its secret half on its own) replaced."""
        if not self.token:
            return text
        text = text.replace(self.token, "<TOKEN>")
        secret = self.token.split(":", 1)[-1]
        return text.replace(secret, "<TOKEN>") if len(secret) >= 8 else text


def parse_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file; `#` comments, `export ` prefixes and quotes allowed."""
    values: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return values
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].strip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[key] = value
    return values


def _id_set(raw: str, name: str) -> frozenset[int]:
    ids = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            ids.add(int(part))
        except ValueError:
            raise SettingsError(f"{name}: '{part}' bukan chat id (angka) yang sah") from None
    return frozenset(ids)


def _positive_int(raw: str, name: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}: '{raw}' bukan bilangan bulat") from None
    if value <= 0:
        raise SettingsError(f"{name} harus lebih dari 0")
    return value


def file_url_for(base_url: str) -> str:
    """The file download URL that belongs with a Bot API base URL (…/bot → …/file/bot)."""
    stripped = base_url.rstrip("/")
    if stripped.endswith("/bot"):
        return stripped[: -len("/bot")] + "/file/bot"
    return stripped + "/file/bot"


def load_settings(env: dict[str, str] | None = None, dotenv: Path | None = None) -> Settings:
    """Settings from the environment, falling back to `.env` in the working directory.

    Raises SettingsError (one line, no secret in it) when the token is missing or malformed.
    """
    environ = dict(os.environ) if env is None else dict(env)
    file_values = parse_dotenv(dotenv if dotenv is not None else Path.cwd() / ".env")
    merged = {**file_values, **{k: v for k, v in environ.items() if v != ""}}

    token = merged.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN belum diisi: set variabel lingkungan itu atau tulis di file .env "
            "(token dari @BotFather)"
        )
    if not TOKEN_RE.fullmatch(token):
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN tidak sah: bentuknya harus <angka>:<kode>, seperti yang diberikan "
            "@BotFather"
        )

    base_url = merged.get("TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL).strip()
    if not re.match(r"^https?://", base_url):
        raise SettingsError("TELEGRAM_API_BASE_URL harus diawali http:// atau https://")
    file_url = merged.get("TELEGRAM_API_FILE_URL", "").strip() or file_url_for(base_url)

    allowed_raw = merged.get("TANYA_ALLOWED_CHATS", "").strip()
    allowed = _id_set(allowed_raw, "TANYA_ALLOWED_CHATS") if allowed_raw else None
    admins = _id_set(merged.get("TANYA_ADMINS", ""), "TANYA_ADMINS")

    rate_limit = _positive_int(merged.get("TANYA_RATE_LIMIT", "20"), "TANYA_RATE_LIMIT")
    max_upload = _positive_int(merged.get("TANYA_MAX_UPLOAD_BYTES", str(2 * 1024 * 1024)), "TANYA_MAX_UPLOAD_BYTES")
    pid_file = merged.get("TANYA_PID_FILE", "").strip()
    send_rate = _positive_int(merged.get("TANYA_SEND_RATE", "30"), "TANYA_SEND_RATE")

    return Settings(
        token=token,
        api_base_url=base_url,
        api_file_url=file_url,
        allowed_chats=allowed,
        admins=admins,
        rate_limit=rate_limit,
        max_upload_bytes=max_upload,
        send_rate=send_rate,
        pid_file=Path(pid_file) if pid_file else None,
    )


class RedactingFilter(logging.Filter):
    """Removes the token from every log record (httpx and PTB put it in URLs and errors)."""

    def __init__(self, settings_or_token: Settings | str) -> None:
        super().__init__()
        token = settings_or_token if isinstance(settings_or_token, str) else settings_or_token.token
        self._settings = Settings(token=token)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self._settings.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._settings.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._settings.redact(record.stack_info)
        return True


def configure_logging(settings: Settings, level: int = logging.INFO) -> None:
    """Log to stderr, with the token redacted and httpx's per-request URL lines silenced."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    redactor = RedactingFilter(settings)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
