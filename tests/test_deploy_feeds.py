"""The feeds timer in deploy/: it runs `tanya feeds poll` on the same install as the bot's unit."""
from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict

import pytest

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"


def unit(name: str) -> dict[str, list[str]]:
    """`Section.Key` → values (systemd allows a key more than once)."""
    values: dict[str, list[str]] = defaultdict(list)
    section = ""
    for line in (DEPLOY / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        values[f"{section}.{key.strip()}"].append(value.strip())
    return values


def test_the_service_polls_with_the_bot_units_settings():
    bot, feeds = unit("tanya.service"), unit("tanya-feeds.service")
    assert feeds["Service.Type"] == ["oneshot"]
    assert feeds["Service.ExecStart"] == [bot["Service.ExecStart"][0].replace("tanya telegram", "tanya feeds poll")]
    for key in ("Service.User", "Service.Group", "Service.WorkingDirectory", "Service.ReadWritePaths"):
        assert feeds[key] == bot[key], key
    assert feeds["Service.EnvironmentFile"] == ["-" + bot["Service.EnvironmentFile"][0]]
    for setting in ("TANYA_DB=", "TANYA_CORPUS="):
        assert [v for v in feeds["Service.Environment"] if v.startswith(setting)] == \
               [v for v in bot["Service.Environment"] if v.startswith(setting)]


def test_the_timer_starts_the_service():
    timer = unit("tanya-feeds.timer")
    assert timer["Timer.Unit"] == ["tanya-feeds.service"]
    assert timer["Install.WantedBy"] == ["timers.target"] and timer["Timer.Persistent"] == ["true"]
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze not installed: the calendar expression is not checked")
    checked = subprocess.run(["systemd-analyze", "calendar", timer["Timer.OnCalendar"][0]], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
