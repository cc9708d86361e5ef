"""``--lang en`` is not offered (issue 20 item 9): English extraction found no deaths and the wrong
actors on English news, so the option that promised it is gone; ``ar`` and ``auto`` remain."""
from __future__ import annotations

import pytest

from marsad.cli import main


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_lang_en_is_refused_with_the_choices(command, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Israeli airstrike killed 12 people in Gaza City on Monday.", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main([command, str(path), "--lang", "en"])
    assert stopped.value.code == 2
    assert "invalid choice: 'en' (choose from 'ar', 'auto')" in capsys.readouterr().err


def test_lang_help_says_why_english_is_not_offered(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "English extraction is not offered" in " ".join(capsys.readouterr().out.split())
