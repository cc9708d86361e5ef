"""marsad.readers: files, folders, standard input, encodings and rejections."""
from __future__ import annotations

import io
import json
import os
import random
import sys
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import InputError, UsageError
from marsad.model import Article
from marsad.readers import Rejected, decode_bytes, detect_language, read_inputs

ARTICLE_AR = (
    "قتل ثلاثة مدنيين اليوم في قصف مدفعي على مدينة إدلب شمال غربي سوريا، بحسب مصدر محلي.\n"
    "وأضاف المصدر أن القصف استهدف سوقاً شعبياً في وسط المدينة."
)
ARTICLE_EN = "Three civilians were killed today in artillery shelling on the city of Idlib."

HTML_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>قصف على إدلب</title>
<meta property="article:published_time" content="2020-02-07T10:00:00+03:00">
<link rel="canonical" href="https://example.org/news/1"></head>
<body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li></ul></nav>
<article><h1>قصف على إدلب</h1>
<p>قتل ثلاثة مدنيين اليوم في قصف مدفعي على مدينة إدلب شمال غربي سوريا، بحسب ما أفاد مصدر محلي لوكالة الأنباء.</p>
<p>وأضاف المصدر أن القصف استهدف سوقاً شعبياً في وسط المدينة وأدى إلى دمار كبير في المحال التجارية المجاورة.</p>
</article>
<footer><p>جميع الحقوق محفوظة لموقع الأخبار النموذجي</p></footer>
</body></html>
"""


def read(paths, **kwargs) -> list[Article | Rejected]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def articles(items) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def rejected(items) -> list[Rejected]:
    return [x for x in items if isinstance(x, Rejected)]


# --------------------------------------------------------------------------- decode_bytes


def test_decode_bytes_reads_utf8():
    assert decode_bytes(ARTICLE_AR.encode("utf-8")) == (ARTICLE_AR, "utf-8")


def test_decode_bytes_drops_utf8_bom():
    assert decode_bytes(b"\xef\xbb\xbf" + ARTICLE_AR.encode("utf-8")) == (ARTICLE_AR, "utf-8-sig")


def test_decode_bytes_reads_utf16_with_bom():
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
        assert decode_bytes(bom + ARTICLE_AR.encode(codec)) == (ARTICLE_AR, "utf-16")


def test_decode_bytes_reads_cp1256_arabic():
    assert decode_bytes(ARTICLE_AR.encode("cp1256")) == (ARTICLE_AR, "cp1256")


def test_decode_bytes_reads_short_cp1256_word():
    assert decode_bytes("قتل".encode("cp1256")) == ("قتل", "cp1256")


def test_decode_bytes_reads_iso_8859_6_arabic():
    text = "قتل ثلاثة مدنيين في قصف على مدينة إدلب"
    assert decode_bytes(text.encode("iso-8859-6")) == (text, "iso-8859-6")


def test_decode_bytes_does_not_read_french_cp1252_as_arabic():
    text, encoding = decode_bytes("Un café à Paris, un résumé détaillé de la journée.".encode("cp1252"))
    assert encoding not in ("cp1256", "iso-8859-6")
    assert text.startswith("Un caf")


def test_decode_bytes_keeps_utf8_with_one_damaged_byte():
    data = ARTICLE_AR.encode("utf-8")
    damaged = data[:9] + data[10:]  # cut one byte out of a two-byte letter
    text, encoding = decode_bytes(damaged)
    assert encoding == "utf-8-lossy"
    assert "\ufffd" in text and "مدنيين" in text


def test_decode_bytes_rejects_binary_with_nul_bytes():
    with pytest.raises(InputError) as exc:
        decode_bytes(b"\x00\x01\x02PNG" + bytes(range(256)) * 4)
    assert exc.value.code == "E102"


def test_decode_bytes_rejects_random_bytes_without_nul():
    rng = random.Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(1, 256) for _ in range(2000))
        with pytest.raises(InputError):
            decode_bytes(data)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوية ءأإآىؤئ،.0123456789"), min_size=1,
                max_size=300).map("".join).filter(lambda s: any("\u0621" <= c <= "\u064a" for c in s)))
def test_decode_bytes_round_trips_arabic_in_every_supported_encoding(text):
    for codec in ("utf-8", "utf-16", "cp1256"):
        data = text.encode(codec)
        if codec == "cp1256" and _also_utf8(data):
            continue  # "ط،" in cp1256 is the bytes of "ء" in UTF-8: both readings are valid
        assert decode_bytes(data)[0] == text


def _also_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_a_legacy_text_that_happens_to_be_valid_utf8_is_read_as_utf8():
    # two cp1256 bytes can spell a UTF-8 letter; a real document is never that short
    assert decode_bytes("ط،".encode("cp1256"))[0] == "ء"


# --------------------------------------------------------------------------- whole files


def test_missing_path_is_rejected_and_the_rest_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_AR, encoding="utf-8")
    items = read([tmp_path / "missing.txt", good])
    assert [type(x).__name__ for x in items] == ["Rejected", "Article"]
    assert items[0].code == "E101"
    assert items[0].where == f"{tmp_path / 'missing.txt'}:0"
    assert items[1].text == ARTICLE_AR


def test_text_file_gives_one_article_with_file_name_id(tmp_path):
    path = tmp_path / "idlib.txt"
    path.write_text(ARTICLE_AR, encoding="utf-8")
    (article,) = read([path], published=date(2020, 2, 7), source="SANA")
    assert article.text == ARTICLE_AR
    assert article.id == "idlib.txt"
    assert article.origin == str(path)
    assert article.published == date(2020, 2, 7)
    assert article.source == "SANA"
    assert article.language == "ar"


def test_empty_file_is_rejected(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    (item,) = read([path])
    assert isinstance(item, Rejected)
    assert item.code == "E103"
    assert str(item) == f"{path}:0: [E103] empty file: it holds no text."


def test_whitespace_only_file_is_rejected(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\u200f\n  ", encoding="utf-8")
    (item,) = read([path])
    assert isinstance(item, Rejected) and item.code == "E103"


def test_binary_file_is_rejected(tmp_path):
    path = tmp_path / "photo.txt"
    rng = random.Random(1)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(5000)) + b"\x00\x00")
    (item,) = read([path])
    assert isinstance(item, Rejected)
    assert item.code == "E102"
    assert "binary file, not text" in item.reason
    assert item.where == f"{path}:0"
    assert item.sample  # the first bytes, for inspection


def test_cp1256_file_is_decoded_to_the_exact_text(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARTICLE_AR.encode("cp1256"))
    (article,) = read([path])
    assert isinstance(article, Article)
    assert article.text == ARTICLE_AR
    assert article.origin == f"{path} (cp1256)"
    assert article.language == "ar"


def test_utf16_file_is_decoded(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE_AR.encode("utf-16"))
    (article,) = read([path])
    assert article.text == ARTICLE_AR


def test_20_mb_file_is_rejected_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(("قتل ثلاثة مدنيين. ".encode("utf-8")) * (20 * 1024 * 1024 // 32))
    assert path.stat().st_size >= 20_000_000
    start = time.perf_counter()
    (item,) = read([path])
    assert time.perf_counter() - start < 1.0  # judged by its size, not read
    assert isinstance(item, Rejected)
    assert item.code == "E104"
    assert "document too large: 21.0 MB" in item.reason
    assert "--max-chars" in item.reason


def test_text_longer_than_max_chars_is_rejected(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("ا" * 5000, encoding="utf-8")
    (item,) = read([path], max_chars=1000)
    assert isinstance(item, Rejected) and item.code == "E104"
    (article,) = read([path], max_chars=5000)
    assert isinstance(article, Article)


def test_unknown_suffix_is_read_by_its_content(tmp_path):
    text_file = tmp_path / "notes"
    text_file.write_text(ARTICLE_AR, encoding="utf-8")
    jsonl_file = tmp_path / "export.data"
    jsonl_file.write_text(json.dumps({"id": "a1", "text": ARTICLE_AR}) + "\n", encoding="utf-8")
    html_file = tmp_path / "page.php"
    html_file.write_text(HTML_PAGE, encoding="utf-8")
    items = read([text_file, jsonl_file, html_file])
    assert [x.id for x in items] == ["notes", "a1", "page.php"]
    assert "<" not in items[2].text


# --------------------------------------------------------------------------- HTML


def test_html_main_text_is_extracted_without_boilerplate(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (article,) = read([path], published=date(2020, 1, 1))
    assert isinstance(article, Article)
    assert "قتل ثلاثة مدنيين اليوم في قصف مدفعي على مدينة إدلب" in article.text
    assert "جميع الحقوق محفوظة" not in article.text  # footer
    assert "الرئيسية" not in article.text  # navigation
    assert article.title == "قصف على إدلب"
    assert article.published == date(2020, 2, 7)  # the page's <meta> date wins over the default
    assert article.url == "https://example.org/news/1"
    assert article.id == "page.html"


def test_html_without_main_text_falls_back_to_body_text(tmp_path):
    path = tmp_path / "tiny.htm"
    path.write_text("<html><head><title>t</title><script>var x = 1;</script></head>"
                    "<body><div>قصف على إدلب</div><script>alert(1)</script></body></html>", encoding="utf-8")
    (article,) = read([path])
    assert isinstance(article, Article)
    assert "قصف على إدلب" in article.text
    assert "alert" not in article.text and "var x" not in article.text


def test_html_with_no_text_is_rejected(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title></title></head><body><script>x()</script></body></html>",
                    encoding="utf-8")
    (item,) = read([path])
    assert isinstance(item, Rejected) and item.code == "E110"


def test_cp1256_html_is_decoded(tmp_path):
    path = tmp_path / "legacy.html"
    path.write_bytes(HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1256"').encode("cp1256"))
    (article,) = read([path])
    assert "مدنيين" in article.text
    assert article.origin.endswith("(cp1256)")


# --------------------------------------------------------------------------- JSON Lines


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def test_jsonl_broken_line_between_good_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(jsonl({"id": "a", "text": ARTICLE_AR}, '{"id": "b", "text": "قصف', {"id": "c", "text": ARTICLE_EN}),
                    encoding="utf-8")
    items = read([path])
    assert [x.id for x in articles(items)] == ["a", "c"]
    (bad,) = rejected(items)
    assert bad.where == f"{path}:2"
    assert bad.code == "E106"
    assert "malformed JSON" in bad.reason
    assert bad.sample.startswith('{"id": "b"')
    assert articles(items)[1].origin == f"{path}:3"


def test_jsonl_every_kind_of_bad_line_is_named_by_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(jsonl(
        {"text": ARTICLE_AR},                       # 1 good
        "[1, 2]",                                   # 2 not an object
        {"id": "x"},                                # 3 no text
        {"text": 42},                               # 4 text not a string
        {"text": "   "},                            # 5 empty text
        {"text": ARTICLE_AR, "published": "7/2/2020"},  # 6 bad date
        {"text": ARTICLE_AR, "source": ["a"]},      # 7 source not a string
        "",                                         # 8 blank line
        {"text": ARTICLE_AR, "published": "2020-02-07T10:30:00Z"},  # 9 good
    ), encoding="utf-8")
    items = read([path])
    assert {x.where.rsplit(":", 1)[1]: x.code for x in rejected(items)} == {
        "2": "E107", "3": "E108", "4": "E108", "5": "E103", "6": "E109", "7": "E108", "8": "E103"}
    good = articles(items)
    assert [a.origin for a in good] == [f"{path}:1", f"{path}:9"]
    assert good[0].id == "bad.jsonl:1"  # no id in the line: file name and line
    assert good[1].published == date(2020, 2, 7)


def test_jsonl_fields_and_defaults(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(jsonl(
        {"id": 17, "text": ARTICLE_AR, "published": "2022-01-23", "source": "Enab Baladi",
         "url": "https://example.org/a", "title": "عنوان"},
        {"text": ARTICLE_EN, "lang": "en-GB"},
    ), encoding="utf-8")
    first, second = read([path], published=date(2020, 1, 1), source="default source")
    assert (first.id, first.published, first.source, first.url, first.title) == (
        "17", date(2022, 1, 23), "Enab Baladi", "https://example.org/a", "عنوان")
    assert (second.published, second.source, second.language) == (date(2020, 1, 1), "default source", "en")


def test_jsonl_gold_format_takes_the_article_object(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(jsonl({"article": {"id": "g1", "text": ARTICLE_AR, "published": "2022-01-23",
                                       "language": "ar"}, "events": [], "notes": "negative"}),
                    encoding="utf-8")
    (article,) = read([path])
    assert (article.id, article.text, article.published) == ("g1", ARTICLE_AR, date(2022, 1, 23))


def test_jsonl_trailing_blank_lines_are_not_rejected(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(jsonl({"text": ARTICLE_AR}) + "\n\n", encoding="utf-8")
    assert [type(x) for x in read([path])] == [Article]


def test_jsonl_overlong_line_is_skipped_and_the_next_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(jsonl({"text": "ا" * 50_000}, {"text": "ب" * 500}, {"text": ARTICLE_AR}), encoding="utf-8")
    items = read([path], max_chars=1000)
    codes = [x.code for x in rejected(items)]
    assert codes == ["E104"]  # the 50,000-character line; the 500-character one fits
    assert [a.origin for a in articles(items)] == [f"{path}:2", f"{path}:3"]


def test_jsonl_line_far_too_long_to_hold_is_skipped_unread(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(jsonl({"text": "x" * 200_000}, {"text": "قصف على حلب"}), encoding="utf-8")
    items = read([path], max_chars=100)  # 200 KB is far over 6 bytes a character + 64 KB for a line
    assert [type(x) for x in items] == [Rejected, Article]
    assert items[0].code == "E104" and items[0].where == f"{path}:1"


def test_jsonl_in_cp1256_is_decoded_line_by_line(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": ARTICLE_AR}, {"id": "b", "text": "قصف على حلب"})
                     .encode("cp1256"))
    first, second = read([path])
    assert (first.text, second.text) == (ARTICLE_AR, "قصف على حلب")
    assert first.origin == f"{path}:1 (cp1256)"


def test_jsonl_in_utf16_is_read(tmp_path):
    path = tmp_path / "utf16.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": ARTICLE_AR}, "{oops", {"id": "b", "text": ARTICLE_EN})
                     .encode("utf-16"))
    items = read([path])
    assert [x.id for x in articles(items)] == ["a", "b"]
    assert [x.where for x in rejected(items)] == [f"{path}:2"]


def test_binary_file_named_jsonl_is_rejected_once(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 100)
    (item,) = read([path])
    assert item.code == "E102" and item.where == f"{path}:0"


def test_empty_jsonl_file_is_rejected(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    (item,) = read([path])
    assert item.code == "E103"


def test_json_array_file(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "a", "text": ARTICLE_AR}, {"text": ARTICLE_EN}, {"text": ""}],
                               ensure_ascii=False, indent=1), encoding="utf-8")
    items = read([path])
    assert [x.id for x in articles(items)] == ["a", "batch.json[2]"]
    (bad,) = rejected(items)
    assert bad.code == "E103"
    assert bad.line > 1  # the line where that item starts


def test_json_single_object_file(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": ARTICLE_AR, "published": "2022-01-23"}, indent=2), encoding="utf-8")
    (article,) = read([path])
    assert article.published == date(2022, 1, 23) and article.id == "one.json"


# --------------------------------------------------------------------------- folders and stdin


def test_mixed_folder_reads_good_files_and_rejects_bad_ones(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE_AR, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "d.txt").write_bytes(os.urandom(3000) + b"\x00")
    (folder / "sub" / "e.jsonl").write_text(jsonl({"text": ARTICLE_EN}, "{bad", {"text": ARTICLE_AR}),
                                            encoding="utf-8")
    (folder / "sub" / "f.txt").write_bytes(ARTICLE_AR.encode("cp1256"))
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    items = read([folder])
    assert [a.id for a in articles(items)] == ["a.txt", "c.html", "sub/e.jsonl:1", "sub/e.jsonl:3", "sub/f.txt"]
    assert [(r.where, r.code) for r in rejected(items)] == [
        (f"{folder / 'b.txt'}:0", "E103"),
        (f"{folder / 'd.txt'}:0", "E102"),
        (f"{folder / 'sub' / 'e.jsonl'}:2", "E106"),
    ]


def test_folder_without_input_files_is_rejected(tmp_path):
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    (item,) = read([tmp_path])
    assert item.code == "E111"


def _fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch):
    _fake_stdin(monkeypatch, ARTICLE_AR.encode("utf-8"))
    (article,) = read(["-"])
    assert (article.text, article.id, article.origin) == (ARTICLE_AR, "<stdin>", "<stdin>")


def test_stdin_json_lines_are_streamed_with_line_numbers(monkeypatch):
    _fake_stdin(monkeypatch, jsonl({"id": "a", "text": ARTICLE_AR}, "not json", {"text": ARTICLE_EN}).encode())
    items = read(["-"])
    assert [x.id for x in articles(items)] == ["a", "<stdin>:3"]
    assert [str(r) for r in rejected(items)][0].startswith("<stdin>:2: [E106] malformed JSON")


def test_stdin_html(monkeypatch):
    _fake_stdin(monkeypatch, HTML_PAGE.encode("utf-8"))
    (article,) = read(["-"])
    assert "مدنيين" in article.text and "<p>" not in article.text


def test_stdin_cp1256(monkeypatch):
    _fake_stdin(monkeypatch, ARTICLE_AR.encode("cp1256"))
    (article,) = read(["-"])
    assert article.text == ARTICLE_AR


def test_stdin_too_large_is_rejected(monkeypatch):
    _fake_stdin(monkeypatch, b"a" * 50_000)
    (item,) = read(["-"], max_chars=1000)
    assert item.code == "E104" and item.where == "<stdin>:0"


# --------------------------------------------------------------------------- language, arguments, records


def test_language_detected_forced_or_taken_from_the_input(tmp_path):
    ar, en = tmp_path / "ar.txt", tmp_path / "en.txt"
    ar.write_text(ARTICLE_AR, encoding="utf-8")
    en.write_text(ARTICLE_EN, encoding="utf-8")
    assert [a.language for a in read([ar, en])] == ["ar", "en"]
    assert [a.language for a in read([ar, en], lang="ar")] == ["ar", "ar"]
    feed = tmp_path / "f.jsonl"
    feed.write_text(jsonl({"text": ARTICLE_AR, "language": "en"}), encoding="utf-8")
    assert read([feed])[0].language == "en"
    assert read([feed], lang="ar")[0].language == "ar"


def test_detect_language_by_share_of_arabic_letters():
    assert detect_language(ARTICLE_AR) == "ar"
    assert detect_language(ARTICLE_EN) == "en"
    assert detect_language("قال مسؤول في Human Rights Watch إن القصف استهدف المدنيين") == "ar"
    assert detect_language("12345 ...") == "ar"


def test_bad_arguments_raise_usage_error_at_once():
    with pytest.raises(UsageError):
        read_inputs(["x"], lang="fr")
    with pytest.raises(UsageError):
        read_inputs(["x"], max_chars=0)
    with pytest.raises(UsageError):
        read_inputs(["x"], published="yesterday")


def test_rejected_prints_path_line_code_and_reason_and_has_a_record():
    item = Rejected("feed.jsonl:12", "malformed JSON:\nExpecting value.", "E106", sample="{x")
    assert str(item) == "feed.jsonl:12: [E106] malformed JSON: Expecting value."
    assert item.to_record() == {"where": "feed.jsonl:12", "path": "feed.jsonl", "line": 12, "code": "E106",
                                "reason": "malformed JSON:\nExpecting value.", "sample": "{x"}


def test_rejected_for_article_uses_its_origin():
    whole = Article(text="x", origin="dir/a.txt (cp1256)")
    line = Article(text="x", origin="feed.jsonl:4")
    assert Rejected.for_article(whole, "boom", "E199").where == "dir/a.txt:0"
    assert Rejected.for_article(line, "boom", "E199").where == "feed.jsonl:4"


def test_cp1256_bytes_that_are_also_valid_utf8_decode_as_arabic():
    # C7 A1 is "ا،" in cp1256 and "ǡ" in UTF-8
    assert decode_bytes("ا،".encode("cp1256")) == ("ا،", "cp1256")
    assert decode_bytes("café résumé".encode("utf-8"))[1] == "utf-8"
