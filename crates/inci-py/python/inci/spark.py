"""Run inci on a Spark DataFrame column, on every executor core.

``scan_udf()`` is a pandas UDF: Spark hands each executor batches of the column as pandas
Series (through Arrow), and the UDF scans each batch with :func:`inci.scan_many_json`, which
releases the GIL and uses every core of the executor. The result is one JSON string per row,
the same report ``inci scan --format json`` prints (``None`` for a missing cell); parse it with
``from_json`` or keep it as a column of a table::

    from pyspark.sql import SparkSession, functions as F
    from inci.spark import scan_udf

    spark = SparkSession.builder.getOrCreate()
    catalog = spark.read.csv("s3://bucket/catalog.csv", header=True, multiLine=True, escape='"')
    scan = scan_udf(profile="general")
    reports = catalog.withColumn("inci", scan(F.col("Ingredients")))
    reports.select(
        "product_id",
        F.get_json_object("inci", "$.vegan").alias("vegan"),
    ).show()

Every executor needs the ``inci`` wheel installed (``pip install inci-*.whl`` in the image, or
``spark.submit.pyFiles`` / ``--archives`` with a packed environment) and ``pyarrow``.
"""


from typing import Any, Optional  # no `from __future__ import annotations`: Spark reads the
# UDF's type hints at definition time and needs them as real types, not strings.


def scan_udf(
    profile: str = "general", product_type: Optional[str] = None, market: str = "eu"
) -> Any:
    """A pandas UDF (string -> string) that scans each cell; see the module documentation."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    from . import _inci

    # Checked here, on the driver, so that a bad value fails before any task runs.
    _inci.check_scan_options(profile, product_type, market)

    @pandas_udf("string")  # type: ignore[misc]
    def inci_scan(texts: pd.Series) -> pd.Series:
        cells = [t if isinstance(t, str) else None for t in texts]
        return pd.Series(
            _inci.scan_many_json(cells, profile, product_type, market), dtype="object"
        )

    return inci_scan
