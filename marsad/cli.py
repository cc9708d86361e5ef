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


def _positive_int(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value!r}")
    return number


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
    ex.add_argument("--max-chars", type=_positive_int, default=2_000_000, metavar="N",
                    help="reject documents longer than N characters (default 2000000)")

    ev = sub.add_parser("evaluate", help="score extraction against gold JSON Lines")
    ev.add_argument("gold", help="gold file (event-schema.md section 4)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def cmd_extract(args) -> int:
    """Print event records for every readable input; report every unusable one on stderr.

    Rejected inputs (and articles whose extraction failed, code E199) are
    printed as ``marsad: path:line: [code] reason`` and, with ``--rejects``,
    appended to that file as JSON Lines; the other inputs are still processed.
    """
    from marsad.errors import KnowledgeBaseError, UsageError
    from marsad.pipeline import extract_article
    from marsad.readers import Rejected, read_inputs

    rejected = 0
    try:
        rejects_fh = open(args.rejects, "a", encoding="utf-8") if args.rejects else None
    except OSError as exc:
        raise UsageError(f"cannot write the --rejects file {args.rejects}: {exc.strerror or exc}") from None

    def reject(item: Rejected) -> None:
        nonlocal rejected
        rejected += 1
        print(f"marsad: {item}", file=sys.stderr, flush=True)
        if rejects_fh:
            rejects_fh.write(json.dumps(item.to_record(), ensure_ascii=False) + "\n")
            rejects_fh.flush()

    try:
        for item in read_inputs(args.paths, published=args.published, source=args.source, lang=args.lang,
                                max_chars=args.max_chars):
            if isinstance(item, Rejected):
                reject(item)
                continue
            try:
                events = list(extract_article(item))
            except KnowledgeBaseError:
                raise  # the same for every article: stop with the knowledge-base message
            except MarsadError as exc:
                reject(Rejected.for_article(item, exc.message, exc.code))
                continue
            except Exception as exc:  # one article must not stop the others, nor print a traceback
                reject(Rejected.for_article(
                    item, f"internal error while extracting: {type(exc).__name__}: {exc}", "E199"))
                continue
            for event in events:
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
