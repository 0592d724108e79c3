"""An entity's mention tallies: what its name, type and country are derived from.

Every derived property of an entity that comes from its mentions (name, aliases, type,
country) is a function of four counts over those mentions: how many use each form (a
mention's ``names``, counted once per mention), how many give each form as the main name,
how many give each type and how many each country. The counts are kept on the entity node
(``tally_*`` properties, written with the rest by ``entity_set``), so a group load, which
only *adds* mentions, adds its own to them instead of reading every mention of a busy
entity again (``entity_state_added``). Whatever takes mentions away (removal, a new version,
merges, splits, corrections) re-counts from the mentions (``entity_state``) and writes the
exact counts. A node without them (written before they existed, or by a writer that does
not keep them) is re-counted the first time a load touches it, which stores them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.model import EntityType
from graph.store.resolve import FormCount, pick_country, pick_type

# The node properties that hold the tallies (parallel lists, sorted by the first of each).
MENTIONS = "tally_mentions"
FORMS, FORM_DOCS, FORM_MAINS = "tally_forms", "tally_form_docs", "tally_form_mains"
TYPES, TYPE_COUNTS = "tally_types", "tally_type_counts"
COUNTRIES, COUNTRY_COUNTS = "tally_countries", "tally_country_counts"
PROPS = frozenset(
    {MENTIONS, FORMS, FORM_DOCS, FORM_MAINS, TYPES, TYPE_COUNTS, COUNTRIES, COUNTRY_COUNTS}
)


@dataclass
class Tally:
    mentions: int = 0
    forms: Counter[str] = field(default_factory=Counter)  # form -> mentions that use it
    mains: Counter[str] = field(default_factory=Counter)  # form -> mentions naming it first
    types: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of_mentions(
        cls,
        mentions: int,
        names: Iterable[Iterable[str] | None],
        mains: Iterable[str | None],
        types: Iterable[str | None],
        countries: Iterable[str | None],
    ) -> Tally:
        """The full count, from the columns of every mention (nulls left out)."""
        t = cls(mentions=mentions)
        for ns in names:
            t.forms.update(set(ns or []))
        t.mains.update(m for m in mains if m)
        t.types.update(x for x in types if x)
        t.countries.update(c for c in countries if c)
        return t

    @classmethod
    def of_props(cls, props: Mapping[str, Any]) -> Tally | None:
        """The tallies a node holds; None when it holds none (re-count it)."""
        if props.get(MENTIONS) is None:
            return None
        t = cls(mentions=int(props[MENTIONS]))
        forms = list(props.get(FORMS) or [])
        t.forms.update(dict(zip(forms, props.get(FORM_DOCS) or [], strict=True)))
        t.mains.update(dict(zip(forms, props.get(FORM_MAINS) or [], strict=True)))
        t.types.update(dict(zip(props.get(TYPES) or [], props.get(TYPE_COUNTS) or [], strict=True)))
        t.countries.update(
            dict(zip(props.get(COUNTRIES) or [], props.get(COUNTRY_COUNTS) or [], strict=True))
        )
        return t

    def add(self, mention: Mapping[str, Any]) -> None:
        """Count one more mention (a ``mentions_add`` row: names, name, type, country)."""
        self.mentions += 1
        self.forms.update(set(mention.get("names") or []))
        if mention.get("name"):
            self.mains[mention["name"]] += 1
        if mention.get("type"):
            self.types[mention["type"]] += 1
        if mention.get("country"):
            self.countries[mention["country"]] += 1

    def props(self) -> dict[str, Any]:
        """The node properties (empty lists left out; zero counts dropped)."""
        forms = sorted(set(+self.forms) | set(+self.mains))
        types = sorted(t for t in self.types if self.types[t])
        countries = sorted(c for c in self.countries if self.countries[c])
        out: dict[str, Any] = {MENTIONS: self.mentions}
        if forms:
            out[FORMS] = forms
            out[FORM_DOCS] = [self.forms[f] for f in forms]
            out[FORM_MAINS] = [self.mains[f] for f in forms]
        if types:
            out[TYPES] = types
            out[TYPE_COUNTS] = [self.types[t] for t in types]
        if countries:
            out[COUNTRIES] = countries
            out[COUNTRY_COUNTS] = [self.countries[c] for c in countries]
        return out

    def derive(self) -> tuple[list[FormCount], EntityType, str | None]:
        """The forms (with their counts), type and country the entity's properties use."""
        forms = [FormCount(f, n, self.mains[f]) for f, n in sorted(self.forms.items()) if n > 0]
        return forms, pick_type(+self.types), pick_country(+self.countries)
