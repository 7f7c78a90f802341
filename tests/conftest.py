"""Shared fixtures: real corpora in temporary folders and real index databases built from them."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
DATASETS = SHARED / "datasets"
TANYA = [sys.executable, "-m", "bot.cli"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the bundled corpus that a test may change."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, target)
    return target


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus indexed once for the whole run (read-only for tests)."""
    from index.build import build_index

    db = tmp_path_factory.mktemp("bundled") / "tanya.db"
    build_index(BUNDLED_CORPUS, db)
    return db


@pytest.fixture(scope="session")
def quality_work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder of the quality sets' indexes for the whole run: each set's corpus is indexed once."""
    return tmp_path_factory.mktemp("work")


def require_dataset(*parts: str) -> Path:
    path = DATASETS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"dataset not present: {path} (it lives in ../shared/datasets, beside the project)")
    return path


def indexed_copy(root: Path) -> tuple[Path, Path]:
    """The bundled corpus copied under `root` and indexed there: (corpus folder, database)."""
    from index.build import build_index

    corpus = root / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    db = root / "tanya.db"
    build_index(corpus, db)
    return corpus, db


@pytest.fixture(scope="module")
def web():
    """The stand-in news web on 127.0.0.1 with the hand-written stories (pages, feeds, bad cases)."""
    from tests.web_stub_server import HAND_WRITTEN, WebStub, install_site

    stub = WebStub().start()
    install_site(stub, HAND_WRITTEN)
    yield stub
    stub.stop()


@pytest.fixture(scope="module")
def stub():
    """The stand-in Telegram Bot API on 127.0.0.1 that the real bot process talks to."""
    from tests.telegram_stub_server import FAKE_TOKEN, StubBotApi

    server = StubBotApi(FAKE_TOKEN).start()
    yield server
    server.stop()
