"""Turn values read from Neo4j into JSON: graph objects as maps, temporal values as ISO text.

``to_json`` serves free-form Cypher (the API's ``/cypher`` and ``whomet query``, both run by
:mod:`graph.read.free_query` through :func:`collect_rows`), where anything may come back;
``to_native`` serves typed routes, where pydantic wants Python dates.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from neo4j import Result
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

JSONValue = Any
"""A value ``json.dumps`` accepts with ``allow_nan=False``."""


def _float(value: float) -> JSONValue:
    # JSON has no NaN or infinity; say them in words rather than fail the response.
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _node(node: Node) -> dict[str, JSONValue]:
    return {
        "kind": "node",
        "element_id": node.element_id,
        "labels": sorted(node.labels),
        "properties": {k: to_json(v) for k, v in node.items()},
    }


def _relationship(rel: Relationship) -> dict[str, JSONValue]:
    return {
        "kind": "relationship",
        "element_id": rel.element_id,
        "type": rel.type,
        "start": rel.start_node.element_id if rel.start_node is not None else None,
        "end": rel.end_node.element_id if rel.end_node is not None else None,
        "properties": {k: to_json(v) for k, v in rel.items()},
    }


def to_json(value: Any) -> JSONValue:
    """Any value the driver returns, as plain JSON data (never raises on a known type)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Relationship):
        return _relationship(value)
    if isinstance(value, Path):
        return {
            "kind": "path",
            "nodes": [_node(n) for n in value.nodes],
            "relationships": [_relationship(r) for r in value.relationships],
        }
    if isinstance(value, Date | DateTime | Time | Duration):
        return value.iso_format()
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, Point):
        point: dict[str, JSONValue] = {"kind": "point", "srid": value.srid}
        for axis, coordinate in zip(("x", "y", "z"), value, strict=False):
            point[axis] = _float(coordinate)
        return point
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return str(value)


_UNCHANGED = frozenset({str, int, float, bool, type(None)})


def to_native(value: Any) -> Any:
    """Neo4j temporal values as Python ``date``/``datetime``, recursively; the rest unchanged.

    Plain values, dicts and lists are told by their exact type first: a /met page is ~100,000
    of them, and the ``isinstance`` tests against unions and ``Mapping`` cost more."""
    kind = type(value)
    if kind in _UNCHANGED:
        return value
    if kind is dict:
        return {k: to_native(v) for k, v in value.items()}
    if kind is list:
        return [to_native(v) for v in value]
    if isinstance(value, Date | DateTime):
        try:
            return value.to_native()
        except ValueError:  # outside Python's range: keep the words
            return value.iso_format()
    if isinstance(value, Time | Duration):
        return value.iso_format()
    if isinstance(value, Mapping):
        return {k: to_native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_native(v) for v in value]
    return value


@dataclass(frozen=True)
class Rows:
    """The rows of a free-form query, as JSON data, cut at a row or byte budget."""

    columns: list[str]
    rows: list[dict[str, JSONValue]]
    truncated: bool


def collect_rows(result: Result, *, max_rows: int, max_bytes: int | None = None) -> Rows:
    """Read ``result`` (inside its transaction) into at most ``max_rows`` rows and, with
    ``max_bytes``, at most that much JSON text: the API's /cypher worker and the CLI's
    ``whomet query`` both read through here, so both answer the same values."""
    columns = list(result.keys())
    rows: list[dict[str, JSONValue]] = []
    size = 0
    truncated = False
    for record in result:
        if len(rows) >= max_rows:
            truncated = True
            break
        row = {key: to_json(record[key]) for key in columns}
        if max_bytes is not None:
            size += len(json.dumps(row, ensure_ascii=False, allow_nan=False))
            if size > max_bytes:
                truncated = True
                break
        rows.append(row)
    return Rows(columns, rows, truncated)
