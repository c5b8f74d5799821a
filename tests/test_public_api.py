"""The public API: `geonews.__all__`, its docstrings, and its pages in the docs."""

from __future__ import annotations

import enum
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import geonews

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_ROOT = str(Path(geonews.__file__).resolve().parents[1])
PUBLIC = sorted(geonews.__all__)


def _own_methods(cls: type) -> list[str]:
    """Public methods and properties defined on `cls` itself (not inherited, not enum members)."""
    names = []
    for name, member in vars(cls).items():
        if name.startswith("_") or isinstance(member, enum.Enum):
            continue
        if isinstance(member, classmethod | staticmethod | property) or inspect.isfunction(member):
            names.append(name)
    return names


def test_all_is_sorted_and_unique() -> None:
    assert geonews.__all__ == sorted(set(geonews.__all__))


@pytest.mark.parametrize("name", PUBLIC)
def test_every_name_resolves(name: str) -> None:
    assert getattr(geonews, name) is not None


def test_every_public_attribute_is_in_all() -> None:
    exported = {
        name
        for name, value in vars(geonews).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert exported == set(geonews.__all__)


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_has_a_docstring_with_an_example(name: str) -> None:
    obj = getattr(geonews, name)
    doc = inspect.getdoc(obj) or ""
    assert doc.strip(), f"{name} has no docstring"
    assert "Examples:" in doc, f"{name}'s docstring has no Examples: section"
    assert ">>> " in doc, f"{name}'s Examples: section has no doctest"


@pytest.mark.parametrize("name", [n for n in PUBLIC if inspect.isclass(getattr(geonews, n))])
def test_every_public_method_has_a_docstring_with_an_example(name: str) -> None:
    cls = getattr(geonews, name)
    for method in _own_methods(cls):
        member = inspect.getattr_static(cls, method)
        function = member.fget if isinstance(member, property) else member
        doc = inspect.getdoc(function) or ""
        assert ">>> " in doc, f"{name}.{method} has no docstring example"


def test_the_api_reference_documents_every_public_name() -> None:
    pages = (ROOT / "docs" / "reference").glob("*.md")
    documented = set()
    for page in pages:
        text = page.read_text("utf-8")
        documented |= set(re.findall(r"^::: geonews\.(\w+)", text, re.MULTILINE))
    assert documented == set(geonews.__all__)


def test_the_package_is_typed() -> None:
    assert (ROOT / "geonews" / "py.typed").is_file()


def test_the_docs_show_the_real_output_of_their_examples() -> None:
    pytest.importorskip("pandas", reason="the tutorial builds a pandas DataFrame")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "doc_outputs.py")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": PACKAGE_ROOT},
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
