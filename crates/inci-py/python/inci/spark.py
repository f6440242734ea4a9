"""Run inci on a Spark DataFrame column, on every executor core.

``scan_udf()`` is a pandas UDF: Spark hands each executor batches of the column as pandas
Series (through Arrow), and the UDF scans each batch with the library, which releases the GIL
and uses every core of the executor. The result is a struct per row, typed by
:data:`SCHEMA`: the ``inci_*`` summary columns that ``inci batch --format csv`` writes and
``scan_frame`` returns (the same names, in the same order), then ``report``, the whole
``inci scan --format json`` report as a JSON string. A missing cell gives ``inci_status``
``error`` and ``inci_error``::

    from pyspark.sql import SparkSession, functions as F
    from inci.spark import scan_udf

    spark = SparkSession.builder.getOrCreate()
    catalog = spark.read.csv("s3://bucket/catalog.csv", header=True, multiLine=True, escape='"')
    scanned = catalog.withColumn("inci", scan_udf()(F.col("Ingredients")))
    scanned.select("product_id", "inci.inci_vegan", "inci.inci_codes").show()
    scanned.groupBy("inci.inci_status").count().show()

Every executor needs the ``inci`` wheel installed (``pip install inci-*.whl`` in the image, or
``spark.submit.pyFiles`` / ``--archives`` with a packed environment) and ``pyarrow``. From a
virtualenv on one machine, Spark's workers start the ``python3`` on the PATH, not the
virtualenv's, unless told: ``export PYSPARK_PYTHON="$VIRTUAL_ENV/bin/python"`` first.
"""


from typing import Any, Optional  # no `from __future__ import annotations`: Spark reads the
# UDF's type hints at definition time and needs them as real types, not strings.

#: The UDF's result type (Spark DDL): the summary columns with their Spark types, then the
#: report as JSON. Checked against the library's column list by the tests.
SCHEMA = ", ".join(
    [
        "inci_status string",
        "inci_ingredients int",
        "inci_resolved int",
        "inci_vegan string",
        "inci_vegetarian string",
        "inci_human_derived boolean",
        "inci_pores string",
        "inci_irritation string",
        "inci_allergy string",
        "inci_human_origin_regulation string",
        "inci_codes string",
        "inci_market_verdicts string",
        "inci_unknown string",
        "inci_error string",
        "report string",
    ]
)


def scan_udf(
    profile: str = "general", product_type: Optional[str] = None, market: str = "eu"
) -> Any:
    """A pandas UDF (string -> struct of :data:`SCHEMA`) that scans each cell; see the module
    documentation."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    from . import _inci

    # Checked here, on the driver, so that a bad value fails before any task runs.
    _inci.check_scan_options(profile, product_type, market)
    columns = [field.split(" ")[0] for field in SCHEMA.split(", ")]

    @pandas_udf(SCHEMA)  # type: ignore[misc]
    def inci_scan(texts: pd.Series) -> pd.DataFrame:
        cells = [t if isinstance(t, str) else None for t in texts]
        # The summary as a dict and the report as JSON written natively: no per-row dicts of
        # the whole report for Python to dump again (a fifth of the time per row).
        answers = _inci.scan_many_summaries(cells, profile, product_type, market)
        rows = []
        for a in answers:
            if a is None:
                row = {c: None for c in columns}
                row["inci_status"] = "error"
                row["inci_error"] = "missing ingredient text"
            else:
                summary, report = a
                row = dict(summary)
                row["report"] = report
            rows.append(row)
        out = pd.DataFrame(rows, columns=columns)
        return out.astype(
            {"inci_ingredients": "Int32", "inci_resolved": "Int32", "inci_human_derived": "boolean"}
        )

    return inci_scan
