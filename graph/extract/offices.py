"""Offices read at the document level: which body or country a titled official serves.

Two cases the sentence rules cannot settle, because the answer is not in the sentence:

- "Minister of Foreign Affairs Kang" where the ministry itself is named elsewhere in the
  text ("co-hosted by the Ministry of Foreign Affairs"): the minister serves that ministry.
  A title alone never creates a body; it only points at one the text names.
- "National Security Advisor Jake Sullivan" in a White House readout: a national title with
  no body or country beside it serves the government that published the text. The publisher
  comes from the document's URL (``government_domains.txt``), and the country must be named
  in the text, so a page that never names its own country gets nothing.

Both apply only to people no other rule tied to a body or country.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from graph.extract.entities import Cluster
from graph.extract.lexicon import lexicon
from graph.extract.mentions import Mention
from graph.model import Affiliation, EntityType, Evidence

_BODY_TYPES = (EntityType.GOVERNMENT_BODY,)


def publisher_country(url: str | None) -> str | None:
    """The country whose government publishes at ``url``, if its domain says so."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").casefold().rstrip(".")
    labels = host.split(".")
    domains = lexicon().government_domains
    # the longest matching suffix wins ("kantei.go.jp" before "go.jp")
    for n in range(len(labels), 0, -1):
        country = domains.get(".".join(labels[-n:]))
        if country is not None:
            return country
    return None


def _body_for_area(area: str, bodies: list[tuple[str, str]]) -> str | None:
    """The one named body whose name ends in the portfolio ("... of Foreign Affairs").

    "Secretary of Commerce for Export Administration": the area is Commerce, the department
    the office sits in; "Secretary of State for Science and Technology": with no State
    department named, it is what follows "for". Each is tried in turn.
    """
    area = " ".join(area.casefold().split())
    if not area:
        return None
    tries = [area]
    if " for " in area:
        before, _, after = area.partition(" for ")
        tries += [before, after]
    for part in tries:
        found = {key for key, name in bodies if _names_area(name, part)}
        if len(found) == 1:
            return next(iter(found))
    return None


def _names_area(name: str, area: str) -> bool:
    """'Ministry of Trade', 'Commerce Department', 'U.S. Commerce Department' for the area."""
    if name.endswith((f" of {area}", f" for {area}")):
        return True
    if name in (f"{area} department", f"{area} ministry", f"department of {area}"):
        return True
    # the department of one country: "U.S. Commerce Department"
    lead, _, rest = name.partition(" ")
    return rest in (f"{area} department", f"{area} ministry") and lead in lexicon().countries


def portfolio_bodies(
    clusters: list[Cluster],
    keys: dict[int, str],
    mentions: list[Mention],
    have: list[Affiliation],
    evidence: dict[int, Evidence],
) -> list[Affiliation]:
    """'Minister of <area> X' -> the body the text names for that area."""
    by_id = {m.id: m for m in mentions}
    bodies = [(keys[c.cid], c.name.casefold()) for c in clusters if c.type in _BODY_TYPES]
    tied = {a.person for a in have}
    out: list[Affiliation] = []
    for c in clusters:
        key = keys[c.cid]
        if c.type != EntityType.PERSON or key in tied:
            continue
        for m in c.mentions:
            orgref = by_id.get(m.link) if m.link is not None else None
            if orgref is None or orgref.head != "portfolio" or not m.title:
                continue
            body = _body_for_area(orgref.text, bodies)
            if body is not None:
                role = f"{m.title} of {orgref.text}" if orgref.of_title else m.title
                out.append(
                    Affiliation(
                        person=key, org=body, role=role, current=True, evidence=evidence[m.sent]
                    )
                )
                break
    return out


def _title_words(title: str) -> set[str]:
    words = {w.strip(".,").casefold() for w in title.split()}
    return words | {w for word in words for w in word.split("-")}


# ", the undersecretary of defense for policy,": a title in lower case in apposition after a
# name, up to the comma or stop that closes it (a capitalized word ends the match: a body
# named there is read by the affiliation rules, not here)
_APPOSED_TITLE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?([a-z][a-z -]{2,80}?)\s*[,.;]")


def apposed_title(text: str, m: Mention) -> str | None:
    """The lower-case title in apposition right after a person's name, if any."""
    found = _APPOSED_TITLE.match(text, m.end)
    return found.group(1) if found else None


def home_offices(
    url: str | None,
    clusters: list[Cluster],
    keys: dict[int, str],
    have: list[Affiliation],
    evidence: dict[int, Evidence],
    text: str = "",
) -> list[Affiliation]:
    """Untied officials with a national title serve the publishing government's country."""
    country = publisher_country(url)
    if country is None:
        return []
    country_key = next(
        (keys[c.cid] for c in clusters if c.type == EntityType.COUNTRY and c.name == country),
        None,
    )
    if country_key is None:
        return []
    tied = {a.person for a in have}
    out: list[Affiliation] = []
    for c in clusters:
        key = keys[c.cid]
        if c.type != EntityType.PERSON or key in tied:
            continue
        titles = [(m, m.title) for m in c.mentions if m.title]
        if not titles and text:
            # "Bridge Colby, the undersecretary of defense for policy, met ..."
            titles = [(m, t) for m in c.mentions if (t := apposed_title(text, m))]
        words = set().union(*(_title_words(t or "") for _, t in titles))
        lex = lexicon()
        if not words & lex.national_titles or words & lex.abroad_titles or "former" in words:
            continue
        first, role = titles[0]
        out.append(
            Affiliation(
                person=key,
                org=country_key,
                role=role,
                current=True,
                evidence=evidence[first.sent],
            )
        )
    return out
