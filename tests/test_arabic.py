"""The Arabic text layer: normalisation with an offset map, clitics, sentences, the phrase matcher."""
import pytest
from hypothesis import given, settings, strategies as st

from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.normalise import _NEWLINES, _SPACES, _fold_char, normalise
from marsad.arabic.tokenise import all_candidates, make_doc, split_sentences, stem_candidates

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B)]
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0640", "\u0670", "\u200f", "\u200e", "\u200b", "\u200c", "\ufeff"]
DIGITS = [chr(0x0660 + i) for i in range(10)] + [chr(0x06F0 + i) for i in range(10)] + list("0123456789")
OTHER = [" ", "  ", "\n", "\r\n", "\t", "\u00a0", "،", ".", "؟", "(", ")", "«", "»", "a", "B", "-"]
arabic_text = st.lists(st.sampled_from(ARABIC_LETTERS * 4 + MARKS + DIGITS + OTHER), max_size=200).map("".join)


@settings(max_examples=300, deadline=None)
@given(arabic_text)
def test_offsets_round_trip_on_random_arabic_text(raw):
    n = normalise(raw)
    assert len(n.to_raw) == len(n.text) + 1
    assert list(n.to_raw) == sorted(n.to_raw)
    for i, ch in enumerate(n.text):
        assert 0 <= n.to_raw[i] < len(raw)
    # every token maps back to a raw slice that normalises to the same token
    doc = make_doc(raw)
    for tok in doc.tokens:
        span = doc.span(tok.start, tok.end)
        assert raw[span.start:span.end] == span.text
        assert normalise(span.text).text.strip() == tok.text


def _normalise_char_by_char(raw):
    """The definition of normalisation, one character at a time (what the fast path must equal)."""
    out, to_raw, last_space, i = [], [], True, 0
    while i < len(raw):
        ch = raw[i]
        if ch in _NEWLINES:
            if ch == "\r" and raw[i + 1:i + 2] == "\n":
                i += 1
            if out and out[-1] == " ":
                out.pop()
                to_raw.pop()
            out.append("\n")
            to_raw.append(i)
            last_space = True
            i += 1
            continue
        if ch in _SPACES and _between_tatweels(raw, i):
            i += 1  # "مجـ ـزرة": a word split by tatweels around a space is one word
            continue
        for piece in " " if ch in _SPACES else _fold_char(ch):
            if piece == " " and last_space:
                continue
            last_space = piece == " "
            out.append(piece)
            to_raw.append(i)
        i += 1
    return "".join(out), tuple(to_raw) + (len(raw),)


def _between_tatweels(raw, i):
    j = i - 1
    while j >= 0 and raw[j] in _SPACES:
        j -= 1
    k = i + 1
    while k < len(raw) and raw[k] in _SPACES:
        k += 1
    return j >= 0 and k < len(raw) and raw[j] == "\u0640" and raw[k] == "\u0640"


LIGATURES = ["\ufefb", "\ufdfa", "\ufe8d", "\uff21", "\u0301", "\x07", "\u2028", "\r"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ARABIC_LETTERS * 4 + MARKS + DIGITS + OTHER + LIGATURES), max_size=120).map("".join))
def test_fast_normalisation_equals_the_character_by_character_definition(raw):
    n = normalise(raw)
    assert (n.text, n.to_raw) == _normalise_char_by_char(raw)


def test_stray_diacritics_tatweel_and_marks_are_removed():
    n = normalise("مقتل ِأكثر مــن \u200fمئةٍ")
    assert n.text == "مقتل اكثر من مئه"


def test_alef_variants_maqsura_and_ta_marbuta_fold():
    assert normalise("إدلب أريحا آلاف مستشفى الحسكة").text == "ادلب اريحا الاف مستشفي الحسكه"


def test_arabic_indic_and_persian_digits_become_ascii():
    assert normalise("قتل ١٨٠ و۲۷").text == "قتل 180 و27"


def test_evidence_span_keeps_the_stray_kasra_of_the_original():
    raw = "أسفرت عن مقتل ِأكثر من مئة"
    doc = make_doc(raw)
    start = doc.text.index("مقتل")
    span = doc.span(start, doc.text.index("من") + 2)
    assert span.text == "مقتل ِأكثر من"


def test_whitespace_runs_collapse_and_crlf_becomes_newline():
    n = normalise("أربعة   أشخاص\r\nبينهم")
    assert n.text == "اربعه اشخاص\nبينهم"


def test_conjunction_preposition_and_article_clitics_are_set_aside():
    forms = dict(stem_candidates("وبحسب"))
    assert "بحسب" in forms and "حسب" in forms
    assert "التنظيم" in dict(stem_candidates("للتنظيم"))
    assert "الحسكه" in dict(stem_candidates("والحسكه"))
    assert "قصف" in dict(stem_candidates("بقصف"))


def test_attached_pronouns_are_set_aside_and_ta_marbuta_restored():
    forms = dict(all_candidates("سيطرتها"))
    assert "سيطره" in forms
    assert "بيان" in dict(all_candidates("بيانها"))


def test_sentences_split_at_stops_but_not_inside_numbers():
    text = "قتل 2.5 شخص. وأصيب آخرون؟ نعم\nسطر جديد"
    pieces = [text[s:e] for s, e, _, _ in split_sentences(text)]
    assert pieces == ["قتل 2.5 شخص.", "وأصيب آخرون؟", "نعم", "سطر جديد"]


def test_heading_line_without_final_stop_is_marked():
    doc = make_doc("مقتل عشرة في قصف على إدلب\n\nقال المرصد إن القصف استمر.")
    assert doc.sentences[0].is_heading
    assert not doc.sentences[1].is_heading


def test_matcher_finds_phrases_with_clitics_and_prefers_the_longest():
    m = PhraseMatcher()
    m.add("قوات سوريا الديمقراطية", "SDF")
    m.add("قوات", "FORCES")
    m.add("قصف", "SHELL")
    doc = make_doc("وقوات سوريا الديمقراطية ردت بقصف")
    found = [(x.payload, doc.token_span(x.tok_start, x.tok_end).text) for x in m.find(doc)]
    assert found == [("SDF", "وقوات سوريا الديمقراطية"), ("SHELL", "بقصف")]


def test_matcher_min_stem_blocks_short_stems_behind_clitics():
    m = PhraseMatcher(min_stem=3)
    m.add("نش", "X")
    assert m.find(make_doc("بنش")) == []


def test_a_matcher_filled_after_a_document_was_indexed_still_finds_its_phrases():
    """A document's form index keeps only the forms that start some matcher's phrase; a matcher
    made (or filled) later, on the same document, must not miss its own first words."""
    from marsad.arabic.matcher import PhraseMatcher

    doc = make_doc("وبزغلوطة الكبرى جرى اجتماع")
    first = PhraseMatcher()
    first.add("اجتماع", "meeting")
    assert [m.payload for m in first.find(doc)] == ["meeting"]
    later = PhraseMatcher()
    later.add("زغلوطه الكبري", "invented place")  # a first word no matcher had before
    assert [(m.payload, m.tok_start, m.tok_end) for m in later.find(doc)] == [("invented place", 0, 2)]
    first.add("جري", "verb")
    assert [m.payload for m in first.find(make_doc("جرى اجتماع"))] == ["verb", "meeting"]


def test_characters_nfkc_leaves_alone_in_the_presentation_block_do_not_loop():
    # U+FE0F (emoji variation selector) lies in the presentation-forms range but NFKC keeps it:
    # it used to send the normaliser into endless recursion on any tweet with a ❤️
    from marsad.arabic.normalise import normalise
    for ch in ("\ufe0f", "\ufe0e", "\ufeff", "\ufe00"):
        text = f"قصف {ch} على إدلب ❤️"
        n = normalise(text)
        assert "ادلب" in n.text
        assert len(n.to_raw) == len(n.text) + 1


@pytest.mark.parametrize("text", [
    "معركة طرابلس.. قوات حفتر تصعّد وقوات الوفاق تنسحب\n\nقتل ثلاثة اليوم.",
    "حرب اليمن... التحالف يقصف صنعاء\n\nقتل ثلاثة اليوم.",
])
def test_each_part_of_a_headline_in_parts_is_a_heading(text):
    from marsad.arabic.tokenise import split_sentences
    parts = split_sentences(text)
    assert [p[3] for p in parts if text[p[0]:p[1]].strip(".")] == [True, True, False]


@pytest.mark.parametrize("mark", ["\u2060", "\u2061", "\u2063", "\u180e", "\u2066", "\ufe0f", "\u200b"])
def test_an_invisible_character_inside_a_place_name_keeps_the_event(mark):
    # issue 18 item 14: word joiners and other format characters pasted from social media
    import marsad
    text = f"قتل مدنيان بقصف على مدينة الر{mark}قة اليوم."
    [event] = marsad.extract(text, published="2022-01-23")
    assert event.location == "Ar-Raqqa"
    span = event.evidence["location"][0]
    assert text[span["start"]:span["end"]] == span["text"]  # offsets still point into the raw text
