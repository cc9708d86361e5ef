"""The ``marsad`` command line: a thin layer over the library.

Exit codes: 0 success; 1 some inputs were rejected (each reported on
standard error with file and line, the rest processed); 2 usage errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from marsad.errors import MarsadError


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="print event records (JSON Lines) for text, HTML or JSONL inputs")
    ex.add_argument("paths", nargs="+", help="files or folders (.txt, .html, .jsonl); - for standard input")
    ex.add_argument("--published", type=_date_arg, help="publication date for inputs that carry none")
    ex.add_argument("--source", help="source name for inputs that carry none")
    ex.add_argument("--lang", choices=["ar", "en", "auto"], default="auto")
    ex.add_argument("--pretty", action="store_true", help="indented JSON, one record after another")
    ex.add_argument("--rejects", metavar="FILE", help="also write rejected inputs to FILE (JSON Lines)")

    ev = sub.add_parser("evaluate", help="score extraction against gold JSON Lines")
    ev.add_argument("gold", help="gold file (event-schema.md section 4)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def cmd_extract(args) -> int:
    from marsad.pipeline import extract_article
    from marsad.readers import Rejected, read_inputs

    rejected = 0
    rejects_fh = open(args.rejects, "a", encoding="utf-8") if args.rejects else None
    try:
        for item in read_inputs(args.paths, published=args.published, source=args.source, lang=args.lang):
            if isinstance(item, Rejected):
                rejected += 1
                print(f"marsad: {item}", file=sys.stderr)
                if rejects_fh:
                    rejects_fh.write(json.dumps(item.to_record(), ensure_ascii=False) + "\n")
                continue
            for event in extract_article(item):
                if args.pretty:
                    print(json.dumps(event.to_record(), ensure_ascii=False, indent=2))
                else:
                    print(event.to_json())
            sys.stdout.flush()
    finally:
        if rejects_fh:
            rejects_fh.close()
    return 1 if rejected else 0


def cmd_evaluate(args) -> int:
    from marsad.evaluate import evaluate_file, format_report

    report = evaluate_file(args.gold)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return cmd_extract(args)
        if args.command == "evaluate":
            return cmd_evaluate(args)
    except MarsadError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 1 if not isinstance(exc, __import__("marsad.errors").errors.UsageError) else 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
