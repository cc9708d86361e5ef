"""The public surface: the names marsad exports, and that the README documents every CLI option."""
import re
from pathlib import Path

import marsad
from marsad.cli import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"


def test_public_names_are_pinned():
    assert sorted(marsad.__all__) == [
        "Article", "Budget", "BudgetExceeded", "Event", "InputError", "KnowledgeBaseError", "MarsadError", "Span", "UsageError",
        "__version__", "extract", "extract_article",
    ]
    for name in marsad.__all__:
        assert hasattr(marsad, name), name


def test_every_cli_command_and_option_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    parser = build_parser()
    for action in parser._actions:  # marsad's own options: --version
        for flag in action.option_strings:
            if flag not in ("-h", "--help"):
                assert f"marsad {flag}" in text, f"{flag} is not documented"
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for command, subparser in sub.choices.items():
        assert f"marsad {command}" in text, command
        for action in subparser._actions:
            for flag in action.option_strings:
                if flag in ("-h", "--help"):
                    continue
                assert re.search(re.escape(flag) + r"\b", text), f"{command} {flag} is not documented"


def test_extract_returns_event_records_with_raw_offsets():
    text = "قُتل مدنيان اليوم في قصفٍ مدفعي لقوات النظام على بلدة كفرنبل بريف إدلب."
    events = marsad.extract(text, published="2023-03-14")
    assert events, "an artillery strike killing two civilians is an event"
    for e in events:
        for spans in e.evidence.values():
            for span in spans:
                assert text[span["start"]:span["end"]] == span["text"]
