"""An attack that ended in a deadly fight with the state's forces is that fight.

"فتح مسلحون النار على سياح في الكرك ما أدى إلى مقتل سائحة، كما قتل شرطيان والمهاجمون في تبادل
لإطلاق النار مع قوات الأمن": gunmen of no named group who shot civilians and then fought the police or
the army (or the armed group that holds the place) at the same place on the same day, with dead in that
fight, are one armed clash (the gunmen
against the force, the civilians associated with the force's side), not an attack on civilians beside
it. Gunmen who kill civilians and flee, or whose brush with the police kills no one, stay an attack.
"""
from __future__ import annotations

from marsad.model import Event
from marsad.stages.analysis import UNIDENTIFIED

# inter codes of a force that polices a place: a state's (at home, abroad), or a rebel army holding it
FORCES = (1, 2, 8)


def fold_attacks_into_fights(events: list[Event]) -> list[Event]:
    """The records with each attack on civilians by unidentified gunmen folded into a deadly armed
    clash of the same gunmen with a state force at its place and on its day."""
    kept = list(events)
    for e in events:
        if (e.event_type, e.sub_event_type) != ("Violence against civilians", "Attack") or \
                e.actor1 != UNIDENTIFIED or e.actor2 != "Civilians":
            continue
        fight = next((o for o in kept if _deadly_fight_with_the_state(o, e)), None)
        if fight is None:
            continue
        fight.fatalities = (fight.fatalities or 0) + (e.fatalities or 0)
        fight.fatalities_low = (fight.fatalities_low or 0) + (e.fatalities_low or 0)
        fight.fatalities_high = (fight.fatalities_high or 0) + (e.fatalities_high or 0)
        own = fight.assoc_actor_2 if fight.actor1 == UNIDENTIFIED else fight.assoc_actor_1
        if "Civilians" not in own:
            own.append("Civilians")
        for key, items in e.evidence.items():
            if key == "fatalities":
                fight.evidence.setdefault(key, []).extend(items)
        kept.remove(e)
    return kept


def _deadly_fight_with_the_state(o: Event, e: Event) -> bool:
    """Is ``o`` an armed clash with dead between the gunmen and a state force at ``e``'s place and day?"""
    if (o.event_type, o.sub_event_type) != ("Battles", "Armed clash") or not o.fatalities:
        return False
    if (o.location, o.admin1, o.country, o.event_date) != (e.location, e.admin1, e.country, e.event_date):
        return False
    sides = {(o.actor1, o.inter1), (o.actor2, o.inter2)}
    return any(n == UNIDENTIFIED for n, _ in sides) and any(i in FORCES for _, i in sides)
