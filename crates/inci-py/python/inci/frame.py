"""pandas (and Polars) helpers: scan a DataFrame column into typed columns.

``scan_frame(df, column, per="product")`` gives one row per input row (same index), with the
columns ``inci batch --format csv`` appends, by the same names and in the same order
(``summary_columns()``): ``inci_status`` (ok, no_list, error), counts, the vegan and
vegetarian verdicts (yes / no / unknown), whether a human-derived ingredient is listed, the
concern levels as ordered categoricals (none < low < moderate < high), the distinct finding
codes, each market's verdict on the human-derived ingredients (``eu:prohibited
kr:allowed_with_conditions``), the unknown names and ``inci_error``; then the whole report as
a dict in ``report``, so nothing is lost. A missing (None/NaN) or blank cell gives status
``error`` and ``inci_error`` instead of a report, as ``inci batch`` does.

``per="ingredient"`` gives one row per ingredient, the columns of ``inci batch --per
ingredient`` (``ingredient_columns()``): the input row's index in ``row``, ``inci_status``,
its 1-based ``position``, the text as printed, the INCI name, how it matched, its section,
``role`` (what it does, chosen from CosIng's functions), origin, CAS number, the worst
severity among the findings that name it and their codes; a row with no list or an error
gives one row with its status.

A Polars DataFrame is accepted too (when Polars is installed); the result is then a Polars
DataFrame with the same columns.
"""

from __future__ import annotations

from typing import Any, Optional

LEVELS = ["none", "low", "moderate", "high"]
VERDICTS = ["yes", "no", "unknown"]
SEVERITIES = ["info", "low", "moderate", "high"]
STATUSES = ["ok", "no_list", "error"]
LEVEL_COLUMNS = [
    "inci_pores",
    "inci_irritation",
    "inci_allergy",
    "inci_human_origin_regulation",
]


def summary_columns() -> list:
    """The product columns, in order: the same as ``inci batch --format csv`` appends."""
    from . import _inci

    return list(_inci.summary_columns())


def ingredient_columns() -> list:
    """The per-ingredient columns after ``row`` and ``inci_status``, in order."""
    from . import _inci

    return list(_inci.ingredient_columns())


def _cell(value: Any) -> tuple[Optional[str], Optional[str]]:
    """The text to scan, or the reason there is none."""
    if value is None:
        return None, "missing ingredient text"
    if isinstance(value, float) and value != value:  # NaN, pandas' missing value
        return None, "missing ingredient text"
    # pandas' own missing value (pd.NA, in `string` columns) is missing, not a "NAType".
    if type(value).__name__ == "NAType":
        return None, "missing ingredient text"
    if not isinstance(value, str):
        return None, f"ingredient cell is a {type(value).__name__}, not text"
    if not value.strip():
        return None, "empty ingredient cell"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        return None, f"ingredient cell is not valid text (a lone surrogate at character {e.start})"
    return value, None


def _is_polars(df: Any) -> bool:
    return type(df).__module__.split(".")[0] == "polars"


def scan_frame(
    df: Any,
    column: str,
    per: str = "product",
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> Any:
    """Scan ``df[column]`` (pandas or Polars); see the module documentation for the columns."""
    import pandas as pd

    from . import _inci

    if column not in df.columns:
        raise KeyError(f"no column {column!r}; columns: {', '.join(map(str, df.columns))}")
    if per not in ("product", "ingredient"):
        raise ValueError(f"per must be 'product' or 'ingredient', not {per!r}")
    polars = _is_polars(df)
    values = df[column].to_list() if polars else df[column].tolist()
    index = list(range(len(values))) if polars else df.index
    cells = [_cell(v) for v in values]
    tables = _inci.scan_many_tables(
        [t for t, _ in cells], profile, product_type, market
    )
    if per == "product":
        out = _per_product(pd, index, cells, tables)
    else:
        out = _per_ingredient(pd, index, cells, tables)
    if polars:
        return _to_polars(out)
    return out


def _to_polars(out: Any) -> Any:
    """The pandas result as a Polars frame: same columns, categoricals as Polars categoricals,
    the reports (dicts) in an object column."""
    import polars as pl

    if "report" not in out.columns:
        return pl.from_pandas(out)
    frame = pl.from_pandas(out.drop(columns=["report"]))
    return frame.with_columns(pl.Series("report", out["report"].tolist(), dtype=pl.Object))


def _per_product(pd: Any, index: Any, cells: list, tables: list) -> Any:
    columns = summary_columns()
    cols: dict[str, list] = {c: [] for c in columns}
    reports = []
    for (_, error), t in zip(cells, tables):
        if t is None:
            summary = {c: None for c in columns}
            summary["inci_status"] = "error"
            summary["inci_error"] = error
            report = None
        else:
            report, summary, _ = t
        for c in columns:
            cols[c].append(summary[c])
        reports.append(report)
    level = pd.CategoricalDtype(LEVELS, ordered=True)
    verdict = pd.CategoricalDtype(VERDICTS)
    status = pd.CategoricalDtype(STATUSES)
    dtypes = {
        "inci_status": status,
        "inci_ingredients": "Int64",
        "inci_resolved": "Int64",
        "inci_vegan": verdict,
        "inci_vegetarian": verdict,
        "inci_human_derived": "boolean",
        **{c: level for c in LEVEL_COLUMNS},
    }
    out = pd.DataFrame(
        {c: pd.Series(cols[c], dtype=dtypes.get(c, "string")) for c in columns}
    )
    out["report"] = pd.Series(reports, dtype="object")
    out.index = index
    return out


def _per_ingredient(pd: Any, index: Any, cells: list, tables: list) -> Any:
    columns = ["row", "inci_status"] + ingredient_columns() + ["inci_error"]
    rows: dict[str, list] = {k: [] for k in columns}

    def add(**values: Any) -> None:
        for k in rows:
            rows[k].append(values.get(k))

    for row, (_, error), t in zip(index, cells, tables):
        if t is None:
            add(row=row, inci_status="error", inci_error=error)
            continue
        _, summary, items = t
        if not items:
            add(row=row, inci_status=summary["inci_status"])
            continue
        for item in items:
            add(row=row, inci_status="ok", **item)
    severity = pd.CategoricalDtype(SEVERITIES, ordered=True)
    dtypes = {
        "row": "object",
        "inci_status": pd.CategoricalDtype(STATUSES),
        "position": "Int64",
        "worst_severity": severity,
    }
    return pd.DataFrame(
        {k: pd.Series(rows[k], dtype=dtypes.get(k, "string")) for k in columns}
    )
