"""Shared test set-up.

Hypothesis profiles, chosen by the HYPOTHESIS_PROFILE variable: ``dev`` (the default)
runs 50 random examples per property, for quick local runs; ``ci`` runs 300 with no
deadline, derandomized (the same examples on every run, so CI does not flip between
runs of the same code), and prints the blob that reproduces a failure.

Doctests that import an optional extra (dask, pandas, tqdm) are skipped when it is not
installed, so that ``pip install ".[test]" && python -m pytest`` passes on a fresh
machine; CI installs every extra and runs them all.
"""

from __future__ import annotations

import importlib.util
import os
import re

import pytest
from _pytest.doctest import DoctestItem
from hypothesis import settings

settings.register_profile("dev", max_examples=50, deadline=1000)
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

OPTIONAL_MODULES = ("dask", "distributed", "pandas", "tqdm")
_IMPORT = re.compile(r"^\s*(?:import|from)\s+(\w+)", re.MULTILINE)


def _missing_imports(item: DoctestItem) -> set[str]:
    if item.dtest is None:
        return set()
    imported = {m for ex in item.dtest.examples for m in _IMPORT.findall(ex.source)}
    return {
        name for name in imported & set(OPTIONAL_MODULES) if importlib.util.find_spec(name) is None
    }


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the doctests that need an optional extra that is not installed."""
    for item in items:
        if isinstance(item, DoctestItem) and (missing := _missing_imports(item)):
            names = ", ".join(sorted(missing))
            item.add_marker(pytest.mark.skip(reason=f"needs the optional {names}"))
