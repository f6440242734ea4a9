"""Read cosmetic ingredient (INCI) labels offline.

Every function returns plain Python values equal to the JSON the ``inci`` command line prints
(``docs/json-schema.md`` in the repository documents each field):

>>> import inci
>>> report = inci.scan("Aqua, Glycerin, Human Umbilical Mesenchymal Stem Cell Conditioned Media")
>>> report["vegan"]
'no'
>>> sorted({f["code"] for f in report["findings"]})
['A002', 'H001', 'R416']

``scan_many`` scans a list on every core with the GIL released; ``scan_frame`` does it for a
pandas column. Bad arguments raise ``ValueError`` or ``TypeError`` with a message that names
the value.
"""

from __future__ import annotations

import gc
import json
from typing import Any, Iterable, Optional

from . import _inci

__all__ = [
    "scan",
    "scan_file",
    "scan_many",
    "lint",
    "explain",
    "scan_frame",
    "summary_columns",
    "ingredient_columns",
    "__version__",
]
__version__: str = _inci.__version__


def scan(
    text: str,
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> dict:
    """Parse, resolve and analyse one label; the ``inci scan --format json`` report.

    ``profile``: general, acne-prone, sensitive, vegan or eu-market.
    ``product_type``: leave-on, rinse-off, oral-care, spray, hair-dye, eye, hand-soap,
    shower-gel, shampoo, deodorant, powder, nail, toothpaste, mouthwash, lip, eyelash, or
    None (unknown).
    ``market``: the markets whose rules apply, one or a comma list: eu (default), uk, kr, jp,
    cn, tw, us, ca, asean, or all. Each market's rule on ingredients of human origin is a
    finding naming its market; the report's ``markets`` says what had no rule data there.

    >>> r = scan("Aqua, Human Umbilical Mesenchymal Stem Cell Conditioned Media", market="eu,kr")
    >>> [(f["markets"], f["market_verdict"]["verdict"]) for f in r["findings"] if "market_verdict" in f]
    [(['eu'], 'prohibited'), (['kr'], 'allowed_with_conditions')]
    """
    return _inci.scan(_text(text, "text"), profile, product_type, market)


def scan_file(
    source: Any,
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
    lang: Optional[str] = None,
) -> dict:
    """Scan a label file: text, a photo of the ingredient panel (PNG, JPEG, WebP, TIFF, BMP,
    GIF) or the artwork as a PDF, told by its bytes, not its name; ``source`` is a path or
    the file's ``bytes``. The ``inci scan FILE --format json`` report: for a photo or a PDF,
    with an ``ocr`` key saying how it was read (``source``, ``text``) and, for each item,
    its page, box and confidence, ``check`` marking those to check against the pack.

    Photos need the system's tesseract, PDFs poppler's pdftotext; the ``ValueError`` says how
    to install them. ``lang``: languages to read in (``"en,ko"``); default English and the
    languages of ``market``'s labels.
    """
    import os

    if isinstance(source, (bytes, bytearray, memoryview)):
        data, origin = bytes(source), "<bytes>"
    elif isinstance(source, (str, os.PathLike)):
        origin = os.fspath(source)
        with open(origin, "rb") as f:
            data = f.read()
    else:
        raise TypeError(f"scan_file takes a path or bytes, not {type(source).__name__}")
    return _inci.scan_document(data, origin, profile, product_type, market, lang)


def scan_many(
    texts: Iterable[Optional[str]],
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> list:
    """Scan many labels on every core, in order: one report per text, ``None`` for a missing
    one (``None``, NaN or ``pd.NA``, as a pandas column holds them).

    A text that is neither ``str`` nor missing raises ``TypeError`` naming its index.
    """
    texts = _texts(texts)
    # The reports are trees (no cycles) of many small objects; CPython's cyclic collector
    # would scan them again and again while they are built (Sephora catalog, one run:
    # 228 ms with the collector on, 143 ms off).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _inci.scan_many(texts, profile, product_type, market)
    finally:
        if enabled:
            gc.enable()


def scan_many_json(
    texts: Iterable[Optional[str]],
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> list:
    """Like :func:`scan_many`, but each report as a JSON string (what a Spark column stores)."""
    texts = _texts(texts)
    return _inci.scan_many_json(texts, profile, product_type, market)


def lint(
    text: str,
    path: str = "<text>",
    market: str = "eu",
    product_type: Optional[str] = None,
) -> dict:
    """Check packaging text; the ``inci lint --format json`` document for one file ``path``.

    ``market``: eu (default), uk, kr, jp, cn, tw, us, ca, asean, a comma list or all. Each lint
    has its code, level, span, line and column, help and fix.
    """
    return json.loads(_inci.lint_json(_text(text, "text"), path, market, product_type))


def explain(name: str) -> dict:
    """Everything known about one ingredient, with sources (``inci explain --format json``).

    An unknown name gives ``name: None`` and suggestions; an empty one raises ``ValueError``.
    """
    return json.loads(_inci.explain_json(_text(name, "name")))


def summary_columns() -> list:
    """The product columns of :func:`scan_frame`, in order: the ``inci_*`` columns ``inci batch
    --format csv`` appends, and the keys of each ``inci batch`` JSON record's ``summary``."""
    return list(_inci.summary_columns())


def ingredient_columns() -> list:
    """The per-ingredient columns (after ``row`` and ``inci_status``), as ``inci batch --per
    ingredient`` writes them."""
    return list(_inci.ingredient_columns())


def scan_frame(
    df: Any,
    column: str,
    per: str = "product",
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> Any:
    """Scan a pandas (or Polars) DataFrame column; see :mod:`inci.frame` for the columns."""
    from .frame import scan_frame as _scan_frame

    return _scan_frame(
        df, column, per=per, profile=profile, product_type=product_type, market=market
    )


def _texts(texts: Any) -> Any:
    """The labels of a batch as a list; one ``str`` is refused, not read character by character.
    pandas' missing values (NaN, ``pd.NA``) are missing labels, like ``None``."""
    if isinstance(texts, str):
        raise TypeError(
            "texts: expected a list of labels (str or None each), got one str: "
            "use scan() for one label, or pass [text]"
        )
    return [None if _missing(t) else t for t in texts]


def _missing(value: Any) -> bool:
    """NaN (a float that is not equal to itself) or pandas' ``NA``."""
    if isinstance(value, float):
        return value != value
    return type(value).__name__ == "NAType"


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what}: expected str, got {type(value).__name__}")
    return value
