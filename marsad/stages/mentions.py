"""Mention stages: the words an event can be built from (triggers, places, actors, dates, counts)."""
from __future__ import annotations

from marsad.stages.analysis import Analysis


def find_trigger_words(a: Analysis) -> None:
    """Stage: ``a.hits``. An empty or off-topic article, or one with no trigger word, ends here:
    every event grows from a trigger, so places, dates and counts would go unused."""
    from marsad.triggers import find_triggers, is_off_topic
    if not a.doc.tokens or is_off_topic(a.doc):
        a.done = True
        return
    a.hits = find_triggers(a.doc)
    if not a.hits:
        a.done = True


def find_place_mentions(a: Analysis) -> None:
    """Stage: ``a.places`` (mentions with roles, relations and resolved places); also fixes
    ``a.published`` from a dateline when the article came without one."""
    from marsad.actors import load_actor_kb
    from marsad.dates import publication_date_from_text
    from marsad.geo.places import analyse_places
    a.published = a.article.published or publication_date_from_text(a.doc)
    # places are handed the actor names and the event words; they decide only places
    a.places = analyse_places(a.doc, actors=load_actor_kb().names.find(a.doc),
                              triggers=[h.mention for h in a.hits])


def find_actor_mentions(a: Analysis) -> None:
    """Stage: ``a.actors`` and ``a.attributions`` (بحسب قسد)."""
    from marsad.actors import find_actors, find_attributions
    from marsad.stages.country_agents import country_agents
    a.actors = find_actors(a.doc, a.places.countries, a.published)
    # "شنت الولايات المتحدة وبريطانيا ضربات": a country named as the doer of an attack is its forces
    a.actors = sorted(a.actors + country_agents(a), key=lambda x: x.tok_start)
    # "قصف المعارضة على حي القصاع"، "قصف النظام على كفرنبل": a side word as an attack noun's genitive
    from marsad.stages.genitive_agents import genitive_agents
    a.actors = sorted(a.actors + genitive_agents(a), key=lambda x: x.tok_start)
    a.attributions = find_attributions(a.doc, a.actors)


def find_date_mentions(a: Analysis) -> None:
    """Stage: ``a.dates``, resolved against the publication date; a day word in a news outlet's
    name (وكالة بغداد اليوم، روسيا اليوم، عدن الغد) is no date."""
    from marsad.actors import outlet_spans
    from marsad.dates import find_dates
    outlets = outlet_spans(a.doc)
    a.dates = [d for d in find_dates(a.doc, a.published)
               if not any(d.tok_start < end and start < d.tok_end for start, end in outlets)]


def find_casualty_counts(a: Analysis) -> None:
    """Stage: ``a.casualties`` (deaths and injuries tied to their counts)."""
    from marsad.casualties import find_casualties
    a.casualties = find_casualties(a.doc, a.quantities())  # the tolls stage reads them again: spans of days
