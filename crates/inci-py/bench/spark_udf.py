"""Wall time of the Spark UDF (``inci.spark.scan_udf``) in local mode against ``inci batch``,
on one catalog, in one run.

    PYSPARK_PYTHON=$PWD/target/py-venv/bin/python \\
        target/py-venv/bin/python crates/inci-py/bench/spark_udf.py CATALOG.csv Ingredients target/release/inci

Spark runs ``local[N]`` (N = the machine's cores, as ``inci batch`` uses them); its start-up
and one warm-up pass are left out, so what is timed is reading the CSV, scanning every row and
handing every result to a no-op sink (``write.format("noop")``), against ``inci batch``
reading the same file and writing JSON Lines to /dev/null. Each is timed ``RUNS`` times
(default 3) and the best is kept.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    path, column, binary = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = int(os.environ.get("RUNS", "3"))
    cores = os.cpu_count() or 1

    from pyspark.sql import SparkSession, functions as F

    from inci.spark import scan_udf

    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("inci-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    udf = scan_udf()

    def spark_scan() -> None:
        catalog = spark.read.csv(path, header=True, multiLine=True, escape='"')
        catalog.withColumn("inci", udf(F.col(column))).write.format("noop").mode(
            "overwrite"
        ).save()

    def batch() -> None:
        subprocess.run(
            [binary, "batch", path, "--column", column, "-o", "/dev/null"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )

    spark_scan()  # warm-up: the JVM's classes, the Python workers, the wheel imported
    rows = spark.read.csv(path, header=True, multiLine=True, escape='"').count()
    on_spark = best(spark_scan, runs)
    cli = best(batch, runs)
    size = os.path.getsize(path) / 1e6
    print(f"catalog: {size:.1f} MB, {rows} rows; local[{cores}]")
    print(f"inci batch (JSON Lines to /dev/null): {cli:.2f} s ({size / cli:.1f} MB/s)")
    print(
        f"Spark scan_udf (noop sink):           {on_spark:.2f} s ({size / on_spark:.1f} MB/s,"
        f" {on_spark / cli:.2f}x)"
    )
    spark.stop()


if __name__ == "__main__":
    main()
