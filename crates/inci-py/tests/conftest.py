"""Shared fixtures: the repository, the `inci` binary to compare with, the reference corpus."""

from __future__ import annotations

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def inci_bin() -> pathlib.Path:
    """The `inci` binary: $INCI_BIN, else target/release or target/debug, else built here."""
    given = os.environ.get("INCI_BIN")
    if given:
        return pathlib.Path(given)
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "inci"
        if path.exists():
            return path
    subprocess.run(["cargo", "build", "-p", "inci-cli"], cwd=ROOT, check=True)
    return ROOT / "target" / "debug" / "inci"


def shared_path(rel: str) -> pathlib.Path:
    """A file under ../shared; under CI=true its absence fails the test instead of skipping."""
    path = SHARED / rel
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} not found, and CI=true: the test cannot run")
        pytest.skip(f"{path} not found")
    return path
