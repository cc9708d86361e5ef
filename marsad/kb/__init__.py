"""The knowledge base: versioned data files under ``marsad/kb/data``.

Every lexicon (actors, triggers, number words, cue words, places) is a TSV
file with a header row; ``#`` starts a comment line. :func:`load_table`
reads one, checks its columns and required cells, and says file and line
when something is wrong.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.errors import KnowledgeBaseError

DATA_DIR = Path(str(resources.files("marsad.kb") / "data"))


def data_path(name: str) -> Path:
    return DATA_DIR / name


@lru_cache(maxsize=None)
def load_table(name: str, required: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<name>`` as dicts (column -> stripped cell).

    ``required`` names columns that must exist and be non-empty on every row.
    Each row also carries ``_line``: its line number, for error messages.
    """
    path = data_path(name)
    if not path.exists():
        raise KnowledgeBaseError(f"knowledge-base file {name} is missing", where=str(path))
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(i + 1, line) for i, line in enumerate(fh) if line.strip() and not line.startswith("#")]
    if not lines:
        raise KnowledgeBaseError("empty table", where=str(path))
    header_line, header = lines[0]
    columns = [c.strip() for c in header.rstrip("\n").split("\t")]
    missing = [c for c in required if c not in columns]
    if missing:
        raise KnowledgeBaseError(f"missing columns {missing}", where=f"{path}:{header_line}")
    for lineno, line in lines[1:]:
        cells = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(columns):
            raise KnowledgeBaseError(
                f"{len(cells)} cells but {len(columns)} columns", where=f"{path}:{lineno}")
        row = {c: (cells[i].strip() if i < len(cells) else "") for i, c in enumerate(columns)}
        for c in required:
            if not row[c]:
                raise KnowledgeBaseError(f"empty required cell {c!r}", where=f"{path}:{lineno}")
        row["_line"] = str(lineno)
        rows.append(row)
    return tuple(rows)


def split_list(cell: str, sep: str = "|") -> list[str]:
    """``"a|b| c"`` -> ``["a", "b", "c"]`` (empty parts dropped)."""
    return [p.strip() for p in cell.split(sep) if p.strip()]
