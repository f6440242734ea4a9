"""`inci.scan_file`: a text file, a photo and bytes, told by their bytes; a photo gives the same
report as the `inci` command line, with its `ocr` evidence. The photo is rendered by the OCR
tests' renderer (tests/ocr/render.py); it needs the system's tesseract, and skips without it
(fails under CI=true)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

import inci
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "ocr"))


def test_text_files_and_bytes(tmp_path):
    path = tmp_path / "label.txt"
    path.write_text("Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media")
    report = inci.scan_file(path)
    assert report["vegan"] == "no" and "ocr" not in report
    assert inci.scan_file(path.read_bytes()) == report
    assert inci.scan_file(str(path)) == report
    with pytest.raises(ValueError, match="offset 5"):
        inci.scan_file(b"Aqua \xff Glycerin")
    with pytest.raises(TypeError, match="a path or bytes"):
        inci.scan_file(42)
    with pytest.raises(ValueError, match="unknown language"):
        inci.scan_file(b"\x89PNG\r\n\x1a\n", lang="klingon")


def test_a_photo_gives_the_command_lines_report(tmp_path, inci_bin):
    if shutil.which("tesseract") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tesseract missing, and CI=true")
        pytest.skip("tesseract is not installed")
    import render

    photo = tmp_path / "panel.png"
    render.render(render.FIXTURES[1]).save(photo)
    report = inci.scan_file(photo)
    cli = json.loads(
        subprocess.run([str(inci_bin), "scan", "--format", "json", str(photo)], capture_output=True, check=True).stdout
    )
    assert report == cli
    assert report["ocr"]["origin"]["method"] == "ocr"
    names = [i["name"] for i in report["ingredients"]]
    assert "HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA" in names
    # The same from bytes, whatever the name would have said.
    assert inci.scan_file(photo.read_bytes())["ingredients"] == report["ingredients"]
