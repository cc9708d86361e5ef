"""A toll split by means: "ثلاثة جنود قتلوا خلال الانفجار، بينما قتل أربعة آخرون في الاشتباك"
gives three to the blast and four to the clash; a toll told over two means at once ("لقي 13 عنصراً
مصرعهم بمواجهات مع الجيش وغارات للتحالف") is their sum and goes to neither (annotation guide:
each event takes only the part the text gives it).
"""
from __future__ import annotations

from marsad.model import Casualty
from marsad.stages.analysis import VIOLENT_TYPES, Analysis, Group

# How many words may stand between the first means and the و of the second ("بمواجهات مع الجيش
# وغارات للتحالف": مع الجيش).
MEANS_GAP_WORDS = 5

# How many words after a count's own words its means may still be told.
MEANS_AFTER_WORDS = 8


def over_two_means(a: Analysis, c: Casualty) -> bool:
    """Is the count told of two kinds of violence joined by و in its own span ("بمواجهات مع الجيش
    وغارات للتحالف"، "في تفجير واشتباكات")? Not a means under cover (تحت غطاء)."""
    from marsad.stages.clauses import clause_at, unit_range
    if (c.count or 0) < 2:
        return False  # "رجلا واحدا قتل في سلسلة من الغارات والقصف": one death is not shared
    tokens = a.doc.tokens
    clause = clause_at(a, c.tok_start)
    # the means may follow the count's words ("مصرعهم وجرح آخرون، الاثنين، بمواجهات مع الجيش")
    hi = min(unit_range(a, clause.unit)[1], c.tok_end + MEANS_AFTER_WORDS) if clause is not None else c.tok_end
    # a weak word of a kind of its own (هجوم: a clash) names a means too; not one the frame types
    # later (استهدف، قصف: TARGETED, REMOTE)
    # (the first means within those words, the second joined to it, wherever it ends: "بمقتل 50 عنصرا
    # وإصابة آخرين في مواجهات مع قوات المقاومة المشتركة وغارات لمقاتلات التحالف")
    end = unit_range(a, clause.unit)[1] if clause is not None else c.tok_end
    hits = sorted((h.mention.tok_start, h.mention.tok_end, h.mention.sub_event_type, h.mention.strength) for h in a.hits
                  if h.reports_event and not h.mention.sub_event_type.isupper() and
                  c.tok_start <= h.mention.tok_start < max(end, c.tok_end))
    # (an actor's name between them counts as one word: "مع قوات سوريا الديمقراطية المدعومة أمريكيا")
    named = {t for x in a.actors for t in range(x.tok_start + 1, x.tok_end)}
    return any(t1 < max(hi, c.tok_end) and 0 <= t2 - e1 - len(named & set(range(e1, t2))) <= MEANS_GAP_WORDS
               and k1 != k2 and "strong" in (s1, s2) and tokens[t2].text.startswith("و")
               for (t1, e1, k1, s1), (t2, _, k2, s2) in zip(hits, hits[1:]))


def means_owner(a: Analysis, c: Casualty, owners: list[Group]) -> Group | None:
    """The group whose event word the count's own words name as the means of the deaths ("ثلاثة
    جنود قتلوا خلال الانفجار": the blast), when one group has it."""
    inside = [h for h in a.hits if c.tok_start < h.mention.tok_start < c.tok_end]
    found = [g for g in owners if any(m.hit in inside and m.hit.mention.strength == "strong" or
                                      m.hit in inside and m.subtype == m.hit.mention.sub_event_type
                                      for m in g.members)]
    return found[0] if len(found) == 1 else None


def split_by_means(a: Analysis, c: Casualty, owners: list[Group]) -> Group | None:
    """The owner of a count in a unit where counts are told by means: its own means' group, or,
    when the other count of its sentence has a means of its own and two groups share the unit,
    the other group ("بينما قتل أربعة آخرون في التعامل مع القوات المهاجمة")."""
    own = means_owner(a, c, owners)
    if own is not None or len(owners) != 2:
        return own
    sent = a.doc.sentence_of_token(c.tok_start)
    others = [x for x in a.casualties if x is not c and x.kind == "killed" and not x.subgroup and
              sent.tok_start <= x.tok_start < sent.tok_end]
    if len(others) != 1:
        return None
    theirs = means_owner(a, others[0], owners)
    return next((g for g in owners if g is not theirs), None) if theirs is not None else None


def split_sums(a: Analysis, owners_of) -> set[int]:
    """Sums of the counts a sentence splits between two events by their means (3 to the blast
    and 4 to the clash: 7): a count of that sum told elsewhere is their total, given to neither.
    ``owners_of(c)`` gives the groups a count's unit feeds."""
    found = a.memo.get("means_split_sums")
    if found is not None:
        return found
    found = a.memo["means_split_sums"] = set()
    by_sentence: dict[int, list[Casualty]] = {}
    for c in a.casualties:
        if c.kind == "killed" and not c.subgroup and c.count:
            by_sentence.setdefault(a.sentence_index(c.tok_start), []).append(c)
    for counts in by_sentence.values():
        if len(counts) != 2:
            continue
        owners = list({id(g): g for c in counts for g in owners_of(c) if g.etype in VIOLENT_TYPES}.values())
        if len(owners) != 2:
            continue
        mine = [split_by_means(a, c, owners) for c in counts]
        if None not in mine and mine[0] is not mine[1]:
            found.add(counts[0].count + counts[1].count)
    return found


def means_total(a: Analysis, c: Casualty, owners_of) -> bool:
    """Is the count, told outside the sentence that splits it, the sum of two counts split by means
    (7 beside "3 in the blast, 4 in the clash")? Then it is given to neither event."""
    if a.doc.sentence_of_token(c.tok_start).is_heading or c.count is None or \
            c.low not in (None, c.count) or c.high not in (None, c.count):
        return False
    if c.count not in split_sums(a, owners_of):
        return False
    sent = a.doc.sentence_of_token(c.tok_start)
    # one of the two counts of the splitting sentence itself is a part, not the total
    return sum(1 for x in a.casualties if x.kind == "killed" and not x.subgroup and x.count and
               sent.tok_start <= x.tok_start < sent.tok_end) != 2
