"""What the API reads from the graph, as typed answers.

Each method runs named queries from ``cypher/api/`` through :class:`graph.database.db.Graph`
(read routing, one database) and shapes the rows into the models of
:mod:`graph.read.models`. Relationship evidence is stored as parallel lists; it is
zipped here and every cited document is looked up once per answer.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from graph.database.cypher import query
from graph.database.db import Graph
from graph.errors import Ambiguous, NotFound
from graph.read import words
from graph.read.lucene import build_query, exact_query, terms
from graph.read.models import (
    Affiliation,
    Count,
    Counterpart,
    DirectRelation,
    DocumentDetail,
    DocumentFacts,
    DocumentRef,
    DocumentSummary,
    EntityHit,
    EntityMention,
    EntityProfile,
    EntityRef,
    EventRole,
    EventSummary,
    Evidence,
    MeetingOut,
    MeetingPage,
    MeetingWith,
    Mention,
    MetResponse,
    Page,
    Participant,
    ProfileCounts,
    QuoteFact,
    QuoteOut,
    RelationFact,
    SharedMeeting,
    Stats,
    WhoMetResponse,
)
from graph.read.serialize import to_native
from graph.store.resolve import normalize_name

Row = dict[str, Any]
READ_TIMEOUT_S = 30.0
# The start-up warm-up has its own, longer budget: it is the read that meets the cold cache.
WARM_UP_TIMEOUT_S = 60.0


class Citations:
    """Collects the Evidence made for one answer, then fills in their documents: those a
    statement already returned with its rows (:meth:`known`), the rest in one query."""

    def __init__(self) -> None:
        self.items: list[Evidence] = []
        self.refs: dict[str, DocumentRef] = {}

    def known(self, documents: Iterable[Mapping[str, Any]]) -> None:
        """Documents a statement returned beside its rows (``d {.id, .title, ...}``), so that
        :meth:`resolve` needs no round trip of its own for them."""
        for doc in documents:
            if doc["id"] not in self.refs:
                self.refs[doc["id"]] = DocumentRef.model_validate(to_native(doc))

    def of(self, *rels: Mapping[str, Any] | None) -> list[Evidence]:
        """The evidence entries of relationships' property maps, de-duplicated, in order."""
        out: list[Evidence] = []
        seen: set[tuple[Any, ...]] = set()
        for props in rels:
            if not props:
                continue
            if "doc_ids" in props:  # a fact: one entry per supporting document
                ids = list(props.get("doc_ids") or [])
                sentences = list(props.get("sentences") or [])
                starts = list(props.get("starts") or [])
                ends = list(props.get("ends") or [])
            elif props.get("doc_id") and props.get("sentence"):  # one document's report
                ids, sentences = [props["doc_id"]], [props["sentence"]]
                starts, ends = [props.get("start")], [props.get("end")]
            else:
                continue
            for i, doc_id in enumerate(ids):
                sentence = sentences[i] if i < len(sentences) else None
                start = starts[i] if i < len(starts) else None
                end = ends[i] if i < len(ends) else None
                key = (doc_id, start, end, sentence)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Evidence(doc_id=str(doc_id), sentence=sentence, start=start, end=end))
        self.items.extend(out)
        return out

    def resolve(self, graph: Graph) -> None:
        ids = sorted({e.doc_id for e in self.items} - self.refs.keys())
        if ids:
            rows = graph.read(query("api/document_refs"), {"ids": ids}, timeout_s=READ_TIMEOUT_S)
            self.known(r["document"] for r in rows)
        for item in self.items:
            item.document = self.refs.get(item.doc_id)


def event_summary(props: Mapping[str, Any]) -> EventSummary:
    native = to_native(dict(props))
    return EventSummary.model_validate({**native, "label": words.event_label(native)})


def _entity(props: Mapping[str, Any]) -> EntityRef:
    return EntityRef.model_validate(props)


def _bare_surname(entity: Mapping[str, Any]) -> bool:
    """A person known by one word only (a surname or a given name alone)."""
    return entity.get("type") == "Person" and len(str(entity.get("name", "")).split()) == 1


_NO_DATE = dt.date(9999, 12, 31)  # a null last date ranks first, as in entity_met_summary


def rank(row: Mapping[str, Any]) -> tuple[int, int, str, str]:
    """A /met row's place: most meetings, then latest (undated first), then name and id."""
    last = to_native(row["last_date"]) or _NO_DATE
    return (
        -int(row["count"]),
        -last.toordinal(),
        row["counterpart"]["name"] or "",
        row["counterpart"]["id"],
    )


def encode_cursor(row: Mapping[str, Any]) -> str:
    """The cursor after a /met row: its place in the ranking, as URL-safe text."""
    last = to_native(row["last_date"])
    key = [
        row["count"],
        last.isoformat() if last else None,
        row["counterpart"]["name"] or "",
        row["counterpart"]["id"],
    ]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


class BadCursor(ValueError):
    """A /met cursor this API did not make, or one given with a date range."""


def decode_cursor(text: str) -> dict[str, Any]:
    """The ``$after`` parameter of a cursor; BadCursor when it is not one this API made."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        count, last, name, ident = raw
        if not 0 <= int(count) < 2**62:
            raise ValueError("count out of range")
        return {
            "count": int(count),
            "last": dt.date.fromisoformat(last) if last else _NO_DATE,
            "name": str(name),
            "id": str(ident),
        }
    except (ValueError, TypeError, OverflowError, binascii.Error) as exc:
        raise BadCursor("not a cursor of this API (take next_cursor from a page)") from exc


def ref_text(ref: str) -> str:
    text = ref.strip()
    if not text:
        raise NotFound("an empty name names no entity")
    return text


def ref_params(text: str) -> dict[str, Any]:
    """The parameters of ``entity_by_ref`` for one reference: the id as given and
    lower-cased, the lower-cased and normalized name, the keyword index's query."""
    norm, lower = normalize_name(text), text.lower()
    return {"ids": [text, lower], "lower": lower, "norm": norm, "exact": exact_query([lower, norm])}


class Reads:
    """The API's questions to one graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def _read(self, name: str, **params: Any) -> list[Row]:
        return self.graph.read(query(name), params, timeout_s=READ_TIMEOUT_S)

    # --- health -------------------------------------------------------------------------------

    def ping(self) -> None:
        self._read("api/ping")

    def warm_up(self) -> dict[str, Any]:
        """Touch the entities, meetings and counts once (at start-up), within its own budget."""
        rows = self.graph.read(query("api/warm_up"), {}, timeout_s=WARM_UP_TIMEOUT_S)
        return rows[0] if rows else {}

    # --- entities -----------------------------------------------------------------------------

    def resolve(self, ref: str) -> EntityRef:
        """The entity ``ref`` names (id, name or alias, any case); NotFound or Ambiguous."""
        text = ref_text(ref)
        rows = self._read("api/entity_by_ref", **ref_params(text))
        return self._pick(text, rows)

    def resolve_many(self, *refs: str) -> list[EntityRef]:
        """The entities ``refs`` name, looked up in one round trip; the first reference that
        names none or several raises, as :meth:`resolve` would."""
        texts = [ref_text(ref) for ref in refs]
        rows = self._read("api/entity_by_refs", refs=[ref_params(t) for t in texts])
        found: dict[int, list[Row]] = {}
        for row in rows:
            found.setdefault(int(row["n"]), []).append(row)
        return [self._pick(text, found.get(n, [])) for n, text in enumerate(texts)]

    def pick_refs(self, texts: list[str], found: Iterable[Row]) -> list[EntityRef]:
        """The entities of references looked up together (``found``: maps ``{n, entity,
        tier}``, each reference's rows best first, as ``entity_by_refs`` gives them inside a
        statement); the first reference that names none or several raises, as
        :meth:`resolve_many` would."""
        rows: dict[int, list[Row]] = {}
        for row in found:
            rows.setdefault(int(row["n"]), []).append(row)
        return [self._pick(text, rows.get(n, [])) for n, text in enumerate(texts)]

    def _pick(self, text: str, rows: list[Row]) -> EntityRef:
        """The one entity of a reference's look-up rows (``entity_by_ref``, best first)."""
        if rows and rows[0]["tier"] < 0:
            return _entity(rows[0]["entity"])
        if not rows:
            closest = [h.model_dump(exclude={"score"}) for h in self.closest_names(text)]
            hint = f"; closest: {', '.join(str(c['name']) for c in closest)}" if closest else ""
            raise NotFound(f"no entity is called {text!r}{hint}", closest)
        best = [r for r in rows if r["tier"] == rows[0]["tier"]]
        if len(best) == 1 and _bare_surname(best[0]["entity"]):
            # A node named only "Kim" does not settle which Kim: every person who goes by
            # that name is a candidate.
            people = [r for r in rows if r["entity"].get("type") == "Person"]
            best = people if len(people) > 1 else best
        if len(best) > 1:
            candidates: list[dict[str, object]] = [_entity(r["entity"]).model_dump() for r in best]
            raise Ambiguous(
                f"{text!r} names {len(best)} entities; ask again with one of their ids",
                candidates,
            )
        return _entity(best[0]["entity"])

    def closest_names(self, text: str, limit: int = 5) -> list[EntityHit]:
        """The entities whose names come nearest ``text`` (prefix or one or two typos away),
        or any of whose words match ("X" for "X Electronics")."""
        found = self.search(text, None, limit, 0).items
        if found:
            return found
        words = terms(text)
        if len(words) < 2:
            return []
        either = " OR ".join(f"({w})" for w in filter(None, (build_query(w) for w in words)))
        rows = self._read("api/search_entities", lucene=either, type=None, limit=limit, offset=0)
        return [EntityHit.model_validate(i["entity"]) for i in rows[0]["items"]] if rows else []

    def search(self, q: str | None, type_: str | None, limit: int, offset: int) -> Page[EntityHit]:
        lucene = build_query(q) if q is not None else None
        if q is not None and lucene is None:
            return Page[EntityHit](total=0, limit=limit, offset=offset, items=[])
        params = {"type": type_, "limit": limit, "offset": offset}
        if lucene is None:
            rows = self._read("api/list_entities", **params)
        else:
            rows = self._read("api/search_entities", lucene=lucene, **params)
        row: Row = rows[0] if rows else {"total": 0, "items": []}
        items = [
            EntityHit.model_validate({**item["entity"], "score": item.get("score")})
            for item in row["items"]
        ]
        return Page[EntityHit](total=row["total"], limit=limit, offset=offset, items=items)

    def profile(self, ref: str) -> EntityProfile:
        entity = self.resolve(ref)
        rows = self._read("api/entity_profile", id=entity.id)
        if not rows:
            raise NotFound(f"entity {entity.id!r} disappeared while it was read")
        row = rows[0]
        cite = Citations()
        ent = to_native(row["entity"])
        affiliations = []
        for a in row["affiliations"]:
            other = _entity(a["other"])
            props = to_native(a["rel"])
            subject, obj = (entity.name, other.name)
            if a["direction"] == "in":
                subject, obj = obj, subject
            affiliations.append(
                Affiliation(
                    type=a["type"],
                    direction=a["direction"],
                    other=other,
                    title=props.get("title"),
                    current=props.get("current"),
                    text=words.affiliation_text(a["type"], subject, obj, props),
                    evidence=cite.of(props),
                )
            )
        relations = [
            DirectRelation(
                type=r["type"],
                direction=r["direction"],
                other=_entity(r["other"]),
                detail=r["rel"].get("detail"),
                evidence=cite.of(r["rel"]),
            )
            for r in row["relations"]
        ]
        events = [
            EventRole(
                event=event_summary(p["event"]),
                role=words.role_of(p["type"], p["rel"]),
                implied=bool(p["rel"].get("implied") or False),
                evidence=cite.of(p["rel"]),
            )
            for p in row["events"]
        ]
        taken = {e.event.id for e in events}
        events += [
            EventRole(event=event_summary(n["event"]), role="name", evidence=cite.of(*n["reports"]))
            for n in row["named"]
            if n["event"]["id"] not in taken
        ]
        quotes = [
            QuoteOut(id=q["id"], text=q.get("text"), documents=list(q.get("doc_ids") or []))
            for q in row["quotes"]
        ]
        documents = [
            Mention(
                document=DocumentRef.model_validate(to_native(m["document"])),
                names=list(m.get("names") or []),
            )
            for m in row["documents"]
        ]
        cite.resolve(self.graph)
        return EntityProfile.model_validate(
            {
                **ent,
                "aliases": list(ent.get("aliases") or []),
                "affiliations": affiliations,
                "relations": relations,
                "events": events,
                "quotes": quotes,
                "documents": documents,
                "counts": ProfileCounts(
                    events=len(events),
                    met=row["met"],
                    documents=len(documents),
                    affiliations=len(affiliations),
                    quotes=len(quotes),
                ),
            }
        )

    # --- meetings -----------------------------------------------------------------------------

    def met(
        self,
        ref: str,
        *,
        since: dt.date | None,
        until: dt.date | None,
        type_: str | None,
        limit: int,
        offset: int,
        events_limit: int = 5,
        cursor: str | None = None,
        include_undated: bool = False,
    ) -> MetResponse:
        """Whom ``ref`` met, one page. Without a date range the page comes from the MET
        summary (one relationship per counterpart; ``cursor`` continues after a page); a
        range needs each meeting's date, so it reads the meetings themselves, and says how
        many undated ones it could not place (``include_undated`` keeps them instead)."""
        after = decode_cursor(cursor) if cursor else None
        ranged = since is not None or until is not None
        page_params = {"type": type_, "limit": limit, "offset": 0 if after else offset}
        if ranged:
            entity = self.resolve(ref)
            if after:
                raise BadCursor("a cursor pages the answer without a date range only")
        else:  # the look-up and the page in one statement; the page is the first row's
            text = ref_text(ref)
            summary = {"after": after, "per_counterpart": events_limit, **page_params}
            head = self._read("api/entity_met_summary", **ref_params(text), **summary)[0]
            entity = self._pick(text, head["found"])
            if head["entity_id"] != entity.id:  # the statement did not settle it: by id
                head = self._read("api/entity_met_summary", **ref_params(entity.id), **summary)[0]
        filters = {
            "id": entity.id,
            "since": since,
            "until": until,
            "include_undated": include_undated,
        }
        if ranged:
            head = self._read("api/entity_met", **page_params, **filters)[0]
        page: list[Row] = head["page"] if ranged else sorted(head["page"], key=rank)
        cite = Citations()
        if ranged:
            details = self._read(
                "api/entity_met_events",
                others=[row["counterpart"]["id"] for row in page],
                per_counterpart=events_limit,
                **filters,
            )
            meetings_of = {d["other"]: d["meetings"] for d in details}
        else:  # the summary's statement read the page's meetings and their documents too
            meetings_of = {r["counterpart"]["id"]: r["meetings"] for r in page}
            cite.known(head["documents"])
        counterparts = []
        for row in page:
            events = [
                MeetingWith(
                    event=event_summary(m["event"]),
                    role=words.role_of(m["own_type"], m["own"]),
                    counterpart_role=words.role_of(m["their_type"], m["their"]),
                    evidence=cite.of(m["own"], m["their"], *m["reports"]),
                )
                for m in meetings_of.get(row["counterpart"]["id"], [])
            ]
            counterparts.append(
                Counterpart(
                    entity=_entity(row["counterpart"]),
                    meetings=row["count"],
                    first_date=to_native(row["first_date"]),
                    last_date=to_native(row["last_date"]),
                    first_meeting=event_summary(row["first_event"]),
                    last_meeting=event_summary(row["last_event"]),
                    events=events,
                )
            )
        cite.resolve(self.graph)
        more = (
            not ranged and len(page) == limit and (0 if after else offset) + limit < head["total"]
        )
        return MetResponse(
            entity=entity,
            total=head["total"],
            limit=limit,
            offset=offset,
            counterparts=counterparts,
            next_cursor=encode_cursor(page[-1]) if more else None,
            undated_left_out=int(head["undated_left_out"]) if ranged else 0,
        )

    def who_met(self, a_ref: str, b_ref: str) -> WhoMetResponse:
        """The held events both ``a_ref`` and ``b_ref`` took part in: the look-up of both
        and the pair's meetings in one statement (``api/who_met_refs``), which reads the pair
        of each reference's first row; :meth:`_pick` then decides exactly as
        :meth:`resolve_many` would (it returns a reference's first row or raises)."""
        texts = [ref_text(a_ref), ref_text(b_ref)]
        head = self._read("api/who_met_refs", refs=[ref_params(t) for t in texts])[0]
        a, b = self.pick_refs(texts, head["found"])
        rows: list[Row] = [] if a.id == b.id else head["meetings"]
        cite = Citations()
        for r in rows:
            cite.known(r["documents"])
        meetings = [
            SharedMeeting(
                event=event_summary(r["event"]),
                role_a=words.role_of(r["a_type"], r["a_rel"]),
                role_b=words.role_of(r["b_type"], r["b_rel"]),
                evidence=cite.of(*r["reports"], r["a_rel"], r["b_rel"]),
            )
            for r in rows
        ]
        cite.resolve(self.graph)
        return WhoMetResponse(a=a, b=b, met=bool(meetings), meetings=meetings)

    def meeting_of(self, item: Mapping[str, Any], cite: Citations) -> MeetingOut:
        participants = [
            Participant(
                entity=_entity(p["entity"]),
                role=words.role_of(p["type"], p["rel"]),
                implied=bool(p["rel"].get("implied") or False),
                evidence=cite.of(p["rel"]),
            )
            for p in item["participants"]
        ]
        order = {"host": 0, "speaker": 1, "attendee": 2}
        participants.sort(key=lambda p: (order[p.role], p.implied, p.entity.name))
        return MeetingOut(
            event=event_summary(item["event"]),
            participants=participants,
            evidence=cite.of(*item["reports"]),
        )

    def meetings(
        self,
        *,
        entity: str | None,
        since: dt.date | None,
        until: dt.date | None,
        kind: str | None,
        status: str | None,
        limit: int,
        offset: int,
        include_undated: bool = False,
    ) -> MeetingPage:
        entity_id = self.resolve(entity).id if entity else None
        rows = self._read(
            "api/meetings",
            entity_id=entity_id,
            since=since,
            until=until,
            kind=kind,
            status=status,
            include_undated=include_undated,
            limit=limit,
            offset=offset,
        )
        row = rows[0]
        cite = Citations()
        items = [self.meeting_of(item, cite) for item in row["items"]]
        cite.resolve(self.graph)
        return MeetingPage(
            total=row["total"],
            limit=limit,
            offset=offset,
            items=items,
            undated_left_out=row["undated_left_out"],
        )

    # --- documents ----------------------------------------------------------------------------

    def documents(self, limit: int, offset: int) -> Page[DocumentSummary]:
        row = self._read("api/documents_list", limit=limit, offset=offset)[0]
        items = [DocumentSummary.model_validate(to_native(d)) for d in row["items"]]
        return Page[DocumentSummary](total=row["total"], limit=limit, offset=offset, items=items)

    def document(self, doc_id: str) -> DocumentDetail:
        rows = self._read("api/document_detail", id=doc_id)
        if not rows:
            raise NotFound(f"no document {doc_id!r}")
        row = rows[0]
        cite = Citations()
        relations = []
        for r in row["relations"]:
            props = to_native(r["rel"])
            # Only this document's evidence: the fact may be stated elsewhere too.
            own = [e for e in cite.of(props) if e.doc_id == doc_id]
            relations.append(
                RelationFact(
                    type=r["type"],
                    source=_entity(r["source"]),
                    target=_entity(r["target"]),
                    title=props.get("title"),
                    detail=props.get("detail"),
                    current=props.get("current"),
                    evidence=own,
                )
            )
        meetings = [self.meeting_of(m, cite) for m in row["meetings"]]
        for meeting in meetings:
            meeting.evidence = [e for e in meeting.evidence if e.doc_id == doc_id]
            for p in meeting.participants:
                p.evidence = [e for e in p.evidence if e.doc_id == doc_id]
        facts = DocumentFacts(
            entities=[
                EntityMention(entity=_entity(m["entity"]), names=list(m.get("names") or []))
                for m in row["mentions"]
            ],
            meetings=meetings,
            relations=relations,
            quotes=[
                QuoteFact(
                    id=q["id"],
                    text=q.get("text"),
                    speaker=_entity(q["speaker"]) if q.get("speaker") else None,
                )
                for q in row["quotes"]
            ],
        )
        cite.resolve(self.graph)
        return DocumentDetail.model_validate({**to_native(row["document"]), "facts": facts})

    # --- stats --------------------------------------------------------------------------------

    def stats(self) -> Stats:
        # One query for the label counts, shared with GraphStore.stats (columns label, count).
        labels = [
            Count(name=r["label"], count=r["count"]) for r in self._read("store/stats_labels")
        ]
        rels = [Count(name=r["type"], count=r["count"]) for r in self._read("store/stats_types")]
        nodes = self._read("api/stats_nodes")[0]["nodes"]
        return Stats(labels=labels, relationships=rels, nodes=nodes)
