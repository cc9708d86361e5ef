"""The README's Python examples run as written (issue 20 item 9): every ```python block is run
in a fresh interpreter from the repository's folder, as a reader would paste it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"^```python\n(.*?)^```", (REPO / "README.md").read_text(encoding="utf-8"), re.M | re.S)


def test_the_readme_has_python_examples():
    assert BLOCKS


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i + 1}" for i in range(len(BLOCKS))])
def test_a_readme_python_block_runs_as_written(code):
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip(), "an example prints what it shows"


def _anchor(heading: str) -> str:
    """GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_readme_links_to_sections_of_the_docs_find_their_heading():
    """A link such as docs/performance.md#a-backfill-on-many-machines names a heading of that file."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    links = set(re.findall(r"\]\((docs/[\w./-]+\.md)#([\w-]+)\)", readme))
    assert links
    for path, anchor in sorted(links):
        headings = re.findall(r"^#+ (.+)$", (REPO / path).read_text(encoding="utf-8"), re.M)
        assert anchor in {_anchor(h) for h in headings}, (path, anchor)
