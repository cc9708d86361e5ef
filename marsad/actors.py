"""Actor recognition against the knowledge base (``kb/data/actors.tsv`` and friends).

``find_actors(doc, countries)`` returns :class:`~marsad.model.ActorMention`
records for named actors (``قوات سوريا الديمقراطية``), their back-references
once named (``التنظيم`` after ``داعش``), generic names resolved by the
article's country (``الجيش`` in Syria is the Syrian army) and nationality
adjectives after a weapon noun (``قصف جوي روسي``).

>>> from marsad.arabic.tokenise import make_doc
>>> doc = make_doc("اشتباكات بين قسد وخلايا تنظيم داعش، وقتل عناصر من التنظيم")
>>> [m.actor for m in find_actors(doc, ["SY"])]
['Syrian Democratic Forces', 'Islamic State', 'Islamic State']
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from marsad.arabic.matcher import PhraseMatcher
from marsad.arabic.normalise import definite
from marsad.arabic.tokenise import Doc
from marsad.cues import cue_matcher, cue_starts, cue_words
from marsad.errors import KnowledgeBaseError
from marsad.kb import load_table, split_list
from marsad.model import ActorMention

# ISO code -> the English country name ACLED writes, and the country whose military a bare الجيش
# names in news from there where that is not its own (kb/data/countries.tsv)
_COUNTRY_ROWS = load_table("countries.tsv", required=("code", "name"))
COUNTRY_NAMES = {row["code"]: row["name"] for row in _COUNTRY_ROWS}
FORCES_IN_NEWS = {row["code"]: row["forces_in_news"] for row in _COUNTRY_ROWS if row.get("forces_in_news")}


def _with_the(template: str, country: str, known) -> str:
    """The template filled with the country, with ACLED's "of the" where the knowledge base
    writes it ("Military Forces of the United States")."""
    plain, with_the = template.format(country=country), template.format(country="the " + country)
    return with_the if with_the in known and plain not in known else plain


def forces_of(cc: str, kind: str = "Military") -> str:
    """"Military Forces of Syria", "Military Forces of the United States"."""
    return _with_the(kind + " Forces of {country}", COUNTRY_NAMES.get(cc, cc), load_actor_kb().actors)


@dataclass(frozen=True)
class Actor:
    canonical: str
    inter: int
    country: str
    scope: tuple[str, ...]
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass
class ActorKB:
    actors: dict[str, Actor]
    names: PhraseMatcher
    backrefs: PhraseMatcher
    generic: PhraseMatcher
    sources: PhraseMatcher
    nationality: PhraseMatcher
    weapon_nouns: PhraseMatcher
    attribution_cues: PhraseMatcher
    alliances: set[frozenset[str]] = field(default_factory=set)
    # first words of names that begin with و (وحدات حماية الشعب): no conjunction before them
    waw_words: frozenset[str] = frozenset()
    # proxy_names.tsv: a sponsor's words for its proxy, payload (country, actor)
    proxies: PhraseMatcher = field(default_factory=PhraseMatcher)

    def inter(self, name: str) -> int:
        actor = self.actors.get(name)
        if actor:
            return actor.inter
        if name.startswith("Military Forces of") or name.startswith("Police Forces of"):
            return 1 if not name.endswith(("Russia", "Turkey", "Israel", "Iran", "the United States")) else 8
        return 3

    def allied(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.alliances


def _parse_date(cell: str, where: str) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        raise KnowledgeBaseError(f"bad date {cell!r}", where=where) from None


@lru_cache(maxsize=1)
def load_actor_kb() -> ActorKB:
    actors: dict[str, Actor] = {}
    names = PhraseMatcher()
    backrefs = PhraseMatcher()
    for row in load_table("actors.tsv", required=("canonical", "inter")):
        where = f"actors.tsv:{row['_line']}"
        try:
            inter = int(row["inter"])
        except ValueError:
            raise KnowledgeBaseError(f"inter must be a number, not {row['inter']!r}", where=where) from None
        if not 1 <= inter <= 8:
            raise KnowledgeBaseError(f"inter {inter} is not an ACLED code 1..8", where=where)
        if row["canonical"] in actors:
            raise KnowledgeBaseError(f"duplicate actor {row['canonical']!r}", where=where)
        actor = Actor(row["canonical"], inter, row.get("country", ""), tuple(split_list(row.get("scope", ""))),
                      _parse_date(row.get("valid_from", ""), where), _parse_date(row.get("valid_to", ""), where))
        actors[actor.canonical] = actor
        for alias in split_list(row.get("aliases_ar", "")) + split_list(row.get("aliases_en", "")):
            names.add(alias, actor.canonical)
        for alias in split_list(row.get("backrefs_ar", "")):
            backrefs.add(alias, actor.canonical)
    _add_communal_groups(actors, names)
    generic = PhraseMatcher()
    for row in load_table("generic_actors.tsv", required=("alias", "template", "inter")):
        # "اللواء {n}": the unit noun names a force only with its number after it
        alias, numbered = row["alias"].removesuffix(" {n}"), row["alias"].endswith(" {n}")
        if "{" in alias:
            raise KnowledgeBaseError(f"an alias takes {{n}} only at its end: {row['alias']!r}",
                                     where=f"generic_actors.tsv:{row['_line']}")
        generic.add(alias, (row["template"], int(row["inter"]), row.get("army") == "1", numbered))
    sources = PhraseMatcher()
    for row in load_table("sources.tsv", required=("canonical",)):
        for alias in split_list(row.get("aliases_ar", "")) + split_list(row.get("aliases_en", "")):
            sources.add(alias, row["canonical"])
    nationality = PhraseMatcher(suffixes=False)
    for row in load_table("nationality.tsv", required=("adjective", "country", "actor")):
        adjective = row["adjective"]
        nationality.add(adjective, row["actor"])
        if adjective.endswith("ي"):
            # the masculine plurals of a listed adjective (الإسرائيليين، الإسرائيليون) and its
            # nominative dual (صاروخان إسرائيليان; the genitive dual is spelled as the plural)
            for plural in (adjective + "ين", adjective + "ون", adjective + "ان"):
                nationality.add(plural, row["actor"])
        if adjective.endswith("ية"):
            # the feminine duals (طائرتين إسرائيليتين، مقاتلتان روسيتان)
            for dual in (adjective[:-1] + "تين", adjective[:-1] + "تان"):
                nationality.add(dual, row["actor"])
    alliances: set[frozenset[str]] = set()
    for row in load_table("alliances.tsv", required=("actor", "ally")):
        for name in (row["actor"], row["ally"]):
            if name not in actors:
                raise KnowledgeBaseError(f"unknown actor {name!r}", where=f"alliances.tsv:{row['_line']}")
        alliances.add(frozenset((row["actor"], row["ally"])))
    waw_words = frozenset(alias.split()[0] for row in load_table("actors.tsv") for alias in split_list(row.get("aliases_ar", ""))
                          if alias.startswith("و"))
    proxies = PhraseMatcher()
    for row in load_table("proxy_names.tsv", required=("country", "alias", "actor")):
        if row["actor"] not in actors:
            raise KnowledgeBaseError(f"unknown actor {row['actor']!r}", where=f"proxy_names.tsv:{row['_line']}")
        proxies.add(row["alias"], (row["country"], row.get("sponsor", ""), row["actor"]))
    return ActorKB(actors, names, backrefs, generic, sources, nationality,
                   cue_matcher("perpetrator_weapon"), cue_matcher("attribution"), alliances, waw_words, proxies)


def _add_communal_groups(actors: dict[str, Actor], names: PhraseMatcher) -> None:
    """The identity militias of ``communal_groups.tsv``: each community's names after each prefix of
    the cue category communal_prefix ("مسلحون من قبيلة التبو"), and alone where the row says so."""
    prefixes = [row["phrase"] for row in load_table("cues.tsv", required=("cue", "phrase"))
                if row["cue"] == "communal_prefix"]
    for row in load_table("communal_groups.tsv", required=("canonical", "country", "names_ar")):
        where = f"communal_groups.tsv:{row['_line']}"
        name = row["canonical"]
        if name in actors:
            raise KnowledgeBaseError(f"duplicate actor {name!r}", where=where)
        if not name.endswith(("Ethnic Militia", "Tribal Militia", "Communal Militia")):
            raise KnowledgeBaseError(f"a communal militia is named '<Name> Ethnic/Tribal/Communal Militia', "
                                     f"not {name!r}", where=where)
        if row.get("standalone", "") not in ("", "1"):
            raise KnowledgeBaseError(f"standalone must be 1 or empty, not {row['standalone']!r}", where=where)
        actors[name] = Actor(name, 4, row["country"], (row["country"],))
        for form in split_list(row["names_ar"]):
            for prefix in prefixes:
                names.add(f"{prefix} {form}", name)
            if row.get("standalone") == "1":
                names.add(form, name)


def _in_period(actor: Actor, published: date | None) -> bool:
    """Did the actor exist under this name on the article's day? (An article of unknown date: yes.)
    "قوات صالح" in 2016 are the Saleh loyalists; the name no longer holds after December 2017."""
    if published is None:
        return True
    return (actor.valid_from is None or actor.valid_from <= published) and \
        (actor.valid_to is None or published <= actor.valid_to)


def _in_scope(actor: Actor, countries: list[str]) -> bool:
    if not actor.scope:
        return True
    if not countries:
        return True
    return countries[0] in actor.scope


def _unit_number_end(doc: Doc, k: int) -> int | None:
    """The end of a unit's number starting at token ``k`` (35، الـ 17، الـ17، الرابعة), else None."""
    tokens = doc.tokens
    if k < len(tokens) and tokens[k].text in ("ال", "الـ", "ال-"):
        k += 1
    if k >= len(tokens):
        return None
    word = tokens[k].text
    bare = word.removeprefix("الـ").removeprefix("ال")
    if bare.isdigit():
        return k + 1
    if word in _ordinals():
        return k + 1
    return None


@lru_cache(maxsize=1)
def _ordinals() -> frozenset[str]:
    """The ordinal words of ``kb/data/number_words.tsv`` with the article (الرابعة، العاشر)."""
    from marsad.arabic.normalise import normalise_term
    return frozenset(normalise_term(row["form"]) for row in load_table("number_words.tsv", required=("form", "kind"))
                     if row["kind"] == "ordinal" and row["form"].startswith("ال"))


def find_actors(doc: Doc, countries: list[str] | None = None, published: date | None = None) -> list[ActorMention]:
    """Actor mentions in reading order.

    ``countries`` lists the article's countries, most important first; it
    picks between actors that share an alias (قوى الأمن الداخلي is the Asayish
    in Syria, the police in Lebanon) and resolves generic names (الجيش).
    """
    kb = load_actor_kb()
    countries = countries or []
    mentions: list[ActorMention] = []
    taken: set[int] = set()

    def add(tok_start: int, tok_end: int, actor: str, inter: int, backref: bool = False) -> None:
        span = doc.token_span(tok_start, tok_end)
        mentions.append(ActorMention(span.start, span.end, span.text, actor, inter, backref, tok_start, tok_end))
        taken.update(range(tok_start, tok_end))

    # sources (الدفاع المدني السوري) are no actors: an actor alias inside a longer source name does not count
    source_spans = [(m.tok_start, m.tok_end) for m in kb.sources.find(doc)]
    by_span: dict[tuple[int, int], list[str]] = {}
    for m in kb.names.find(doc):
        if any(a <= m.tok_start and m.tok_end <= b and (b - a) > (m.tok_end - m.tok_start) for a, b in source_spans):
            continue
        by_span.setdefault((m.tok_start, m.tok_end), []).append(m.payload)
    # "الميليشيات الإيرانية" in a report from Yemen: the Houthis (proxy_names.tsv), not Iran's forces
    # ("قصف لميليشيات إيران على حي في تعز": Iran, named in the words, is not the article's country)
    for m in kb.proxies.find(doc):
        country, sponsor, proxy = m.payload
        if countries and (countries[0] == country or countries[:2] == [sponsor, country]):
            for span in [s for s in by_span if s[0] < m.tok_end and m.tok_start < s[1]]:
                del by_span[span]
            by_span[(m.tok_start, m.tok_end)] = [proxy]
    for (t0, t1), names in sorted(by_span.items()):
        candidates = [kb.actors[n] for n in names if _in_scope(kb.actors[n], countries)
                      and _in_period(kb.actors[n], published)]
        if not candidates:
            continue
        # a scoped actor wins over a general one when it fits the country
        candidates.sort(key=lambda a: (not a.scope, a.canonical))
        add(t0, t1, candidates[0].canonical, candidates[0].inter)

    # sources (المرصد السوري) are no actors; keep their tokens out of generic matching
    source_tokens = {t for m in kb.sources.find(doc) for t in range(m.tok_start, m.tok_end)}

    country_name = COUNTRY_NAMES.get(countries[0]) if countries else None
    forces_name = FORCES_IN_NEWS.get(countries[0], country_name) if countries else None
    stated = {n.tok_start: n.payload for n in kb.nationality.find(doc)}
    # "قوات الأمن التابعة لحركة حماس"، "شرطة الحوثيين": a non-state authority's own police and
    # security forces are that authority (its mention stands for them), not the state's
    authorities = {x.tok_start for x in mentions if kb.inter(x.actor) in (2, 3, 4)}
    owner_links = cue_words("owner_link")
    # "الشرطة الإسرائيلية" named in news from a country whose news names another state's forces
    # (countries.tsv forces_in_news: the West Bank's are Israel's): a bare الشرطة there is theirs too
    other_police = None
    if countries and forces_name != country_name:
        told = {stated[m.tok_end] for m in kb.generic.find(doc)
                if m.payload[0].startswith("Police Forces of") and m.tok_end in stated}
        if told == {f"Military Forces of {forces_name}"}:
            other_police = forces_name
    for m in kb.generic.find(doc):
        if any(t in taken or t in source_tokens for t in range(m.tok_start, m.tok_end)):
            continue
        linked = m.tok_end < len(doc.tokens) and doc.tokens[m.tok_end].text in owner_links
        if (linked and m.tok_end + 1 in authorities) or \
                (m.tok_end in authorities and not definite(doc.tokens[m.tok_end - 1].text)):
            continue
        template, inter, army, numbered = m.payload
        tok_end = m.tok_end
        if numbered:
            # "اللواء 35 مدرع"، "الفرقة الـ17"، "الكتيبة الرابعة": the unit with its number; "اللواء
            # محمد" is a general, and "معسكر اللواء الثالث" a camp's name
            tok_end = _unit_number_end(doc, m.tok_end)
            before = doc.tokens[m.tok_start - 1].text if m.tok_start else ""
            if tok_end is None or {before, before[1:]} & cue_words("naming_noun"):
                continue
        # "الجنود الإسرائيليين": the nationality after the generic name says whose forces they are
        own = stated.get(m.tok_end)
        if own is not None and own.startswith("Military Forces of "):
            name = template.format(country=own[len("Military Forces of "):])
        elif country_name:
            police_of = other_police if template.startswith("Police Forces of") else None
            name = _with_the(template, forces_name if army else police_of or country_name, kb.actors)
        else:
            continue
        add(m.tok_start, tok_end, name, kb.inter(name) if name in kb.actors else inter)

    # nationality adjectives right after a weapon or attack noun name the attacker, unless the
    # weapon is what a person works with ("خبيري صواريخ إيراني ولبناني": missile experts)
    people = cue_words("counted_person_noun") | cue_words("person_role_noun")
    weapon_ends = {m.tok_end: m.tok_start for m in kb.weapon_nouns.find(doc)}
    # an indefinite force noun with its nationality ("قوة إسرائيلية"، "دورية روسية"، "قوات تركية خاصة")
    # names that state's forces as the weapon's nationality names the attacker
    # (the modifier an indefinite adjective: "قوات الأمن العراقية" is a construct the generic names read)
    force_ends: dict[int, int] = {}
    for m in cue_matcher("force_noun").find(doc):
        if m.tok_end - m.tok_start != 1 or definite(doc.tokens[m.tok_start].text):
            continue
        force_ends.setdefault(m.tok_end, m.tok_start)
        if m.tok_end + 1 < len(doc.tokens) and not definite(doc.tokens[m.tok_end].text):
            force_ends.setdefault(m.tok_end + 1, m.tok_start)
    attackers: dict[int, int] = {}  # end of a nationality that named an attacker -> its weapon's start
    stated_words = {doc.tokens[s].text for s in stated}
    for m in kb.nationality.find(doc):
        if m.tok_start in taken:
            continue
        # allow one modifier between: قصف جوي روسي، طائرات حربية روسية; and a second nationality joined
        # to the first: "الغارات الجوية السورية والروسية" (the two forces' strikes)
        start = weapon_ends.get(m.tok_start, weapon_ends.get(m.tok_start - 1, force_ends.get(m.tok_start)))
        if start is None and doc.tokens[m.tok_start].text.startswith("و"):
            start = attackers.get(m.tok_start)
            if start is None:
                # the first told by a name that ends with its nationality (القصف الجوي الإسرائيلي)
                start = next((x.tok_start for x in mentions if x.tok_end == m.tok_start
                              and x.actor.startswith("Military Forces of ")
                              and doc.tokens[x.tok_end - 1].text in stated_words), None)
        if start is None and m.tok_start >= 3 and doc.tokens[m.tok_start - 1].text in cue_words("likely_pronoun") \
                and doc.tokens[m.tok_start - 2].text in cue_words("likely_word"):
            # "غارات يرجح أنها روسية"، "صواريخ يعتقد أنها إسرائيلية": the force the text says likely struck
            start = weapon_ends.get(m.tok_start - 2)
        if start is None:
            continue
        owner = doc.tokens[start - 1].text if start else ""
        # خبيري = خبيرين in construct; a weapon behind a preposition is in no construct ("قتل مدني
        # بغارة إسرائيلية": the strike that killed him, not his weapon)
        if (owner in people or owner[:-1] in people) and not _preposed(doc.tokens[start].text):
            continue
        attackers[m.tok_end] = start
        add(m.tok_start, m.tok_end, m.payload, kb.inter(m.payload))

    # "مسلحي تنظيم داعش", "مسلحين من داعش": the gunmen belong to the named group
    mentions.sort(key=lambda x: x.tok_start)
    named_starts = {x.tok_start: x for x in mentions if x.actor != "Unidentified Armed Group"}
    for x in list(mentions):
        if x.actor != "Unidentified Armed Group" or "مجهول" in doc.text[doc.tokens[x.tok_start].start:
                                                                         doc.tokens[x.tok_end - 1].end]:
            continue
        nxt = x.tok_end + (1 if x.tok_end < len(doc.tokens) and doc.tokens[x.tok_end].text == "من" else 0)
        # "فصائل مسلحة وقوات الأمن": a second side after و, not the gunmen's group
        conjunct = nxt < len(doc.tokens) and doc.tokens[nxt].text.startswith("و") and \
            doc.tokens[nxt].text not in kb.waw_words
        if nxt in named_starts and kb.inter(named_starts[nxt].actor) in (1, 2, 3, 4, 8) and not conjunct:
            mentions.remove(x)
    # "مستوطنون مسلحون"، "عناصر ملثمون": an armed or masked adjective right after another actor
    # (or after its nationality) describes that actor, it is no second one
    adjectives = cue_words("armed_adjective")
    ends = {x.tok_end for x in mentions if x.actor != "Unidentified Armed Group"}
    ends |= {m.tok_end for m in kb.nationality.find(doc) if m.tok_start in ends}
    for x in list(mentions):
        if x.actor == "Unidentified Armed Group" and x.tok_end - x.tok_start == 1 and x.tok_start in ends \
                and doc.tokens[x.tok_start].text in adjectives:
            mentions.remove(x)
    # "المهاجمين"، "المسلحون": gunmen told with the article, after a named armed group, are that
    # group told again ("اشتباكات بين الجيش والعناصر المهاجمة ... مقتل جميع المهاجمين"), not a new one
    for i, x in enumerate(mentions):
        if x.actor != "Unidentified Armed Group" or not definite(doc.tokens[x.tok_start].text) or \
                "مجهول" in doc.text[doc.tokens[x.tok_start].start:doc.tokens[x.tok_end - 1].end]:
            continue
        named = [y for y in mentions[:i] if y.actor != "Unidentified Armed Group" and kb.inter(y.actor) in (2, 3, 4)]
        if named:
            mentions[i] = replace(x, actor=named[-1].actor, inter=named[-1].inter, backref=True)
    # back-references count only once their actor was named before them
    for m in kb.backrefs.find(doc):
        if any(t in taken for t in range(m.tok_start, m.tok_end)):
            continue
        named_before = any(x.actor == m.payload and x.tok_end <= m.tok_start for x in mentions)
        if named_before:
            add(m.tok_start, m.tok_end, m.payload, kb.actors[m.payload].inter, backref=True)
    mentions.sort(key=lambda x: x.tok_start)
    return mentions


@dataclass(frozen=True)
class Attribution:
    name: str
    tok_start: int
    tok_end: int  # covers the cue and the source
    named: bool = True  # False for a source the report describes without naming it (مصدر أمني)


@dataclass(frozen=True)
class _Reporter:
    tok_start: int
    tok_end: int
    name: str
    named: bool
    to: bool = False  # told to ("لـ"): the one a statement was made to, not its speaker


def outlet_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the news outlets' names in ``doc`` (sources.tsv, kind outlet):
    the words of a name are the outlet's, not a place or a day (روسيا اليوم، بغداد اليوم، القدس العربي)."""
    kinds = _source_kinds()
    return [(m.tok_start, m.tok_end) for m in load_actor_kb().sources.find(doc) if kinds.get(m.payload) == "outlet"]


@lru_cache(maxsize=1)
def _source_kinds() -> dict[str, str]:
    """sources.tsv: canonical -> kind (outlet, body, unnamed)."""
    kinds = {}
    for row in load_table("sources.tsv", required=("canonical", "kind")):
        kind = row["kind"]
        if kind not in ("outlet", "body", "unnamed"):
            raise KnowledgeBaseError(f"kind must be outlet, body or unnamed, not {kind!r}",
                                     where=f"sources.tsv:{row['_line']}")
        kinds[row["canonical"]] = kind
    return kinds


def _preposed(word: str) -> bool:
    """Does a weapon or attack word carry a preposition (بغارة، بقصف، لغارات)? Only the word
    itself with its first letter dropped being a weapon word says so (بارجة is no ب + ارجة)."""
    firsts = _weapon_first_words()
    return word[:1] in ("ب", "ل") and word not in firsts and (word[1:] in firsts or word[1:].removeprefix("ال") in firsts)


@lru_cache(maxsize=1)
def _weapon_first_words() -> frozenset[str]:
    from marsad.arabic.normalise import normalise_term
    return frozenset(normalise_term(row["phrase"]).split()[0] for row in load_table("cues.tsv", required=("cue", "phrase"))
                     if row["cue"] == "perpetrator_weapon")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Nationality adjective (normalised) -> the country's English adjective (nationality.tsv)."""
    from marsad.arabic.normalise import normalise_term
    out = {}
    for row in load_table("nationality.tsv", required=("adjective", "country", "actor")):
        if row.get("demonym"):
            out[normalise_term(row["adjective"])] = row["demonym"]
    return out


# How many words after a verb of saying (or a source preposition) its speaker may begin ("قالت مصادر
# عسكرية عراقية في محافظة الأنبار"، "أفادت، مساء اليوم، وكالة الأنباء").
SPEAKER_WORDS = 4
# ... and after a title ("قال العميد محمد الجبوري من قيادة عمليات نينوى").
TITLED_SPEAKER_WORDS = 8
# How many words after its speaker an outlet's "عن" may name the source it quotes ("نقلت سانا، مساء أمس
# السبت، عن وزارة الداخلية").
QUOTED_WORDS = 5


def _reporters(doc: Doc, actors: list[ActorMention]) -> list[_Reporter]:
    kb = load_actor_kb()
    kinds = _source_kinds()
    demonyms = _demonyms()
    out = []
    for m in kb.sources.find(doc):
        name, named = m.payload, kinds.get(m.payload) != "unnamed"
        end = m.tok_end
        if not named and end < len(doc.tokens) and doc.tokens[end].text in demonyms:
            # "مصادر طبية سودانية"، "وسائل إعلام لبنانية": the source's country
            name, end = f"{demonyms[doc.tokens[end].text]} {name}", end + 1
        if named and name in _place_qualified():
            # "وزارة الصحة بولاية الخرطوم" -> "Khartoum State Ministry of Health"; "وزارة الصحة
            # اللبنانية" -> "Lebanese Ministry of Health": the office's state or country is its name's
            qualifier = _office_qualifier(doc, end, demonyms)
            if qualifier is not None:
                name, end = f"{qualifier[0]} {name}", qualifier[1]
            else:
                # "وفق وزارة الصحة الفلسطينية ... وقالت وزارة الصحة": the office told before, again
                name = next((r.name for r in reversed(out) if r.name.endswith(name)), name)
        first, own = doc.tokens[m.tok_start].text, m.phrase.split()[0]
        to = _told_to(doc, m.tok_start) or (first != own and first.startswith("ل") and
                                            (first[1:] == own or (own.startswith("ال") and first[2:] == own[2:])))
        out.append(_Reporter(m.tok_start, end, name, named, to))
    out += [_Reporter(a.tok_start, a.tok_end, a.actor, True, _told_to(doc, a.tok_start)) for a in actors
            if a.actor not in ("Civilians", "Protesters")]
    return sorted(out, key=lambda r: (r.tok_start, -r.tok_end))


@lru_cache(maxsize=1)
def _place_qualified() -> frozenset[str]:
    """sources.tsv rows marked ``place_qualified``: offices whose place or nationality after them
    belongs to their name (a ministry of health of a state or a country)."""
    return frozenset(row["canonical"] for row in load_table("sources.tsv", required=("canonical", "kind"))
                     if row.get("place_qualified") == "1")


@lru_cache(maxsize=1)
def _admin1_by_arabic() -> dict[str, str]:
    """The Arabic names of first-level areas (admin1.tsv, without their prefix nouns) -> ACLED's name."""
    from marsad.arabic.normalise import normalise_term
    out = {}
    for row in load_table("admin1.tsv", required=("name",)):
        for alias in split_list(row.get("names_ar", "")):
            out.setdefault(normalise_term(alias), row["name"])
    return out


# How many words a state's name may take after an office ("وزارة الصحة في ولاية جنوب دارفور").
OFFICE_PLACE_WORDS = 3


def _office_qualifier(doc: Doc, end: int, demonyms: dict[str, str]) -> tuple[str, int] | None:
    """(the qualifier, the token after it) told right after an office: a nationality adjective
    ("Lebanese"), or "ب/في" + an optional state noun + a first-level area ("Khartoum State")."""
    tokens = doc.tokens
    if end >= len(tokens):
        return None
    if tokens[end].text in demonyms:
        return demonyms[tokens[end].text], end + 1
    k, word = end, tokens[end].text
    if word == "في" and k + 1 < len(tokens):
        k, word = k + 1, tokens[k + 1].text
    elif word.startswith("ب"):
        word = word[1:]
    else:
        return None
    state = word in cue_words("state_noun")
    if state or word in cue_words("governorate_noun"):
        if k + 1 >= len(tokens):
            return None
        k, word = k + 1, tokens[k + 1].text
    names = _admin1_by_arabic()
    sent_end = doc.sentence_of_token(end).tok_end
    for n in range(OFFICE_PLACE_WORDS, 0, -1):
        if k + n > sent_end:
            continue
        phrase = " ".join([word] + [tokens[t].text for t in range(k + 1, k + n)])
        if phrase in names:
            return (f"{names[phrase]} State" if state else names[phrase]), k + n
    return None


def _told_to(doc: Doc, t: int) -> bool:
    return t > 0 and doc.tokens[t - 1].text == "ل"


def _content_opens(doc: Doc, t: int) -> bool:
    """Does the reported content begin at token ``t`` (أن، إن، بأن، or a colon before it)?"""
    if doc.tokens[t].text in cue_words("clause_content") or doc.tokens[t].text == "ان":
        return True
    gap = doc.text[doc.tokens[t - 1].end:doc.tokens[t].start] if t else ""
    return ":" in gap


def find_attributions(doc: Doc, actors: list[ActorMention]) -> list[Attribution]:
    """``بحسب قسد`` -> Syrian Democratic Forces; ``وفق ما أفاد المرصد السوري`` -> SOHR.

    A cue (بحسب، وفقاً لـ، أعلن، قال، ذكر ...) followed within a few tokens by a
    reporting organisation, an actor or an unnamed source (مصدر أمني) names who the
    claim comes from: the speaker ends where the reported content begins (أن، إن، a
    colon), so an actor inside the content is no speaker ("قالت مصادر محلية إن الجيش
    قصف": local sources). An outlet that quotes a named source gives way to it
    ("نقلت سانا عن وزارة الداخلية": the ministry), never to an unnamed one.
    """
    kb = load_actor_kb()
    reporters = _reporters(doc, actors)
    quoting = {m.tok_start: m.tok_end for m in cue_matcher("quoting_verb").find(doc)}
    cues = sorted([(m.tok_start, m.tok_end) for m in kb.attribution_cues.find(doc)] + list(quoting.items()))
    quoted_from = {m.tok_start: m.tok_end for m in cue_matcher("quoted_from").find(doc)}
    prepositions = cue_starts(doc, "source_preposition")
    backrefs = cue_matcher("source_backref").find(doc)
    titles = cue_words("speaker_title")
    out: list[Attribution] = []
    for c0, c1 in cues:
        sent = doc.sentence_of_token(c0)
        # the speaker's words: from the cue to the content (or a few words on); after a verb of
        # saying, not the one it was said to ("قالت مصادر عسكرية للجزيرة": the sources)
        reach = TITLED_SPEAKER_WORDS if c1 < len(doc.tokens) and doc.tokens[c1].text in titles else SPEAKER_WORDS
        limit = min(c1 + reach + 1, sent.tok_end)
        window = [r for r in reporters if c1 <= r.tok_start < limit and r.tok_end <= sent.tok_end
                  and not (r.to and c0 not in prepositions)]
        opens = next((t for t in range(c1, limit) if _content_opens(doc, t)), None)
        if opens is not None:
            window = [r for r in window if r.tok_start < opens]
        verb = doc.tokens[c0].text.lstrip("وف")
        if window and verb.startswith("نقل") and verb != "نقلا" and \
                not any(c1 <= t < limit + QUOTED_WORDS for t in quoted_from):
            # "نقلها إلى حزب الله": a verb of carrying; an outlet quotes only "عن" a source
            continue
        if window:
            # a named one before an unnamed one: "مصدر أمني في وزارة الداخلية" is the ministry's
            speaker = next((r for r in window if r.named), window[0])
            if not speaker.named and window[0].named:
                speaker = window[0]
            out.append(_quoted(doc, reporters, quoted_from, Attribution(speaker.name, c0, speaker.tok_end,
                                                                        speaker.named), sent.tok_end))
            continue
        back = next((m for m in backrefs if c1 <= m.tok_start <= c1 + 1), None)
        if back is not None:
            # "وفق المصدر ذاته"، "وأوضحت الوكالة": the source told before
            if out:
                out.append(Attribution(out[-1].name, c0, back.tok_end, out[-1].named))
            continue
        if c0 in quoting:
            continue  # "نقلت الجثث": a verb of carrying with no speaker after it
        for r in reversed(reporters):
            if r.tok_end <= c0 and c0 - r.tok_end <= 1 and r.tok_start >= sent.tok_start:
                # "قسد أكدت في بيانها", "أعلنت الهيئة": the reporter before its verb
                out.append(Attribution(r.name, r.tok_start, c1, r.named))
                break
    # several cues for one report (وفق ما أفاد المرصد، نقلت الوكالة نقلاً عن): one attribution per
    # reporter mention, the widest (it holds the cue of the speaker and the source quoted)
    unique: dict[int, Attribution] = {}
    for a in sorted(out, key=lambda a: (a.tok_end, a.tok_start)):
        covered = next((k for k, b in unique.items() if b.tok_start <= a.tok_start and a.tok_end <= b.tok_end), None)
        if covered is not None:
            continue
        for k in [k for k, b in unique.items() if a.tok_start <= b.tok_start and b.tok_end <= a.tok_end]:
            del unique[k]
        unique[a.tok_end] = a
    found = sorted(unique.values(), key=lambda a: a.tok_start)
    outlet = _dateline_outlet(doc, reporters)
    if outlet is not None:
        # "رفح - وفا - أفادت مصادر محلية": the agency of the dateline tells what its unnamed sources said
        found = [a if a.named else replace(a, name=outlet, named=True) for a in found]
    return found


# How many words may open a sentence before the outlet of its dateline ("رفح 2-2-2024 وفا-").
DATELINE_WORDS = 6


def _dateline_outlet(doc: Doc, reporters: list[_Reporter]) -> str | None:
    """The news agency whose dateline opens a sentence ("دمشق - سانا"، "بيروت (الأناضول)")."""
    kinds = _source_kinds()
    for r in reporters:
        if kinds.get(r.name) != "outlet" or r.tok_end >= len(doc.tokens):
            continue
        sent = doc.sentence_of_token(r.tok_start)
        after = doc.text[doc.tokens[r.tok_end - 1].end:doc.tokens[r.tok_end].start]
        before = doc.text[doc.tokens[r.tok_start - 1].end:doc.tokens[r.tok_start].start] if r.tok_start else ""
        if r.tok_start - sent.tok_start <= DATELINE_WORDS and \
                (any(ch in after for ch in "-–—") or ("(" in before and ")" in after)):
            return r.name
    return None


def _quoted(doc: Doc, reporters: list[_Reporter], quoted_from: dict[int, int], att: Attribution,
            sent_end: int) -> Attribution:
    """The attribution, or the named source its speaker quotes ("نقلت سانا عن وزارة الداخلية"،
    "أفادت الوكالة نقلاً عن الجيش"); an unnamed source quoted leaves the outlet ("نقلاً عن مصدر أمني")."""
    for t in range(att.tok_end, min(att.tok_end + QUOTED_WORDS + 1, sent_end)):
        if _content_opens(doc, t):
            break
        if t not in quoted_from:
            continue
        source = next((r for r in reporters if r.tok_start == quoted_from[t] and r.tok_end <= sent_end), None)
        if source is None:
            break
        if source.named or not att.named:
            return Attribution(source.name, att.tok_start, source.tok_end, source.named)
        return Attribution(att.name, att.tok_start, source.tok_end, att.named)
    return att
