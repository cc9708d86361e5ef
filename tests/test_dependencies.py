"""Declared dependencies (issue 20 item 10): each is used by marsad's code and listed, with what it
is for, in the README's dependency table; nothing is declared that nothing uses (pyarabic was)."""
from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Dependencies marsad uses without importing them itself: where the code uses each, and how.
USED_INDIRECTLY = {
    "psycopg": ("marsad/store/__init__.py", "postgresql+psycopg://"),  # SQLAlchemy's driver
    "jinja2": ("marsad/web/app.py", "Jinja2Templates("),  # fastapi.templating renders with it
    "python-multipart": ("marsad/web/app.py", "Form("),  # FastAPI parses forms with it
}


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [_name(r) for r in project["dependencies"]]


def _extras(name: str) -> set[str]:
    """The distributions a dependency's extras bring: ``dask[distributed]`` is used through
    ``distributed``."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"]:
        if _name(requirement) == name and "[" in requirement:
            return {_name(e) for e in requirement.split("[", 1)[1].split("]", 1)[0].split(",")}
    return set()


def _imported_modules() -> set[str]:
    found = set()
    for path in (REPO / "marsad").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", text, re.M))
    return found


def test_every_declared_dependency_is_used():
    modules_of: dict[str, set[str]] = {}
    for module, dists in importlib.metadata.packages_distributions().items():
        for dist in dists:
            modules_of.setdefault(_name(dist), set()).add(module)
    imported = _imported_modules()
    unused = []
    for dist in _declared():
        if dist in USED_INDIRECTLY:
            path, needle = USED_INDIRECTLY[dist]
            if needle not in (REPO / path).read_text(encoding="utf-8"):
                unused.append(dist)
        elif not set().union(*(modules_of.get(d, set()) for d in {dist} | _extras(dist))) & imported:
            unused.append(dist)
    assert unused == []
    assert "pyarabic" not in _declared()


def test_every_declared_dependency_is_in_the_readme_table():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Dependencies"):]
    requirements = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    for requirement in requirements:
        shown = re.split(r"[<>=!~; ]", requirement, maxsplit=1)[0]  # with its extras: psycopg[binary]
        assert re.search(r"^\| `" + re.escape(shown) + r"` \| \S", table, re.M), requirement
