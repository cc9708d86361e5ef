"""Reading input documents: text, HTML and JSON Lines files, folders, standard input.

:func:`read_inputs` turns paths into :class:`~marsad.model.Article` records and
yields a :class:`Rejected` record, instead of raising, for every input it cannot
use, so one bad file or line never stops the others:

>>> items = list(read_inputs(["no/such/file.txt"]))
>>> print(items[0])
no/such/file.txt:0: [E101] no such file or folder; check the path.

Where an input is rejected is written ``path:line``: line numbers are 1-based
lines of a JSON Lines (or JSON) file; line ``0`` means the file as a whole
(a missing path, a binary file, an empty text file, an HTML page without text).
Standard input is called ``<stdin>``.

Rejection codes (all input errors are in the E1xx range of :mod:`marsad.errors`):

====  =====================================================================
E101  the path does not exist
E102  binary file (or line), not text in a known encoding
E103  empty file or line (only whitespace)
E104  document too large (``max_chars``)
E105  the file or folder cannot be read (permissions, I/O error)
E106  malformed JSON
E107  a JSON value that is not an article object
E108  an article object without a usable ``text`` (or a field of the wrong type)
E109  a ``published`` value that is not a date
E110  an HTML page with no text in it
E111  a folder with no readable input files in it
E198  internal error while reading (a bug; the other inputs are still read)
E199  internal error while extracting (reported by the CLI)
====  =====================================================================

Encodings: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, legacy Arabic
Windows-1256 and ISO-8859-6, and whatever ``charset-normalizer`` recognises
after that. The article text is the decoded file content unchanged (no
line-ending or whitespace clean-up), so evidence offsets point into it; an
encoding other than UTF-8 is noted in ``Article.origin``: ``"a.txt (cp1256)"``.
"""
from __future__ import annotations

import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser

from marsad.errors import InputError, UsageError
from marsad.model import Article, Rejected, _has_line, where_of
from marsad.validation import article_problem, shown_name, storable, text_problem

__all__ = ["Rejected", "decode_bytes", "detect_language", "read_inputs"]

DEFAULT_MAX_CHARS = 2_000_000
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
JSON_SUFFIXES = (".json",)
FOLDER_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES
STDIN_NAME = "<stdin>"

# Bytes a character may take: UTF-8 needs at most 4 per character, so a text
# file over 4 * max_chars bytes is too large without reading it. A JSON line
# may write every character as a 6-byte \\uXXXX escape, and HTML is mostly
# markup, hence the larger factors there.
_TEXT_BYTES_PER_CHAR = 4
_JSON_BYTES_PER_CHAR = 6
_HTML_BYTES_PER_CHAR = 10
_SNIFF_BYTES = 64 * 1024
_SAMPLE_CHARS = 100_000  # how much text the binary and language checks look at

_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u063A\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC"
                               r"\u06FF\u0750-\u077F\uFB50-\uFDFB\uFE70-\uFEFC]")
_LETTER_RE = re.compile(r"[^\W\d_]")
# characters a legacy-Arabic decoding should produce outside ASCII: the Arabic
# block (letters, harakat, ، ؛ ؟ tatweel, digits), guillemets, no-break space,
# and the directional marks cp1256 carries (LRM, RLM, ZWNJ, ZWJ)
_ARABIC_SCRIPT_RE = re.compile(r"[\u0600-\u06FF«»\u00A0\u200C-\u200F]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7F]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0B\x0E-\x1F\x7F]")
_NOT_BLANK_RE = re.compile(r"[^\s\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]")
_HTML_START_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|!--)[\s>/]",
                            re.IGNORECASE)


# --------------------------------------------------------------------------- records
# Rejected (an input that could not be used, and why) and where_of are record types of
# marsad.model, which the store and ingest use too; they are imported above.


class _Unreadable(InputError):
    """Raised inside this module and turned into a :class:`Rejected`."""

    def __init__(self, message: str, code: str, sample: str | None = None):
        super().__init__(message)
        self.code = code
        self.sample = sample


@dataclass(frozen=True)
class _Options:
    published: date | None
    source: str | None
    lang: str
    max_chars: int
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()  # article field -> input keys, in order

    def keys(self, name: str) -> tuple[str, ...]:
        return dict(self.fields).get(name, FIELD_NAMES[name])


# The keys of an input object that may hold each article field, in the order they are tried: the
# first present, non-null one wins. ``text`` may instead be made of ``title`` and ``body`` (as
# ``title + "\n\n" + body``, the layout of news corpora). ``--field NAME=KEY`` puts KEY first.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text",),
    "body": ("body", "content"),
    "published": ("published", "date", "date_iso", "pubDate", "published_at", "datePublished"),
    "title": ("title", "headline"),
    "source": ("source",),
    "url": ("url", "link"),
    "id": ("id",),
    "language": ("language", "lang"),
}


# --------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a document and say which encoding was used.

    Tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8;
    UTF-8 with under 1 % bad bytes replaced by U+FFFD (``"utf-8-lossy"``);
    Windows-1256 and ISO-8859-6 when the result is Arabic script (the one
    that reads as more Arabic wins); UTF-16 without BOM; charset-normalizer.
    The text comes back exactly as decoded (a BOM is dropped).

    >>> decode_bytes("قتل ثلاثة مدنيين".encode("cp1256"))
    ('قتل ثلاثة مدنيين', 'cp1256')

    Raises :class:`~marsad.errors.InputError` (code E102) for binary data.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _checked(_strict(data, "utf-32"), "utf-32", data)
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(_strict(data, "utf-8-sig"), "utf-8-sig", data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(_strict(data, "utf-16"), "utf-16", data)
    if b"\x00" in data:
        return _checked(_utf16_without_bom(data), "utf-16", data)
    text = _strict(data, "utf-8")
    if text is not None:
        legacy = _legacy_arabic(data) if not _ARABIC_LETTER_RE.search(text) and not text.isascii() else None
        if legacy is not None:
            # cp1256 bytes can happen to be valid UTF-8 (C7 A1 = "ǡ"): Arabic beats stray Latin letters
            return _checked(legacy[1], legacy[2], data)
        return _checked(text, "utf-8", data)
    text = _damaged_utf8(data)
    if text is not None:
        return _checked(text, "utf-8-lossy", data)
    best = _legacy_arabic(data)
    if best is not None:
        return _checked(best[1], best[2], data)
    return _checked(*_charset_normalizer(data), data)


def _legacy_arabic(data: bytes) -> tuple[float, str, str] | None:
    """The legacy Arabic code page (cp1256 or ISO-8859-6) that reads ``data`` as Arabic, if any."""
    best: tuple[float, str, str] | None = None
    for encoding in ("cp1256", "iso-8859-6"):
        text = _strict(data, encoding)
        if text is None:
            continue
        score = _arabic_script_share(text)
        if score >= 0.8 and _ARABIC_LETTER_RE.search(text) and not _mixed_script(text) \
                and (best is None or score > best[0]):
            best = (score, text, encoding)
    return best


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a truncated download, one stray byte), read with U+FFFD for them.

    Legacy single-byte Arabic is never taken for this: its letter bytes
    (0xC1-0xFE) side by side are not UTF-8 sequences, so nearly every
    non-ASCII character would come out as U+FFFD.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(_NON_ASCII_RE.findall(text))
    return text if non_ascii >= 20 and bad <= non_ascii // 100 else None


def _arabic_script_share(text: str) -> float:
    """Share of the non-ASCII characters that are Arabic script.

    JSON keys, digits and Latin names are ASCII whatever the legacy encoding,
    so only the non-ASCII characters tell cp1256 Arabic from, say, cp1252 French.
    """
    sample = text[:_SAMPLE_CHARS]
    non_ascii = len(_NON_ASCII_RE.findall(sample))
    if not non_ascii:
        return 0.0
    return len(_ARABIC_SCRIPT_RE.findall(sample)) / non_ascii


_MIXED_RE = re.compile(r"[A-Za-z][\u0600-\u06FF]|[\u0600-\u06FF][A-Za-z]")


def _mixed_script(text: str) -> bool:
    """Arabic letters glued to Latin ones: a Latin text read in an Arabic code page (cafى)."""
    sample = text[:_SAMPLE_CHARS]
    return len(_MIXED_RE.findall(sample)) > max(1, len(_ARABIC_LETTER_RE.findall(sample)) // 50)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark, if the bytes read as text either way round."""
    if len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _strict(data, encoding)
        if not text:
            continue
        sample = text[:_SAMPLE_CHARS]
        plausible = sum(1 for c in sample if c.isascii() and (c.isprintable() or c in "\t\n\r")
                        or "\u0600" <= c <= "\u06ff" or c in "«»\u00a0")
        score = plausible / len(sample)
        if score >= 0.95 and (best is None or score > best[0]):
            best = (score, text)
    return best[1] if best else None


def _charset_normalizer(data: bytes) -> tuple[str | None, str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None, "unknown"
    match = from_bytes(data).best()
    if match is None:
        return None, "unknown"
    return str(match), match.encoding


def _checked(text: str | None, encoding: str, data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` if the text is text; E102 if it is binary."""
    if text is None or _looks_binary(text):
        raise _Unreadable(
            "binary file, not text: it is not UTF-8, UTF-16 or Windows-1256 text; "
            "give marsad text, HTML or JSON Lines files.", "E102", _byte_sample(data))
    return text, encoding


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        return True
    controls = len(_CONTROL_RE.findall(sample)) + sample.count("\ufffd")
    return controls > max(2, len(sample) // 50)  # more than 2 % control characters


def _byte_sample(data: bytes) -> str:
    return repr(data[:80])


def _sample(text: str | None) -> str | None:
    return text[:200] if text is not None else None


def _is_blank(text: str) -> bool:
    return _NOT_BLANK_RE.search(text) is None


# --------------------------------------------------------------------------- language, dates


def detect_language(text: str) -> str:
    """``"ar"`` when most letters are Arabic, ``"en"`` otherwise (``"ar"`` when there are none).

    >>> detect_language("قتل ثلاثة مدنيين في قصف على إدلب"), detect_language("Three civilians were killed")
    ('ar', 'en')
    """
    sample = text[:5_000]  # the opening is enough, and keeps this cheap for long texts
    letters = len(_LETTER_RE.findall(sample))
    if not letters:
        return "ar"
    return "ar" if len(_ARABIC_LETTER_RE.findall(sample)) / letters >= 0.5 else "en"


def _language_code(value: str) -> str:
    """``"Arabic"``, ``"ara"``, ``"ar-SY"`` -> ``"ar"``; ``"en-GB"`` -> ``"en"``."""
    v = value.strip().lower()
    if v in ("ar", "ara", "arb", "arabic", "العربية") or v.startswith(("ar-", "ar_")):
        return "ar"
    if v in ("en", "eng", "english") or v.startswith(("en-", "en_")):
        return "en"
    return v


def _parse_date(value: str) -> date:
    """``YYYY-MM-DD``, an ISO date-time (``2022-01-23T10:00:00Z``) or an RSS ``pubDate`` (RFC 2822:
    ``Sun, 23 Jan 2022 10:00:00 GMT``); ValueError otherwise."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        if not re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", value):
            raise
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        raise ValueError(f"not a date: {value!r}") from None


# --------------------------------------------------------------------------- entry point


def read_inputs(paths: list[str], *, published: date | None = None, source: str | None = None,
                lang: str = "auto", max_chars: int = DEFAULT_MAX_CHARS,
                fields: dict[str, str] | None = None) -> Iterator[Article | Rejected]:
    """Articles from files, folders and standard input, with a :class:`Rejected` for each bad input.

    - ``paths``: files; folders (read recursively: ``.txt .html .htm .jsonl .json``,
      sorted, hidden files skipped); ``-`` for standard input. A file whose
      suffix is none of these is read by its content, like standard input:
      JSON Lines if it starts with ``{``, HTML if it starts like HTML, text otherwise.
    - ``published`` and ``source`` are defaults: a date or source in the input wins.
    - ``lang``: ``"auto"`` takes the input's ``language`` field, else detects
      Arabic vs English by the share of Arabic letters; ``"ar"``/``"en"`` force it.
    - ``max_chars``: the longest document (one file, or one JSON line's text)
      accepted; a longer one is rejected (E104) without being processed.
    - ``fields``: article field -> the key of the input objects that holds it
      (``{"published": "pub_time"}``), tried before the usual keys (:data:`FIELD_NAMES`).

    The arguments are checked at once (:class:`~marsad.errors.UsageError`);
    the inputs are read lazily, one article at a time, JSON Lines streamed.
    """
    if isinstance(published, str):
        try:
            published = _parse_date(published)
        except ValueError:
            raise UsageError(f"published must be a date (YYYY-MM-DD), not {published!r}") from None
    if lang not in ("auto", "ar", "en"):
        raise UsageError(f"lang must be 'auto', 'ar' or 'en', not {lang!r}")
    if not isinstance(max_chars, int) or max_chars < 1:
        raise UsageError(f"max_chars must be a positive whole number, not {max_chars!r}")
    if isinstance(paths, str):
        paths = [paths]
    if source is not None and text_problem(source):
        raise UsageError(f"source {text_problem(source)}; give it as UTF-8 text")
    mapped = []
    for name, key in (fields or {}).items():
        if name not in FIELD_NAMES or name == "body":
            raise UsageError(f"a field mapping names one of {', '.join(n for n in FIELD_NAMES if n != 'body')}, "
                             f"not {name!r}")
        if not isinstance(key, str) or not key.strip():
            raise UsageError(f"the input key of field {name!r} is empty")
        mapped.append((name, (key.strip(), *FIELD_NAMES[name])))
    opts = _Options(published=published, source=source, lang=lang, max_chars=max_chars, fields=tuple(mapped))
    return _storable(_read_all(list(paths), opts))


def _storable(items: Iterator[Article | Rejected]) -> Iterator[Article | Rejected]:
    """Articles a database can hold (:func:`marsad.validation.article_problem`); a rejection for
    each of the others, at its ``path:line``."""
    for item in items:
        if isinstance(item, Article):
            problem = article_problem(item)
            if problem is not None:
                yield Rejected(where_of(item), problem + ".", "E108", storable(_sample(item.text)))
                continue
        yield item


def _read_all(paths: list[str], opts: _Options) -> Iterator[Article | Rejected]:
    for path in paths:
        shown = shown_name(path)  # a name that is not UTF-8 is shown (and stored) with \xNN escapes
        if path == "-":
            yield from _guarded(_read_stdin(opts), STDIN_NAME)
        elif os.path.isdir(path):
            yield from _guarded(_read_folder(path, opts), shown)
        elif os.path.exists(path):
            yield from _guarded(_read_file(path, shown, os.path.basename(shown) or shown, opts), shown)
        else:
            yield Rejected(f"{shown}:0", "no such file or folder; check the path.", "E101")


def _guarded(items: Iterator[Article | Rejected], path: str) -> Iterator[Article | Rejected]:
    """Turn an I/O error or a bug while reading one input into a Rejected, and go on."""
    try:
        yield from items
    except _Unreadable as exc:
        yield Rejected(f"{path}:0", exc.message, exc.code, exc.sample)
    except OSError as exc:
        yield Rejected(f"{path}:0", f"cannot read it: {exc.strerror or exc}.", "E105")
    except Exception as exc:  # a bug in this module: report it, keep reading the other inputs
        yield Rejected(f"{path}:0", f"internal error while reading: {type(exc).__name__}: {exc} "
                                    "(please report it; the other inputs were read).", "E198")


# --------------------------------------------------------------------------- folders and files


def _read_folder(folder: str, opts: _Options) -> Iterator[Article | Rejected]:
    errors: list[OSError] = []
    found = 0
    for dirpath, dirnames, filenames in os.walk(folder, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(FOLDER_SUFFIXES):
                continue
            found += 1
            full = os.path.join(dirpath, name)
            doc_id = shown_name(os.path.relpath(full, folder).replace(os.sep, "/"))
            yield from _guarded(_read_file(full, shown_name(full), doc_id, opts), shown_name(full))
        while errors:
            exc = errors.pop(0)
            where = shown_name(str(getattr(exc, "filename", None) or folder))
            yield Rejected(f"{where}:0", f"cannot read this folder: {exc.strerror or exc}.", "E105")
    if not found:
        yield Rejected(f"{shown_name(folder)}:0", "no .txt, .html, .htm, .jsonl or .json files in this folder.", "E111")


def _read_file(path: str, display: str, doc_id: str, opts: _Options) -> Iterator[Article | Rejected]:
    suffix = os.path.splitext(path)[1].lower()
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        size = st.st_size if stat.S_ISREG(st.st_mode) else None
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl_stream(fh, display, doc_id, opts)
            return
        if suffix in JSON_SUFFIXES:
            yield from _read_json_document(_read_capped(fh, size, _JSON_BYTES_PER_CHAR, opts),
                                           display, doc_id, opts)
            return
        if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
            kind = "html" if suffix in HTML_SUFFIXES else "text"
        else:
            kind = _sniff(fh.peek(_SNIFF_BYTES)[:_SNIFF_BYTES])
            if kind == "jsonl":
                yield from _read_jsonl_stream(fh, display, doc_id, opts)
                return
        per_char = {"html": _HTML_BYTES_PER_CHAR, "json": _JSON_BYTES_PER_CHAR}.get(kind, _TEXT_BYTES_PER_CHAR)
        data = _read_capped(fh, size, per_char, opts)
    yield from _document(data, kind, display, doc_id, opts)


def _read_stdin(opts: _Options) -> Iterator[Article | Rejected]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise _Unreadable("standard input is not available.", "E105")
    head = stream.read(_SNIFF_BYTES)
    kind = _sniff(head)
    if kind == "jsonl":
        yield from _read_jsonl_stream(io.BufferedReader(_Prepended(head, stream)), STDIN_NAME,
                                      STDIN_NAME, opts)
        return
    per_char = {"html": _HTML_BYTES_PER_CHAR, "json": _JSON_BYTES_PER_CHAR}.get(kind, _TEXT_BYTES_PER_CHAR)
    data = _read_capped(io.BufferedReader(_Prepended(head, stream)), None, per_char, opts)
    yield from _document(data, kind, STDIN_NAME, STDIN_NAME, opts)


class _Prepended(io.RawIOBase):
    """A stream that first gives back bytes already read from it (the sniffed head)."""

    def __init__(self, head: bytes, rest):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


def _too_large(n_bytes: int, opts: _Options, n_chars: int | None = None) -> _Unreadable:
    size = f"{n_bytes / 1_000_000:.1f} MB" + (f", {n_chars:,} characters" if n_chars is not None else "")
    return _Unreadable(f"document too large: {size} (the limit is {opts.max_chars:,} characters); "
                       "split it or raise --max-chars.", "E104")


def _read_capped(fh, size: int | None, bytes_per_char: int, opts: _Options) -> bytes:
    """All bytes of a document, refusing (E104) one that cannot fit ``max_chars``.

    A regular file is judged by its size before anything is read; a pipe is
    read up to the cap and no further.
    """
    cap = bytes_per_char * opts.max_chars + 4  # + a byte-order mark
    if size is not None and size > cap:
        raise _too_large(size, opts)
    data = fh.read(cap + 1) if size is None else fh.read()
    if len(data) > cap:
        raise _too_large(len(data), opts)
    return data


def _sniff(head: bytes) -> str:
    """``"jsonl"``, ``"json"`` (an array), ``"html"`` or ``"text"``, from the first bytes."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[2:len(head) - (len(head) % 2)].decode(
            "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be", errors="ignore")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="ignore")
    text = text.lstrip()
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("[") and text[1:].lstrip().startswith(("{", "]")):
        return "json"
    if text.startswith("<") and _HTML_START_RE.match(text):
        return "html"
    return "text"


# --------------------------------------------------------------------------- whole documents


def _document(data: bytes, kind: str, display: str, doc_id: str,
              opts: _Options) -> Iterator[Article | Rejected]:
    """One text or HTML document (or a JSON document when sniffed) from its bytes."""
    where = f"{display}:0"
    if _is_blank_bytes(data):
        yield Rejected(where, "empty file: it holds no text.", "E103")
        return
    text, encoding = decode_bytes(data)
    if _is_blank(text):
        yield Rejected(where, "empty file: it holds only whitespace.", "E103", _sample(text))
        return
    origin = display + _encoding_note(encoding)
    if kind == "json":
        yield from _read_json_text(text, encoding, display, doc_id, opts)
        return
    if kind == "html":
        yield from _html_article(text, origin, display, doc_id, opts, len(data))
        return
    if len(text) > opts.max_chars:
        yield Rejected(where, str(_too_large(len(data), opts, len(text)).message), "E104", _sample(text))
        return
    yield _article(text, origin=origin, doc_id=doc_id, opts=opts)


def _is_blank_bytes(data: bytes) -> bool:
    return not data.strip(b" \t\r\n\x0b\x0c") or data in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _encoding_note(encoding: str) -> str:
    return "" if encoding in ("utf-8", "utf-8-sig", "utf_8", "ascii") else f" ({encoding})"


def _article(text: str, *, origin: str, doc_id: str, opts: _Options, published: date | None = None,
             source: str | None = None, url: str | None = None, language: str | None = None,
             title: str | None = None) -> Article:
    if opts.lang != "auto":
        lang = opts.lang
    elif language:
        lang = _language_code(language)
    else:
        lang = detect_language(text)
    return Article(text=text, id=doc_id, published=published or opts.published,
                   source=source or opts.source, url=url, language=lang, title=title, origin=origin)


# --------------------------------------------------------------------------- HTML


def _html_article(html: str, origin: str, display: str, doc_id: str, opts: _Options,
                  n_bytes: int) -> Iterator[Article | Rejected]:
    where = f"{display}:0"
    text, title, published, url = _trafilatura_text(html)
    if not text or _is_blank(text):
        text, fallback_title = _body_text(html)
        title = title or fallback_title
    if not text or _is_blank(text):
        yield Rejected(where, "HTML page with no text in it (no article text, nothing in <body>).",
                       "E110", _sample(html))
        return
    if len(text) > opts.max_chars:
        yield Rejected(where, _too_large(n_bytes, opts, len(text)).message, "E104", _sample(text))
        return
    yield _article(text, origin=origin, doc_id=doc_id, opts=opts, published=published, url=url,
                   title=title)


def _trafilatura_text(html: str) -> tuple[str | None, str | None, date | None, str | None]:
    """Main text, title, publication date and URL of a page, offline; Nones when it finds nothing."""
    try:
        import trafilatura
        from trafilatura.settings import set_date_params
    except ImportError:  # pragma: no cover - a declared dependency
        return None, None, None, None
    try:
        # extensive_search off: only <meta>/<time>/structured-data dates, never a
        # date guessed from the article body (which may be an event date)
        doc = trafilatura.bare_extraction(html, include_comments=False, favor_recall=True,
                                          with_metadata=True, date_extraction_params=set_date_params(False))
    except Exception:  # trafilatura failing on odd markup: fall back to plain tag stripping
        return None, None, None, None
    if doc is None:
        return None, None, None, None
    published = None
    if getattr(doc, "date", None):
        try:
            published = _parse_date(str(doc.date))
        except ValueError:
            published = None
    url = getattr(doc, "url", None)
    return getattr(doc, "text", None), getattr(doc, "title", None) or None, published, \
        url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


class _BodyText(HTMLParser):
    """Plain text of a page: the text of <body> (or of everything, without one), no scripts."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
             "blockquote", "header", "footer", "nav", "aside", "table", "ul", "ol", "dd", "dt", "pre",
             "figcaption", "main", "hr", "td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.parts: list[str] = []
        self.body_parts: list[str] | None = None
        self.in_title = False
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP and tag != "head":
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "body" and self.body_parts is None:
            self.body_parts = []
        if tag in self.BLOCK:
            self._out().append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and tag != "head" and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag in self.BLOCK:
            self._out().append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self._out().append(data)

    def _out(self) -> list[str]:
        return self.body_parts if self.body_parts is not None else self.parts

    def text(self) -> str:
        raw = "".join(self.body_parts if self.body_parts is not None else self.parts)
        lines = (" ".join(line.split()) for line in raw.splitlines())
        return "\n".join(line for line in lines if line)


def _body_text(html: str) -> tuple[str, str | None]:
    parser = _BodyText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # HTMLParser is lenient; this is a last resort against odd input
        pass
    title = " ".join("".join(parser.title).split()) or None
    return parser.text(), title


# --------------------------------------------------------------------------- JSON and JSON Lines


def _read_jsonl_stream(fh: io.BufferedReader, display: str, doc_id: str,
                       opts: _Options) -> Iterator[Article | Rejected]:
    """One article per line, streamed: only one line is in memory at a time."""
    head = fh.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
    if not head:
        yield Rejected(f"{display}:0", "empty file: it holds no JSON lines.", "E103")
        return
    cap = _JSON_BYTES_PER_CHAR * opts.max_chars + 65_536  # the text may be all \uXXXX escapes
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 JSON Lines: decode as a text stream
        lines: Iterable[tuple[int, str | None, int, str]] = _utf16_lines(fh, cap)
    elif _mostly_nul_lines(head):  # UTF-16 without a byte-order mark, or binary
        yield Rejected(f"{display}:0", "binary file, not text: it holds NUL bytes and no UTF-16 "
                       "byte-order mark (JSON Lines must be UTF-8 text).", "E102", _byte_sample(head))
        return
    else:
        lines = _byte_lines(fh, cap)
    yield from _records_from_lines(lines, display, doc_id, opts)


def _mostly_nul_lines(head: bytes) -> bool:
    """Whether most lines of a file's head hold NUL bytes: a binary or BOM-less UTF-16 file,
    not a text file with a stray NUL here and there (which spoils only its own lines)."""
    lines = head.split(b"\n")
    return sum(1 for line in lines if b"\x00" in line) * 2 > len(lines)


def _byte_lines(fh: io.BufferedReader, cap: int) -> Iterator[tuple[int, str | None, int, str]]:
    """``(line number, text or None when too long or undecodable, bytes, encoding)``."""
    lineno = 0
    while True:
        raw = fh.readline(cap + 1)
        if not raw:
            return
        lineno += 1
        n_bytes = len(raw)
        if n_bytes > cap and not raw.endswith(b"\n"):
            while True:  # skip the rest of an overlong line without keeping it
                more = fh.readline(1 << 20)
                n_bytes += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield lineno, None, n_bytes, "too-large"
            continue
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield lineno, raw.decode("utf-8"), n_bytes, "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = decode_bytes(raw)
            except _Unreadable:
                yield lineno, None, n_bytes, "binary"
                continue
            yield lineno, text, n_bytes, encoding


def _utf16_lines(fh: io.BufferedReader, cap: int) -> Iterator[tuple[int, str | None, int, str]]:
    stream = io.TextIOWrapper(fh, encoding="utf-16", errors="strict", newline=None)
    lineno = 0
    while True:
        try:
            line = stream.readline(cap + 1)
        except UnicodeDecodeError:
            yield lineno + 1, None, 0, "binary"
            return
        if not line:
            return
        lineno += 1
        n = len(line)
        if n > cap and not line.endswith("\n"):
            while True:
                more = stream.readline(1 << 20)
                n += len(more)
                if not more or more.endswith("\n"):
                    break
            yield lineno, None, n * 2, "too-large"
            continue
        yield lineno, line, n * 2, "utf-16"


def _records_from_lines(lines: Iterable[tuple[int, str | None, int, str]], display: str, doc_id: str,
                        opts: _Options) -> Iterator[Article | Rejected]:
    blank: list[int] = []  # blank lines are reported only if a non-blank line follows them
    any_line = False
    for lineno, text, n_bytes, encoding in lines:
        where = f"{display}:{lineno}"
        if text is not None and "\x00" in text:  # a stray NUL byte spoils its line, not the file
            text, encoding = None, "nul"
        if text is None:
            if encoding == "too-large":
                yield Rejected(where, _too_large(n_bytes, opts).message, "E104")
            elif encoding == "nul":
                yield Rejected(where, "binary line, not text: it holds NUL bytes (JSON Lines must be UTF-8 "
                               "text); the other lines are read.", "E102")
            else:
                yield Rejected(where, "binary line, not text: it is not UTF-8 (nor Windows-1256) text.",
                               "E102")
            blank.clear()
            any_line = True
            continue
        if _is_blank(text):
            blank.append(lineno)
            continue
        for b in blank:
            yield Rejected(f"{display}:{b}", "empty line; JSON Lines needs one article object per "
                           "line (remove blank lines).", "E103")
        blank.clear()
        any_line = True
        text = text.rstrip("\r\n")
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Rejected(where, f"malformed JSON: {exc.msg} at column {exc.colno}; each line must be "
                           "one complete JSON object.", "E106", _sample(text))
            continue
        except (ValueError, RecursionError) as exc:
            yield Rejected(where, f"malformed JSON: {exc}; each line must be one complete JSON object.",
                           "E106", _sample(text))
            continue
        yield _record_article(value, where, origin=where + _encoding_note(encoding),
                              default_id=f"{doc_id}:{lineno}", opts=opts, sample=text)
    if not any_line:
        yield Rejected(f"{display}:0", "empty file: it holds no JSON lines.", "E103")


def _read_json_document(data: bytes, display: str, doc_id: str, opts: _Options) -> Iterator[Article | Rejected]:
    if _is_blank_bytes(data):
        yield Rejected(f"{display}:0", "empty file: it holds no JSON.", "E103")
        return
    text, encoding = decode_bytes(data)
    yield from _read_json_text(text, encoding, display, doc_id, opts)


def _read_json_text(text: str, encoding: str, display: str, doc_id: str,
                    opts: _Options) -> Iterator[Article | Rejected]:
    """A ``.json`` file: an array of article objects, one object, or JSON Lines after all."""
    stripped = text.lstrip()
    note = _encoding_note(encoding)
    if stripped.startswith("["):
        yield from _json_array(text, note, display, doc_id, opts)
        return
    if stripped.startswith("{"):
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            value = None  # not one object: try it as JSON Lines below
        if isinstance(value, dict):
            line = text[: len(text) - len(stripped)].count("\n") + 1
            where = f"{display}:{line}"
            yield _record_article(value, where, origin=where + note, default_id=doc_id, opts=opts,
                                  sample=stripped)
            return
    lines = ((i, line, len(line), encoding) for i, line in enumerate(text.splitlines(), start=1))
    yield from _records_from_lines(lines, display, doc_id, opts)


def _json_array(text: str, note: str, display: str, doc_id: str,
                opts: _Options) -> Iterator[Article | Rejected]:
    decoder = json.JSONDecoder()
    ws = re.compile(r"\s*")
    pos = ws.match(text).end() + 1  # after "["
    line, counted = 1, 0
    index = 0
    while True:
        pos = ws.match(text, pos).end()
        if pos < len(text) and text[pos] == "]" and index == 0:
            return
        line += text.count("\n", counted, pos)
        counted = pos
        where = f"{display}:{line}"
        try:
            value, end = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield Rejected(where, f"malformed JSON: {msg}; the rest of this file was not read.", "E106",
                           _sample(text[pos:]))
            return
        index += 1
        yield _record_article(value, where, origin=where + note, default_id=f"{doc_id}[{index}]",
                              opts=opts, sample=text[pos:end])
        pos = ws.match(text, end).end()
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        if pos < len(text) and text[pos] == "]":
            return
        line += text.count("\n", counted, pos)
        counted = pos
        yield Rejected(f"{display}:{line}", "malformed JSON: expected ',' or ']' after an array item; "
                       "the rest of this file was not read.", "E106", _sample(text[pos:]))
        return


def _field(value: dict, opts: _Options, name: str) -> tuple[str, object]:
    """The first of the keys that may hold ``name`` present with a non-null value: (key, value);
    (the field's own name, None) when there is none."""
    for key in opts.keys(name):
        if value.get(key) is not None:
            return key, value[key]
    return name, None


def _record_article(value, where: str, *, origin: str, default_id: str, opts: _Options,
                    sample: str) -> Article | Rejected:
    """An Article from one JSON value: an article object, or a gold record ``{"article": {...}}``.
    Each field is read from the first of its keys that is there (:data:`FIELD_NAMES`)."""
    if isinstance(value, dict) and "text" not in value and "article" in value:
        value = value["article"]
        if not isinstance(value, dict):
            return Rejected(where, f"\"article\" holds a JSON {_json_type(value)}, not an object with a "
                            "\"text\".", "E107", _sample(sample))
    if not isinstance(value, dict):
        return Rejected(where, f"a JSON {_json_type(value)}, not an article object; each line must be "
                        "an object like {\"text\": \"...\"}.", "E107", _sample(sample))
    fields = {name: _field(value, opts, name) for name in FIELD_NAMES}
    for name in ("source", "url", "title", "language", "body"):
        key, cell = fields[name]
        if cell is not None and not isinstance(cell, str):
            return Rejected(where, f"\"{key}\" is a JSON {_json_type(cell)}; it must be a string "
                            "or null.", "E108", _sample(sample))
    text_key, text = fields["text"]
    title = fields["title"][1]
    if text is None and fields["body"][1] is not None:  # title + body, as news corpora keep them
        text_key, body = fields["body"]
        text = f"{title}\n\n{body}" if title and not _is_blank(title) and not _is_blank(body) else body
    if text is None:
        return Rejected(where, "no \"text\" field; each article object needs the article text in "
                        "\"text\" (or \"body\", with or without a \"title\"; or name the key with "
                        "--field text=KEY).", "E108", _sample(sample))
    if not isinstance(text, str):
        return Rejected(where, f"\"{text_key}\" is a JSON {_json_type(text)}, not a string.", "E108",
                        _sample(sample))
    if _is_blank(text):
        return Rejected(where, f"\"{text_key}\" is empty.", "E103", _sample(sample))
    if len(text) > opts.max_chars:
        return Rejected(where, f"document too large: {len(text):,} characters (the limit is "
                        f"{opts.max_chars:,}); split it or raise --max-chars.", "E104", _sample(text))
    id_key, raw_id = fields["id"]
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        return Rejected(where, f"\"{id_key}\" is a JSON {_json_type(raw_id)}; it must be a string or a number.",
                        "E108", _sample(sample))
    published = None
    date_key, raw_date = fields["published"]
    if raw_date not in (None, ""):
        if not isinstance(raw_date, str):
            return Rejected(where, f"\"{date_key}\" is a JSON {_json_type(raw_date)}; write the date as "
                            "\"YYYY-MM-DD\".", "E109", _sample(sample))
        try:
            published = _parse_date(raw_date)
        except ValueError:
            return Rejected(where, f"\"{date_key}\" is not a date: {raw_date[:40]!r}; write it as "
                            "\"YYYY-MM-DD\".", "E109", _sample(sample))
    doc_id = str(raw_id) if raw_id not in (None, "") else default_id
    return _article(text, origin=origin, doc_id=doc_id, opts=opts, published=published,
                    source=fields["source"][1] or None, url=fields["url"][1] or None,
                    language=fields["language"][1] or None, title=title or None)


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "object"
