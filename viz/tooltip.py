"""Tooltip HTML for nodes and edges. Every piece of text is escaped here.

Names, sentences and titles come from documents anyone can submit, and the page
turns these strings into elements; escaping at this one place is what keeps a
crafted article from running script in a reader's browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

MAX_EVIDENCE = 3  # sentences shown per edge
MAX_SENTENCE = 300  # characters of one sentence
MAX_EVENTS = 12  # meetings listed on a who-met edge


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _line(label: str, value: object) -> str:
    return f"<div><span class='k'>{_e(label)}</span> {_e(value)}</div>"


def node_tooltip(attrs: Mapping[str, Any], degree: int) -> str:
    """Name, type and the facts the node carries (aliases, date, status, place)."""
    parts = [f"<div class='h'>{_e(attrs.get('name') or attrs.get('label', ''))}</div>"]
    if attrs.get("kind") == "event":
        parts.append(_line("meeting:", attrs.get("event_kind", "meeting")))
        if attrs.get("when"):
            when = str(attrs["when"])
            if attrs.get("date_text") and attrs["date_text"] != when:
                when = f"{when} (“{attrs['date_text']}”)"
            parts.append(_line("date:", when))
        for key in ("status", "location", "description"):
            if attrs.get(key):
                parts.append(_line(f"{key}:", _clip(str(attrs[key]), MAX_SENTENCE)))
    else:
        parts.append(_line("type:", attrs.get("category", "")))
        if attrs.get("country"):
            parts.append(_line("country:", attrs["country"]))
        aliases = [a for a in attrs.get("aliases", []) if a != attrs.get("name")]
        if aliases:
            parts.append(_line("also:", ", ".join(str(a) for a in aliases)))
    parts.append(_line("links:", degree))
    if attrs.get("href"):
        parts.append("<div class='hint'>click to open its page</div>")
    return "".join(parts)


def _evidence(evidence: list[Mapping[str, Any]]) -> str:
    lines = []
    for ev in evidence[:MAX_EVIDENCE]:
        sentence = _clip(str(ev.get("sentence") or ""), MAX_SENTENCE)
        source = ev.get("title") or ev.get("doc_id") or "unknown document"
        lines.append(f"<div class='ev'>“{_e(sentence)}”<div class='src'>— {_e(source)}</div></div>")
    if len(evidence) > MAX_EVIDENCE:
        lines.append(f"<div class='more'>and {len(evidence) - MAX_EVIDENCE} more</div>")
    return "".join(lines)


def edge_tooltip(attrs: Mapping[str, Any], source_label: str, target_label: str) -> str:
    """A fact edge: its type, role, date and evidence sentences with their document titles."""
    head = f"{source_label} → {attrs.get('type', '')} → {target_label}"
    parts = [f"<div class='h'>{_e(head)}</div>"]
    for label, key in (
        ("role:", "role"),
        ("title:", "position"),
        ("date:", "date"),
        ("detail:", "detail"),
    ):
        if attrs.get(key):
            parts.append(_line(label, attrs[key]))
    if attrs.get("implied"):
        parts.append(_line("presence:", "implied by the text, not stated"))
    if attrs.get("current") is False:
        parts.append(_line("current:", "no (a former role)"))
    parts.append(_evidence(list(attrs.get("evidence", []))))
    return "".join(parts)


def met_tooltip(attrs: Mapping[str, Any], source_label: str, target_label: str) -> str:
    """A who-met edge: how often the pair met, and each meeting with its date."""
    weight = int(attrs.get("weight", 1))
    times = "once" if weight == 1 else f"{weight} times"
    parts = [f"<div class='h'>{_e(source_label)} met {_e(target_label)} {times}</div>"]
    events = list(attrs.get("events", []))
    for event in events[:MAX_EVENTS]:
        when = event.get("when") or "date unknown"
        parts.append(
            f"<div class='ev'>• {_e(event.get('event_kind', 'meeting'))}, {_e(when)}</div>"
        )
    if len(events) > MAX_EVENTS:
        parts.append(f"<div class='more'>and {len(events) - MAX_EVENTS} more</div>")
    return "".join(parts)
