"""Any view as GraphML (Gephi), node-link JSON or a CSV edge list.

GraphML only holds scalars, so lists, dicts and dates become JSON text there;
the JSON export keeps them as they are.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from enum import StrEnum
from typing import Any

import networkx as nx


class ExportFormat(StrEnum):
    HTML = "html"
    GRAPHML = "graphml"
    JSON = "json"
    CSV = "csv"


MEDIA_TYPES = {
    ExportFormat.HTML: "text/html; charset=utf-8",
    ExportFormat.GRAPHML: "application/graphml+xml",
    ExportFormat.JSON: "application/json",
    ExportFormat.CSV: "text/csv; charset=utf-8",
}


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _scalars(attrs: dict[str, Any]) -> dict[str, str | int | float | bool]:
    return {key: _scalar(value) for key, value in attrs.items() if value is not None}


def graphml_ready(g: nx.Graph) -> nx.Graph:
    """A copy whose node, edge and graph attributes are all GraphML scalars."""
    out = g.__class__()
    out.graph.update(_scalars(dict(g.graph)))
    out.add_nodes_from((n, _scalars(a)) for n, a in g.nodes(data=True))
    if g.is_multigraph():
        out.add_edges_from((u, v, k, _scalars(a)) for u, v, k, a in g.edges(keys=True, data=True))
    else:
        out.add_edges_from((u, v, _scalars(a)) for u, v, a in g.edges(data=True))
    return out


def to_graphml(g: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(graphml_ready(g), buffer, encoding="utf-8")
    return buffer.getvalue()


def to_json(g: nx.Graph) -> str:
    data = nx.node_link_data(g, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


CSV_COLUMNS = ("source", "target", "type", "source_label", "target_label", "weight", "role", "date")
EVIDENCE_COLUMNS = ("doc_id", "sentence", "start", "end")


def to_csv(g: nx.Graph) -> str:
    """One line per (edge, evidence entry): a fact stated by two documents is two lines, so a
    spreadsheet can filter by document; an edge without evidence is one line with those
    columns empty. Other lists (a met edge's meetings) go in a JSON ``details`` column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CSV_COLUMNS, *EVIDENCE_COLUMNS, "details"])
    for u, v, attrs in g.edges(data=True):
        details = {
            k: val
            for k, val in attrs.items()
            if k not in CSV_COLUMNS and k != "evidence" and val is not None and val != []
        }
        head = [
            u,
            v,
            attrs.get("type", ""),
            g.nodes[u].get("label", u),
            g.nodes[v].get("label", v),
            attrs.get("weight", 1),
            attrs.get("role", ""),
            attrs.get("date", ""),
        ]
        tail = (
            json.dumps(details, ensure_ascii=False, sort_keys=True, default=str) if details else ""
        )
        for ev in attrs.get("evidence") or [{}]:
            writer.writerow([*head, *(ev.get(c, "") for c in EVIDENCE_COLUMNS), tail])
    return buffer.getvalue()


def export(g: nx.Graph, fmt: ExportFormat) -> bytes:
    """The bytes of ``g`` in a data format (HTML is rendered by ``viz.render``)."""
    if fmt is ExportFormat.GRAPHML:
        return to_graphml(g)
    if fmt is ExportFormat.JSON:
        return to_json(g).encode("utf-8")
    if fmt is ExportFormat.CSV:
        return to_csv(g).encode("utf-8")
    raise ValueError(f"{fmt} is not a data export; render HTML with viz.render")
