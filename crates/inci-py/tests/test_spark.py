"""The Spark recipe (``inci.spark.scan_udf``) in Spark local mode on the Sephora catalog: one
result per row, and the same reports as ``inci batch``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT, shared_path


def test_spark_udf_equals_inci_batch(inci_bin, tmp_path):
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Spark local mode needs Java 17 (java not on PATH), and CI=true")
        pytest.skip("Spark local mode needs Java 17 (apt install openjdk-17-jre-headless)")
    pyspark = pytest.importorskip("pyspark", reason="pip install pyspark pyarrow")
    from pyspark.sql import SparkSession, functions as F

    from inci.spark import scan_udf

    path = shared_path("corpus/sephora_cosmetics.csv")
    batch = subprocess.run(
        [str(inci_bin), "batch", str(path), "--column", "Ingredients"],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    records = [json.loads(line) for line in batch.stdout.splitlines()]

    os.environ.setdefault("PYSPARK_PYTHON", __import__("sys").executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("inci-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.local.dir", str(tmp_path))
        .getOrCreate()
    )
    try:
        catalog = spark.read.csv(
            str(path), header=True, multiLine=True, escape='"', inferSchema=False
        ).withColumn("row", F.monotonically_increasing_id())
        scanned = catalog.withColumn("inci", scan_udf()(F.col("Ingredients")))
        struct = scanned.schema["inci"].dataType
        rows = scanned.select("row", "Ingredients", "inci").orderBy("row").collect()
    finally:
        spark.stop()

    assert pyspark.__version__
    # A typed struct: the library's summary columns, then the report.
    import inci

    assert [f.name for f in struct.fields] == inci.summary_columns() + ["report"]
    types = {f.name: f.dataType.simpleString() for f in struct.fields}
    assert types["inci_ingredients"] == "int" and types["inci_human_derived"] == "boolean"
    assert len(rows) == len(records) == 1472
    compared = 0
    for n, (row, record) in enumerate(zip(rows, records), start=1):
        assert record["row"] == n
        if "error" in record:
            # inci batch refuses a blank cell; Spark reads it as null or blank.
            assert row["Ingredients"] is None or not row["Ingredients"].strip()
            continue
        del record["row"]
        summary = record.pop("summary")
        got = row["inci"].asDict()
        assert json.loads(got.pop("report")) == record, f"row {n} differs"
        assert got == summary, f"row {n}: summary differs"
        compared += 1
    assert compared > 1400
