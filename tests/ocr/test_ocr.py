"""Photos and PDF artwork through `inci scan` and `inci lint`: label images rendered by the
test itself from known lists (tests/ocr/render.py: several fonts and sizes, a two-column
panel, French and Korean text, a slight rotation with blur, small blurred text saved as JPEG)
and PDF artwork written by reportlab, each read back and compared with the list it came from.

Item accuracy: the resolved names of the photo's report against those of its transcription,
aligned in order (a longest common subsequence), over the transcription's items. The figures
go to target/ocr/accuracy.md (the README quotes them). Needs tesseract with eng, fra and kor
data and poppler-utils (scripts/test.sh installs them); without them the tests skip, and fail
under CI=true.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess

import pytest

import render

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "ocr"
BINARY = os.environ.get("INCI_BIN", str(ROOT / "target" / "debug" / "inci"))
RESULTS: dict[str, tuple[int, int, int, int]] = {}


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} missing, and CI=true")
        pytest.skip(f"{tool} is not installed (apt install tesseract-ocr poppler-utils)")


@pytest.fixture(scope="module")
def images() -> dict[str, pathlib.Path]:
    need("tesseract")
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    for lang in ["eng", "fra", "kor"]:
        if lang not in langs:
            if os.environ.get("CI") == "true":
                pytest.fail(f"tesseract has no {lang} data, and CI=true")
            pytest.skip(f"tesseract has no {lang} data (apt install tesseract-ocr-{lang})")
    return render.write_all(OUT)


def inci(*args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BINARY, *args], capture_output=True, text=True, check=check, env={**os.environ, **(env or {})}
    )


def scan_json(*args: str) -> dict:
    return json.loads(inci("scan", "--format", "json", *args).stdout)


def names(report: dict) -> list[str]:
    return [i["name"] or f"?{i['raw'].strip()}" for i in report["ingredients"]]


def aligned(truth: list[str], got: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) of equal names in a longest common subsequence of the two lists."""
    n, m = len(truth), len(got)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = best[i + 1][j + 1] + 1 if truth[i] == got[j] else max(best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if truth[i] == got[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def compare(fixture: render.Fixture, path: pathlib.Path) -> tuple[dict, dict, list[tuple[int, int]]]:
    lang = ["--lang", fixture.lang]
    truth = scan_json("--text", fixture.text, *lang)
    photo = scan_json(str(path), *lang)
    pairs = aligned(names(truth), names(photo))
    checked = sum(1 for item in photo["ocr"]["items"] if item["check"])
    RESULTS[fixture.name] = (len(pairs), len(truth["ingredients"]), len(photo["ingredients"]), checked)
    write_results()
    return truth, photo, pairs


def write_results() -> None:
    lines = ["| fixture | items read right | items in the photo's report | marked check |", "|---|---|---|---|"]
    for name, (right, total, got, checked) in RESULTS.items():
        lines.append(f"| {name} | {right} of {total} ({100 * right / max(total, 1):.1f} %) | {got} | {checked} |")
    (OUT / "accuracy.md").write_text("\n".join(lines) + "\n")


CLEAN = [f for f in render.FIXTURES if not f.degraded]
DEGRADED = [f for f in render.FIXTURES if f.degraded]


@pytest.mark.parametrize("fixture", CLEAN, ids=[f.name for f in CLEAN])
def test_clean_renders_read_back_to_their_list(images, fixture):
    truth, photo, pairs = compare(fixture, images[fixture.name])
    total = len(truth["ingredients"])
    assert len(pairs) / total >= 0.98, (names(truth), names(photo))
    # The same report as the transcription, except where the photo's report says to check.
    assert photo["vegan"] == truth["vegan"]
    check = {item["ingredient"] for item in photo["ocr"]["items"] if item["check"]}
    matched = {j for _, j in pairs}
    for j, ing in enumerate(photo["ingredients"]):
        assert j in matched or j in check, f"{ing['raw']!r} differs from the transcription, unmarked"
    truth_codes = sorted(f["code"] for f in truth["findings"])
    photo_codes = sorted(
        f["code"] for f in photo["findings"] if not any(i in check for i in f["ingredients"])
    )
    assert set(photo_codes) <= set(truth_codes), (photo_codes, truth_codes)
    # Every item has its box on the image, inside it.
    width, height = photo["ocr"]["origin"]["width"], photo["ocr"]["origin"]["height"]
    for item in photo["ocr"]["items"]:
        x, y, w, h = item["box"]
        assert 0 <= x and 0 <= y and x + w <= width + 1 and y + h <= height + 1, item


@pytest.mark.parametrize("fixture", DEGRADED, ids=[f.name for f in DEGRADED])
def test_degraded_renders_are_mostly_read_and_misreads_are_marked(images, fixture):
    truth, photo, pairs = compare(fixture, images[fixture.name])
    assert len(pairs) / len(truth["ingredients"]) >= 0.9, (names(truth), names(photo))
    matched = {j for _, j in pairs}
    check = {item["ingredient"] for item in photo["ocr"]["items"] if item["check"]}
    unmarked = [photo["ingredients"][j]["raw"] for j in range(len(photo["ingredients"])) if j not in matched | check]
    assert not unmarked, unmarked


def test_the_kind_comes_from_the_bytes_not_the_name(images, tmp_path):
    disguised = tmp_path / "label.txt"
    disguised.write_bytes(images["flagship-liberation-serif-24"].read_bytes())
    report = scan_json(str(disguised))
    assert report["ocr"]["origin"]["kind"] == {"image": "png"}
    assert "HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA" in names(report)
    # And the text report says where the text came from, before the report.
    text = inci("scan", str(disguised)).stdout
    assert text.startswith("Text read by tesseract"), text[:200]
    # WebP, a phone's other format, reads the same.
    from PIL import Image

    webp = tmp_path / "panel.webp"
    Image.open(images["flagship-liberation-serif-24"]).save(webp, lossless=True)
    as_webp = scan_json(str(webp))
    assert as_webp["ocr"]["origin"]["kind"] == {"image": "webp"}
    assert names(as_webp) == names(report)


def test_a_korean_panel_is_read_with_the_markets_language(images):
    report = scan_json(str(images["korean-noto-28"]), "--market", "eu,kr")
    assert report["ocr"]["origin"]["langs"] == ["eng", "fra", "kor"]
    assert "HUMAN ADIPOSE DERIVED STEM CELL CONDITIONED MEDIA" in names(report)
    verdicts = {f["market_verdict"]["market"]: f["market_verdict"]["verdict"] for f in report["findings"] if f.get("market_verdict")}
    assert verdicts == {"eu": "prohibited", "kr": "allowed_with_conditions"}


def test_a_korean_panel_read_for_the_eu_alone_is_read_in_korean_too(images):
    """The markets suggested English and French only; the reading was poor, tesseract's script
    detection said Korean, and the Korean reading was kept and said."""
    report = scan_json(str(images["korean-noto-28"]))
    origin = report["ocr"]["origin"]
    assert "kor" in origin["langs"] and "Korean script detected and read" in origin["prepared"], origin
    assert "HUMAN ADIPOSE DERIVED STEM CELL CONDITIONED MEDIA" in names(report)
    # Languages the user chose are used as chosen.
    chosen = scan_json(str(images["korean-noto-28"]), "--lang", "en")
    assert chosen["ocr"]["origin"]["langs"] == ["eng"]


def test_outline_svg_boxes_every_item(images, tmp_path):
    svg = tmp_path / "outline.svg"
    inci("scan", str(images["flagship-two-columns"]), "--outline", str(svg))
    text = svg.read_text()
    assert text.startswith("<svg") and "data:image/png;base64," in text
    assert text.count("<rect") == 10, text.count("<rect")
    assert "#3 HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA: high" in text
    bad = inci("scan", "--text", "Aqua", "--outline", str(svg), check=False)
    assert bad.returncode == 2 and "--outline needs a photo or a PDF" in bad.stderr


def test_pdf_artwork_text_with_pages_and_lines(tmp_path):
    need("pdftotext")
    pdf = tmp_path / "artwork.pdf"
    render.write_pdf(pdf)
    truth = scan_json("--text", render.FLAGSHIP)
    report = scan_json(str(pdf))
    assert names(report) == names(truth)
    assert report["ocr"]["origin"]["method"] == "pdf_text"
    assert report["ocr"]["origin"]["pages"] == 2
    assert report["ocr"]["to_check"] == 0
    # Lint diagnostics point at the artwork's page and line.
    lint = json.loads(inci("lint", "--format", "json", str(pdf), check=False).stdout)
    l009 = [l for l in lint["files"][0]["lints"] if l["code"] == "L009"]
    assert l009 and l009[0]["page"] == {"page": 2, "line": 1}, l009
    text = inci("lint", str(pdf), check=False).stdout
    assert "note: on the artwork: page 2, line 1" in text


def test_pdf_without_text_is_read_by_ocr_and_says_so(tmp_path):
    need("pdftoppm")
    need("tesseract")
    pdf = tmp_path / "outlined.pdf"
    render.write_image_pdf(pdf)
    report = scan_json(str(pdf))
    origin = report["ocr"]["origin"]
    assert origin["method"] == "ocr" and origin["kind"] == "pdf"
    assert "the PDF has no text" in origin["note"]
    assert "HUMAN UMBILICAL MESENCHYMAL STEM CELL CONDITIONED MEDIA" in names(report)


def test_missing_tools_say_how_to_install_them(images, tmp_path):
    gone = inci("scan", str(images["cream-liberation-sans-20"]), env={"INCI_TESSERACT": "/nonexistent/tesseract"}, check=False)
    assert gone.returncode == 2
    assert "tesseract is not installed" in gone.stderr and "apt install tesseract-ocr" in gone.stderr
    pdf = tmp_path / "artwork.pdf"
    render.write_pdf(pdf)
    gone = inci("scan", str(pdf), env={"PATH": str(tmp_path)}, check=False)
    assert gone.returncode == 2 and "pdftotext is not installed" in gone.stderr and "poppler-utils" in gone.stderr
    missing = inci("scan", str(images["cream-liberation-sans-20"]), "--lang", "ja", env={"TESSDATA_PREFIX": str(tmp_path)}, check=False)
    assert missing.returncode == 2 and "trained data" in missing.stderr, missing.stderr


def test_broken_images_are_clear_errors(tmp_path):
    need("tesseract")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    out = inci("scan", str(broken), check=False)
    assert out.returncode == 2 and "the image cannot be read" in out.stderr and "broken.png" in out.stderr


def test_batch_reads_a_column_of_photos_and_pdfs(images, tmp_path):
    need("pdftotext")
    pdf = tmp_path / "artwork.pdf"
    render.write_pdf(pdf)
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(
        "sku,panel\n"
        f"P1,{images['retinol-dejavu-28']}\n"
        f"P2,{images['cream-small-blurred']}\n"
        "P3,artwork.pdf\n"
        "P4,nowhere.jpg\n"
    )
    out = inci("batch", str(catalog), "--column", "panel", "--paths", "--id-column", "sku", check=False)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in records] == ["P1", "P2", "P3", "P4"]
    assert records[0]["ocr"]["origin"]["method"] == "ocr" and records[0]["summary"]["inci_ingredients"] == 20
    assert records[1]["ocr"]["to_check"] >= 1
    assert records[2]["ocr"]["origin"]["method"] == "pdf_text"
    assert records[2]["summary"]["inci_human_derived"] is True
    assert "nowhere.jpg" in records[3]["error"]
    csv_out = inci("batch", str(catalog), "--column", "panel", "--paths", "--format", "csv", check=False).stdout
    import csv as csvlib
    import io

    rows = list(csvlib.DictReader(io.StringIO(csv_out)))
    assert rows[1]["inci_to_check"].startswith("#"), rows[1]
    assert rows[2]["inci_source"].startswith("the text of a PDF of 2 pages")
