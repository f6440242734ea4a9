"""The Python package against the command line: the same JSON, on fixtures and the corpus."""

from __future__ import annotations

import csv
import doctest
import json
import subprocess

import pytest

import inci
from conftest import ROOT, shared_path

FLAGSHIP = ROOT / "fixtures" / "examples" / "flagship_serum.txt"


def run(inci_bin, *args: str, stdin: bytes | None = None) -> bytes:
    done = subprocess.run(
        [str(inci_bin), *args], input=stdin, capture_output=True, cwd=ROOT, check=False
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def test_scan_equals_cli(inci_bin):
    text = FLAGSHIP.read_text()
    for profile, product_type in [("general", None), ("eu-market", "leave-on")]:
        args = ["scan", "--format", "json", "--profile", profile, str(FLAGSHIP)]
        if product_type:
            args += ["--product-type", product_type]
        cli = json.loads(run(inci_bin, *args))
        assert inci.scan(text, profile=profile, product_type=product_type) == cli
    report = inci.scan(text)
    assert any(f["code"] == "CO001" for f in report["findings"])
    assert report["vegan"] == "no"


def test_markets_equal_cli(inci_bin):
    korean = ROOT / "fixtures/risk/market_korean_ampoule.txt"
    label = korean.read_text().split("---\n", 1)[1]
    for market in ["kr", "eu,kr,us", "all"]:
        cli = json.loads(run(inci_bin, "scan", "--format", "json", "--market", market, "--text", label))
        assert inci.scan(label, market=market) == cli
    report = inci.scan(label, market="kr")
    assert [m["market"] for m in report["markets"]] == ["kr"]
    verdicts = [f["market_verdict"] for f in report["findings"] if "market_verdict" in f]
    assert [(v["market"], v["verdict"]) for v in verdicts] == [("kr", "allowed_with_conditions")]
    assert all(i["matched_via"] == "foreign:ko" for i in report["ingredients"])
    both = inci.scan_many([label, None], market="eu,kr")
    assert both[0] == inci.scan(label, market="eu,kr") and both[1] is None
    lint = inci.lint(label, market="kr")
    assert not any(l["code"] == "L003" for l in lint["files"][0]["lints"]), "Korean names are label names in Korea"


def test_lint_equals_cli(inci_bin):
    path = "fixtures/lint/L002.txt"
    text = (ROOT / path).read_text()
    cli = json.loads(run(inci_bin, "lint", "--format", "json", path))
    assert inci.lint(text, path=path) == cli
    assert cli["summary"]["warning"] >= 1


def test_explain_equals_cli(inci_bin):
    for name in ["Water", "Human Umbilical Mesenchymal Stem Cell Conditioned Media", "Glycerinn", "Thylparaben"]:
        cli = json.loads(run(inci_bin, "explain", "--format", "json", name))
        assert inci.explain(name) == cli
    assert inci.explain("Unobtainium xyz")["name"] is None


def test_scan_many_keeps_order_and_none():
    texts = ["Aqua, Glycerin", None, "Parfum", ""]
    out = inci.scan_many(texts)
    assert len(out) == 4
    assert out[1] is None
    assert out[0] == inci.scan("Aqua, Glycerin")
    assert out[2]["ingredients"][0]["name"] == "PARFUM"
    assert out[3]["ingredients"] == []
    assert inci.scan_many(iter(["Aqua"])) == [inci.scan("Aqua")]
    assert inci.scan_many_json(["Aqua"]) == [json.dumps(inci.scan("Aqua"), separators=(",", ":"), ensure_ascii=False)]


def test_summaries_with_report_json_equal_the_tables():
    # What the Spark UDF reads: per text the summary dict and the report as JSON, equal to
    # the tables' summary and to the report dict; None stays None; options are passed on.
    from inci import _inci

    texts = ["Aqua, Glycerin, Parfum", None, "Ｈ２Ｏ, 정제수", "Retinyl Palmitate 0.5%"]
    got = _inci.scan_many_summaries(texts, "general", None, "eu,kr")
    want = _inci.scan_many_tables(texts, "general", None, "eu,kr")
    assert len(got) == len(want) == 4
    assert got[1] is None and want[1] is None
    for g, w in zip(got, want):
        if w is not None:
            summary, report = g
            assert summary == w[1]
            assert json.loads(report) == w[0]
    with pytest.raises(ValueError):
        _inci.scan_many_summaries(["Aqua"], "no such profile", None, "eu")


def test_bad_input_raises_clear_errors():
    with pytest.raises(ValueError, match='unknown profile "oily"; one of: general'):
        inci.scan("Aqua", profile="oily")
    with pytest.raises(ValueError, match="unknown product type"):
        inci.scan("Aqua", product_type="cream")
    with pytest.raises(ValueError, match='unknown market "mars"'):
        inci.lint("Aqua", market="mars")
    with pytest.raises(ValueError, match='unknown market "mars"'):
        inci.scan("Aqua", market="eu,mars")
    with pytest.raises(ValueError, match="only white space"):
        inci.explain("   ")
    with pytest.raises(TypeError, match=r"texts\[2\]: expected str or None, got float"):
        inci.scan_many(["Aqua", None, 1.5])
    with pytest.raises(TypeError, match="text: expected str, got bytes"):
        inci.scan(b"Aqua")
    # Any text is scanned, never a crash: control characters, lone brackets, NUL.
    for hostile in ["\x00\x1b[31m(((", ")" * 10_000, "Aqua,\u202e nirecylG", "é" * 100_000]:
        assert isinstance(inci.scan(hostile), dict)


def test_hostile_batches_get_clear_errors():
    # One str is not a list of labels: it was scanned character by character (14 reports).
    with pytest.raises(TypeError, match="got one str"):
        inci.scan_many("Aqua, Glycerin")
    with pytest.raises(TypeError, match="got one str"):
        inci.scan_many_json("Aqua, Glycerin")
    # A lone surrogate names its row instead of aborting without one.
    with pytest.raises(ValueError, match=r"texts\[1\]: not valid text"):
        inci.scan_many(["Aqua", "Glyc\udcff erin"])


def test_ctrl_c_stops_a_long_scan_many_soon():
    # Before, Ctrl-C was seen only after the whole batch had been scanned.
    import signal
    import sys
    import time

    code = (
        "import inci\n"
        "texts = [f'Aqua, Glycerin, Niacinamide {i}' for i in range(400000)]\n"
        "print('ready', flush=True)\n"
        "inci.scan_many_json(texts)\n"
        "print('finished', flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "ready"
    time.sleep(1.0)
    sent = time.time()
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    took = time.time() - sent
    assert "finished" not in out
    assert "KeyboardInterrupt" in err, err
    assert took < 5, f"stopped {took:.1f} s after Ctrl-C"


def test_frames_read_pandas_missing_values_and_bad_text_as_row_errors():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {"ing": pd.array(["Aqua, Glycerin", None, "Glyc\udcff erin"], dtype="object")}
    )
    df.loc[1, "ing"] = pd.NA
    out = inci.scan_frame(df, "ing")
    assert out.loc[0, "inci_error"] is pd.NA or pd.isna(out.loc[0, "inci_error"])
    assert out.loc[1, "inci_error"] == "missing ingredient text"
    assert "lone surrogate" in out.loc[2, "inci_error"]
    strings = pd.DataFrame({"ing": pd.array(["Aqua", None], dtype="string")})
    assert inci.scan_frame(strings, "ing").loc[1, "inci_error"] == "missing ingredient text"


def test_docstrings_run():
    failures, tried = doctest.testmod(inci)
    assert tried >= 3 and failures == 0


def _corpus_rows():
    path = shared_path("corpus/sephora_cosmetics.csv")
    with open(path, newline="", encoding="utf-8") as f:
        return path, [row["Ingredients"] for row in csv.DictReader(f)]


def test_scan_many_equals_inci_batch_on_the_corpus(inci_bin):
    path, texts = _corpus_rows()
    records = [
        json.loads(line)
        for line in run(inci_bin, "batch", str(path), "--column", "Ingredients").splitlines()
    ]
    reports = inci.scan_many(texts)
    assert len(records) == len(texts) == len(reports) == 1472
    # The CSV's summary columns, the JSON records' summary and scan_frame's columns are one.
    pd = pytest.importorskip("pandas")
    frames = inci.scan_frame(pd.DataFrame({"Ingredients": texts}), "Ingredients")
    assert list(frames.columns) == inci.summary_columns() + ["report"]
    header = run(inci_bin, "batch", str(path), "--column", "Ingredients", "--format", "csv")
    first = next(csv.reader([header.splitlines()[0].decode("utf-8")]))
    assert [c for c in first if c.startswith("inci_")] == inci.summary_columns()
    compared = 0
    for i, (record, report, text) in enumerate(zip(records, reports, texts)):
        assert record["row"] == i + 1
        if "error" in record:
            # inci batch refuses a blank cell; the library scans it to an empty report.
            assert not text.strip(), record
            assert report["ingredients"] == []
            continue
        del record["row"]
        summary = record.pop("summary")
        assert report == record, f"row {i + 1} differs"
        frame_row = frames.iloc[i]
        for column in inci.summary_columns():
            value = frame_row[column]
            value = None if pd.isna(value) else value
            assert summary[column] == value, (i + 1, column, summary[column], value)
        compared += 1
    assert compared > 1400


def test_scan_frame_per_product_and_per_ingredient():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "sku": ["a", "b", "c", "d", "e"],
            "ingredients": [
                FLAGSHIP.read_text(),
                "Aqua, Glycerin, Carmine",
                None,
                float("nan"),
                "No Info",
            ],
        },
        index=[10, 11, 12, 13, 14],
    )
    out = inci.scan_frame(df, "ingredients")
    assert list(out.index) == [10, 11, 12, 13, 14]
    assert list(out.columns) == inci.summary_columns() + ["report"]
    assert str(out["inci_pores"].dtype) == "category"
    assert out["inci_pores"].cat.ordered
    assert list(out["inci_pores"].cat.categories) == ["none", "low", "moderate", "high"]
    assert out.loc[10, "inci_human_derived"]
    assert out.loc[10, "inci_vegan"] == "no"
    assert out.loc[11, "inci_vegan"] == "no"  # carmine is from insects
    assert out.loc[12, "inci_status"] == "error"
    assert out.loc[12, "inci_error"] == "missing ingredient text"
    assert out.loc[13, "inci_error"] == "missing ingredient text"
    assert pd.isna(out.loc[12, "inci_ingredients"])
    assert out.loc[11, "inci_ingredients"] == 3
    # A row with no list is not a clean product.
    assert out.loc[14, "inci_status"] == "no_list"
    assert out.loc[14, "inci_vegan"] == "unknown"
    assert out.loc[10, "report"] == inci.scan(FLAGSHIP.read_text())
    assert out.loc[10, "inci_market_verdicts"] == "eu:prohibited"
    assert out.loc[11, "inci_market_verdicts"] == ""
    both = inci.scan_frame(df, "ingredients", market="eu,kr")
    assert both.loc[10, "inci_market_verdicts"] == "eu:prohibited kr:allowed_with_conditions"

    items = inci.scan_frame(df, "ingredients", per="ingredient")
    assert list(items.columns) == ["row", "inci_status"] + inci.ingredient_columns() + [
        "inci_error"
    ]
    flagship = items[items["row"] == 10]
    assert len(flagship) == len(inci.scan(FLAGSHIP.read_text())["ingredients"])
    assert list(flagship["position"]) == list(range(1, len(flagship) + 1))
    human = flagship[flagship["inci_name"].str.startswith("HUMAN UMBILICAL", na=False)]
    assert len(human) == 1 and human["worst_severity"].iloc[0] == "high"
    assert human["origin"].iloc[0] == "human"
    assert "H001" in human["codes"].iloc[0]
    assert items[items["row"] == 12]["inci_error"].iloc[0] == "missing ingredient text"
    assert items[items["row"] == 14]["inci_status"].iloc[0] == "no_list"

    with pytest.raises(KeyError, match="no column 'ingredient'"):
        inci.scan_frame(df, "ingredient")
    with pytest.raises(ValueError, match="per must be"):
        inci.scan_frame(df, "ingredients", per="row")


def test_scan_many_takes_pandas_missing_values_as_missing():
    pd = pytest.importorskip("pandas")
    out = inci.scan_many(["Aqua", float("nan"), None, pd.NA])
    assert out[0]["ingredients"][0]["name"] == "AQUA"
    assert out[1:] == [None, None, None]
    with pytest.raises(TypeError, match=r"texts\[1\]: expected str or None, got int"):
        inci.scan_many(["Aqua", 3])


def test_scan_frame_takes_a_polars_frame():
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"ingredients": [FLAGSHIP.read_text(), None, "No Info"]})
    out = inci.scan_frame(df, "ingredients")
    assert type(out).__module__.split(".")[0] == "polars"
    assert out.columns == inci.summary_columns() + ["report"]
    assert out["inci_status"].to_list() == ["ok", "error", "no_list"]
    assert out["inci_vegan"].to_list()[0] == "no"
    items = inci.scan_frame(df, "ingredients", per="ingredient")
    assert items.columns[:2] == ["row", "inci_status"]


def test_repeated_texts_are_scanned_once_but_answered_per_row():
    texts = ["Aqua, Glycerin", None, "Aqua, Glycerin", "Parfum", "Aqua, Glycerin"]
    out = inci.scan_many(texts)
    assert out[0] == out[2] == out[4] == inci.scan("Aqua, Glycerin")
    assert out[0] is not out[2], "each row gets its own dict"
    out[0]["vegan"] = "changed"
    assert out[2]["vegan"] != "changed"
    strings = inci.scan_many_json(texts)
    assert strings[1] is None and strings[0] == strings[2] == strings[4]
    assert [None if s is None else json.loads(s) for s in strings] == inci.scan_many(texts)


def test_the_spark_udf_refuses_bad_options_on_the_driver():
    from inci import _inci

    _inci.check_scan_options("acne-prone", "leave-on")
    _inci.check_scan_options("general", None, "eu,kr")
    with pytest.raises(ValueError, match='unknown market "mars"'):
        _inci.check_scan_options("general", None, "mars")
    with pytest.raises(ValueError, match="unknown product type"):
        _inci.check_scan_options("general", "cream")
