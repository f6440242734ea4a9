"""pandas helpers: scan a DataFrame column into typed columns.

``scan_frame(df, column, per="product")`` gives one row per input row (same index): the
concern levels as ordered categoricals (none < low < moderate < high), vegan and vegetarian
verdicts (yes / no / unknown), counts, the finding codes, each market's verdict on the
human-derived ingredients (``market_verdicts``: ``eu:prohibited kr:allowed_with_conditions``,
as ``inci batch``'s ``inci_market_verdicts``), the unknown names, and the whole
report as a dict in ``report``, so nothing is lost. A missing (None/NaN) or blank cell gives
``inci_error`` instead of a report, as ``inci batch`` does.

``per="ingredient"`` gives one row per ingredient: the input row's index in ``row``, its
1-based ``position``, the text as printed, the canonical name, how it matched, CAS number,
comedogenic rating, and the worst severity among the findings that name it.
"""

from __future__ import annotations

from typing import Any, Optional

LEVELS = ["none", "low", "moderate", "high"]
VERDICTS = ["yes", "no", "unknown"]
SEVERITIES = ["info", "low", "moderate", "high"]
CONCERNS = ["pores", "irritation", "allergy", "human_origin_regulation", "vegan"]


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


def scan_frame(
    df: Any,
    column: str,
    per: str = "product",
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> Any:
    """Scan ``df[column]``; see the module documentation for the columns."""
    import pandas as pd

    from . import scan_many

    if column not in df.columns:
        raise KeyError(f"no column {column!r}; columns: {', '.join(map(str, df.columns))}")
    if per not in ("product", "ingredient"):
        raise ValueError(f"per must be 'product' or 'ingredient', not {per!r}")
    cells = [_cell(v) for v in df[column].tolist()]
    reports = scan_many(
        [t for t, _ in cells], profile=profile, product_type=product_type, market=market
    )
    if per == "product":
        return _per_product(pd, df.index, cells, reports)
    return _per_ingredient(pd, df.index, cells, reports)


def _per_product(pd: Any, index: Any, cells: list, reports: list) -> Any:
    level = pd.CategoricalDtype(LEVELS, ordered=True)
    verdict = pd.CategoricalDtype(VERDICTS)
    cols: dict[str, list] = {
        "inci_error": [],
        "ingredients": [],
        "resolved": [],
        "human_derived": [],
        "vegan": [],
        "vegetarian": [],
        "codes": [],
        "market_verdicts": [],
        "unknown": [],
        "report": [],
    }
    for c in CONCERNS:
        cols[f"concern_{c}"] = []
    for (_, error), r in zip(cells, reports):
        cols["inci_error"].append(error)
        cols["report"].append(r)
        if r is None:
            for k in ("ingredients", "resolved", "human_derived", "vegan", "vegetarian"):
                cols[k].append(None)
            cols["codes"].append(None)
            cols["market_verdicts"].append(None)
            cols["unknown"].append(None)
            for c in CONCERNS:
                cols[f"concern_{c}"].append(None)
            continue
        items = r["ingredients"]
        cols["ingredients"].append(len(items))
        cols["resolved"].append(sum(1 for i in items if i.get("name") is not None))
        cols["human_derived"].append(
            any(f["category"] == "human_derived" for f in r["findings"])
        )
        cols["vegan"].append(r["vegan"])
        cols["vegetarian"].append(r["vegetarian"])
        cols["codes"].append(" ".join(f["code"] for f in r["findings"]))
        # Each market's verdict on the human-derived ingredients, as `inci batch --format csv`
        # writes `inci_market_verdicts`.
        cols["market_verdicts"].append(
            " ".join(
                f"{f['market_verdict']['market']}:{f['market_verdict']['verdict']}"
                for f in r["findings"]
                if "market_verdict" in f
            )
        )
        cols["unknown"].append(
            "; ".join(i["raw"].strip() for i in items if i.get("name") is None)
        )
        levels = {c["concern"]: c["level"] for c in r["concerns"]}
        for c in CONCERNS:
            cols[f"concern_{c}"].append(levels.get(c))
    out = pd.DataFrame(
        {
            "inci_error": pd.Series(cols["inci_error"], dtype="string"),
            "ingredients": pd.Series(cols["ingredients"], dtype="Int64"),
            "resolved": pd.Series(cols["resolved"], dtype="Int64"),
            "human_derived": pd.Series(cols["human_derived"], dtype="boolean"),
            "vegan": pd.Series(cols["vegan"], dtype=verdict),
            "vegetarian": pd.Series(cols["vegetarian"], dtype=verdict),
            **{
                f"concern_{c}": pd.Series(cols[f"concern_{c}"], dtype=level)
                for c in CONCERNS
            },
            "codes": pd.Series(cols["codes"], dtype="string"),
            "market_verdicts": pd.Series(cols["market_verdicts"], dtype="string"),
            "unknown": pd.Series(cols["unknown"], dtype="string"),
            "report": pd.Series(cols["report"], dtype="object"),
        }
    )
    out.index = index
    return out


def _per_ingredient(pd: Any, index: Any, cells: list, reports: list) -> Any:
    severity = pd.CategoricalDtype(SEVERITIES, ordered=True)
    rows: dict[str, list] = {
        k: []
        for k in (
            "row",
            "position",
            "raw",
            "name",
            "matched_via",
            "section",
            "cas",
            "comedogenic_low",
            "comedogenic_high",
            "worst_severity",
            "codes",
            "inci_error",
        )
    }

    def add(**values: Any) -> None:
        for k in rows:
            rows[k].append(values.get(k))

    for row, (_, error), r in zip(index, cells, reports):
        if r is None:
            add(row=row, inci_error=error)
            continue
        worst: dict[int, int] = {}
        codes: dict[int, list] = {}
        for f in r["findings"]:
            rank = SEVERITIES.index(f["severity"])
            for i in f["ingredients"]:
                worst[i] = max(worst.get(i, -1), rank)
                codes.setdefault(i, []).append(f["code"])
        for n, item in enumerate(r["ingredients"]):
            rating = item.get("comedogenic")
            add(
                row=row,
                position=n + 1,
                raw=item["raw"],
                name=item.get("name"),
                matched_via=item.get("matched_via"),
                section=item.get("section"),
                cas=item.get("cas"),
                comedogenic_low=rating[0] if rating else None,
                comedogenic_high=rating[1] if rating else None,
                worst_severity=SEVERITIES[worst[n]] if n in worst else None,
                codes=" ".join(codes.get(n, [])),
            )
    return pd.DataFrame(
        {
            "row": pd.Series(rows["row"], dtype="object"),
            "position": pd.Series(rows["position"], dtype="Int64"),
            "raw": pd.Series(rows["raw"], dtype="string"),
            "name": pd.Series(rows["name"], dtype="string"),
            "matched_via": pd.Series(rows["matched_via"], dtype="string"),
            "section": pd.Series(rows["section"], dtype="string"),
            "cas": pd.Series(rows["cas"], dtype="string"),
            "comedogenic_low": pd.Series(rows["comedogenic_low"], dtype="Int64"),
            "comedogenic_high": pd.Series(rows["comedogenic_high"], dtype="Int64"),
            "worst_severity": pd.Series(rows["worst_severity"], dtype=severity),
            "codes": pd.Series(rows["codes"], dtype="string"),
            "inci_error": pd.Series(rows["inci_error"], dtype="string"),
        }
    )
