"""Type stubs of the native module; the public API is in ``inci/__init__.py``."""

from typing import Optional, Sequence

__version__: str

def check_scan_options(
    profile: str = "general", product_type: Optional[str] = None, market: str = "eu"
) -> None: ...
def scan(
    text: str, profile: str = "general", product_type: Optional[str] = None, market: str = "eu"
) -> dict: ...
def scan_document(
    data: bytes,
    origin: str = "<bytes>",
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
    lang: Optional[str] = None,
) -> dict: ...
def scan_many(
    texts: Sequence[Optional[str]],
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> list[Optional[dict]]: ...
def scan_json(
    text: str, profile: str = "general", product_type: Optional[str] = None, market: str = "eu"
) -> str: ...
def scan_many_json(
    texts: Sequence[Optional[str]],
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> list[Optional[str]]: ...
def lint_json(
    text: str,
    path: str = "<text>",
    market: str = "eu",
    product_type: Optional[str] = None,
) -> str: ...
def explain_json(name: str) -> str: ...
def scan_many_tables(
    texts: Sequence[Optional[str]],
    profile: str = "general",
    product_type: Optional[str] = None,
    market: str = "eu",
) -> list[Optional[list]]: ...
def summary_columns() -> list[str]: ...
def ingredient_columns() -> list[str]: ...
