"""Draw a networkx view as one self-contained HTML page with pyvis and vis-network.

pyvis builds the node, edge and option structures; the page comes from whomet's
own template (``viz/templates/graph.html``), which inlines vis-network the way
pyvis's ``cdn_resources="in_line"`` does but leaves out pyvis's Bootstrap CDN
links, so an opened page makes no request beyond its own server.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from graph.errors import WhometError
from viz.layout import PIXELS_PER_NODE, spring_positions
from viz.style import LABEL_INSIDE, STYLES, edge_caption, style_of
from viz.tooltip import edge_tooltip, met_tooltip, node_tooltip

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
MAX_LABEL = 40
# A click opens the explorer's page of the node (entity or meeting), not raw JSON.
PROFILE_PATH = "/entity/"
MEETING_PATH = "/meeting/"
# Above this many nodes the page gets positions computed here and draws with physics off
# (vis-network's in-browser stabilisation of 1,000 nodes takes seconds); below, the
# browser's bounded stabilisation gives the nicer picture quickly.
PHYSICS_MAX_NODES = 150
# From this many nodes on, a page does not draw every name at once (at 40-65 nodes they
# overlapped): the names of the most connected nodes show at the first zoom, the others
# as one zooms in, and the edges are drawn thinner and lighter. Below it, every name shows.
LABEL_ALL_BELOW = 40
# Zoomed out on a crowded graph, a label smaller than this many screen pixels is not drawn:
# the names of the hubs (larger fonts) show first, the rest as one zooms in.
BIG_LABEL_DRAW_THRESHOLD = 7
# ...except the names of this many hubs, drawn large enough to be read at the first,
# whole-graph zoom (vis-network caps a label at ``maxVisible`` pixels when zoomed in).
HUB_LABELS = 20
HUB_LABEL_PIXELS = 12  # screen pixels of a hub's name at the first zoom
FIT_PIXELS = 700  # the shorter side of a typical graph pane, in screen pixels
# How much closer one zooms before the names hidden at the first zoom appear.
REVEAL_ZOOM = 1.6
# Edges of a crowded view: thin and light, so the nodes and their names stand out.
THIN_EDGE_WIDTH = 0.6
THIN_EDGE_COLOR = "#c5ccd4"


def hub_font_size(n_nodes: int) -> int:
    """Font size (canvas units) that draws a hub's name at ``HUB_LABEL_PIXELS`` when the
    page first fits the whole laid-out graph (about ``2 * PIXELS_PER_NODE * sqrt(n)`` wide)."""
    fit_scale = FIT_PIXELS / (2 * PIXELS_PER_NODE * math.sqrt(max(n_nodes, 1)))
    return math.ceil(HUB_LABEL_PIXELS / min(fit_scale, 1.0))


def crowded(n_nodes: int) -> bool:
    """Whether a graph of this size names only its hubs until one zooms in."""
    return n_nodes >= LABEL_ALL_BELOW


def label_ranks(g: nx.Graph, importance: dict[Any, float]) -> dict[Any, int]:
    """The order in which a crowded page names its nodes: most connected first (ties by id,
    so the order is stable). The page names, at its first zoom, the first ``HUB_LABELS``
    of them whose names do not overlap a name already placed (``viz/templates/graph.html``)."""
    ranked = sorted(g.nodes, key=lambda n: (-importance[n], str(n)))
    return {node: rank for rank, node in enumerate(ranked)}


def hubs(g: nx.Graph, importance: dict[Any, float]) -> set[Any]:
    """The ``HUB_LABELS`` most connected nodes (ties by id, so the choice is stable)."""
    return {n for n, rank in label_ranks(g, importance).items() if rank < HUB_LABELS}


def label_rule(n_nodes: int) -> dict[str, Any] | None:
    """What the page does with names at its first zoom, in screen pixels; ``None`` when
    every name shows (a small graph). The page reads it when it has fitted the graph:
    the first ``hubs`` nodes by rank whose names do not overlap are drawn at ``hubPixels``
    or more, the other names are drawn only once one zooms in ``revealZoom`` times closer
    (vis-network skips a label under ``drawPixels``)."""
    if not crowded(n_nodes):
        return None
    return {
        "hubs": HUB_LABELS,
        "hubPixels": HUB_LABEL_PIXELS,
        "drawPixels": BIG_LABEL_DRAW_THRESHOLD,
        "revealZoom": REVEAL_ZOOM,
        "inside": sorted(LABEL_INSIDE),  # shapes that draw their name inside (else below)
    }


@dataclass(frozen=True)
class LegendItem:
    icon: Markup
    text: str
    count: int


@lru_cache(maxsize=1)
def _template() -> Template:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        auto_reload=False,
    )
    return env.get_template("graph.html")


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[Markup, Markup]:
    """vis-network's script and stylesheet as shipped inside pyvis, for inlining."""
    js = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    css = (VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise WhometError("vis-network assets cannot be inlined: they close their own tag")
    return Markup(js), Markup(css)


def _clip(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def profile_href(node_id: str, api_base: str = "") -> str:
    """Where a click on an entity leads: its page in the explorer."""
    return f"{api_base.rstrip('/')}{PROFILE_PATH}{quote(node_id, safe='')}"


def meeting_href(node_id: str, api_base: str = "") -> str:
    """Where a click on a meeting leads: its page in the explorer."""
    return f"{api_base.rstrip('/')}{MEETING_PATH}{quote(node_id, safe='')}"


def positioned(n_nodes: int) -> bool:
    """Whether a graph of this size is laid out here (physics off in the browser)."""
    return n_nodes > PHYSICS_MAX_NODES


def physics_options(n_nodes: int, directed: bool) -> dict[str, Any]:
    """vis-network options sized to the graph: bounded stabilisation, lighter drawing when big;
    physics off when the nodes carry positions computed here (:func:`positioned`)."""
    iterations = 400 if n_nodes <= 200 else 250 if n_nodes <= 1000 else 120
    big = n_nodes > 300
    options = _options(n_nodes, directed, iterations, big)
    if positioned(n_nodes):
        options["physics"]["enabled"] = False
        options["physics"]["stabilization"]["enabled"] = False
    if crowded(n_nodes):
        label_scaling = {"label": {"drawThreshold": BIG_LABEL_DRAW_THRESHOLD, "maxVisible": 30}}
        options["nodes"]["scaling"] = label_scaling
        options["edges"]["scaling"] = label_scaling
        options["edges"]["width"] = THIN_EDGE_WIDTH
        options["edges"]["color"]["color"] = THIN_EDGE_COLOR
    return options


def _options(n_nodes: int, directed: bool, iterations: int, big: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 100},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                # Who-met graphs are dense (a meeting of ten is a clique): longer springs.
                "gravitationalConstant": -7000 if directed else -8000,
                "centralGravity": 0.5,
                "springLength": 170 if directed else 220,
                "springConstant": 0.04,
                "damping": 0.4,
                "avoidOverlap": 0.25,
            },
            "maxVelocity": 60,
            "minVelocity": 1.0,
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                "updateInterval": 25,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#555555"},
            "font": {
                "size": 10,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "horizontal",
            },
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
        },
    }


def _icon(shape: str, color: str) -> Markup:
    """A small SVG of a legend entry's shape (fixed markup, no outside text)."""
    shapes = {
        "dot": "<circle cx='8' cy='8' r='6'/>",
        "square": "<rect x='2' y='2' width='12' height='12'/>",
        "diamond": "<polygon points='8,1 15,8 8,15 1,8'/>",
        "triangle": "<polygon points='8,1 15,14 1,14'/>",
        "triangleDown": "<polygon points='1,2 15,2 8,15'/>",
        "star": "<polygon points='8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6'/>",
        "hexagon": "<polygon points='4,2 12,2 15,8 12,14 4,14 1,8'/>",
        "box": "<rect x='1' y='4' width='14' height='9' rx='2'/>",
    }
    body = shapes.get(shape, shapes["dot"])
    return Markup(
        f"<svg viewBox='0 0 16 16' aria-hidden='true'><g fill='{color}' stroke='#444' "
        f"stroke-width='0.8'>{body}</g></svg>"
    )


def _importance(g: nx.Graph) -> dict[Any, float]:
    """0..1 by the square root of (weighted) degree: hubs stand out, leaves stay legible."""
    weight = None if g.is_multigraph() else "weight"
    degree = dict(g.degree(weight=weight))
    top = max(degree.values(), default=1) or 1
    return {n: math.sqrt(degree[n] / top) for n in g.nodes}


def to_network(g: nx.Graph, api_base: str = "") -> Network:
    """The pyvis network of a view: styled nodes, captioned edges, escaped tooltips."""
    directed = g.is_directed()
    net = Network(
        height="100%",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        heading=str(g.graph.get("title", "")),
    )
    importance = _importance(g)
    degree = dict(g.degree())
    n_nodes = g.number_of_nodes()
    positions = spring_positions(g) if positioned(n_nodes) else {}
    ranks = label_ranks(g, importance) if crowded(n_nodes) else {}
    # Laid out here, the first zoom is known well enough to size the hubs' names on the
    # server; the page corrects it to the zoom it fits (graph.html), as for smaller graphs.
    named = {n for n, rank in ranks.items() if rank < HUB_LABELS} if positions else set()
    thin = THIN_EDGE_WIDTH if ranks else 1.0
    for node, attrs in g.nodes(data=True):
        style = style_of(str(attrs.get("category", "")))
        options: dict[str, Any] = {
            "title": "",
            "color": {
                "background": style.color,
                "border": "#444444",
                "highlight": {"background": style.color, "border": "#000000"},
                "hover": {"background": style.color, "border": "#000000"},
            },
            "category": attrs.get("category", ""),
        }
        if style.shape not in LABEL_INSIDE:
            # Bigger hubs with bigger names: vis hides labels that get too small when zoomed
            # out, so on a large graph the names of the central nodes stay readable.
            options["size"] = round(10 + 14 * importance[node], 1)
            options["font"] = {"size": round(12 + 7 * importance[node])}
        else:
            options["font"] = {"size": 12, "strokeWidth": 0}
            options["margin"] = 6
        if attrs.get("kind") == "entity":
            options["href"] = profile_href(str(node), api_base)
        elif attrs.get("kind") == "event":
            options["href"] = meeting_href(str(node), api_base)
        options["title"] = node_tooltip({**attrs, "href": options.get("href")}, degree[node])
        if node in positions:
            options["x"], options["y"] = positions[node]
        if node in named:
            options["font"] = {**options["font"], "size": hub_font_size(n_nodes)}
        if node in ranks:
            options["rank"] = ranks[node]
        net.add_node(
            str(node), label=_clip(str(attrs.get("label", node))), shape=style.shape, **options
        )
    labels = {n: str(a.get("label", n)) for n, a in g.nodes(data=True)}
    for edge in g.edges(data=True):
        source, target, attrs = edge
        if attrs.get("type") == "MET":
            weight = int(attrs.get("weight", 1))
            # Every edge here means "met": only repeated meetings get a caption, or a
            # meeting of ten would draw "met" 45 times.
            caption = {"label": f"met ×{weight}"} if weight > 1 else {}
            net.add_edge(
                str(source),
                str(target),
                title=met_tooltip(attrs, labels[source], labels[target]),
                width=round(thin * (1 + 1.5 * math.log2(weight)), 2),
                arrows={"to": {"enabled": False}},
                **caption,
            )
            continue
        net.add_edge(
            str(source),
            str(target),
            label=edge_caption(str(attrs.get("type", "")), attrs.get("role")),
            title=edge_tooltip(attrs, labels[source], labels[target]),
            dashes=bool(attrs.get("implied")),
            arrows={"to": {"enabled": directed, "scaleFactor": 0.5}},
        )
    net.options = physics_options(g.number_of_nodes(), directed)
    return net


def legend(g: nx.Graph) -> list[LegendItem]:
    """One entry per node category present, in the style table's order, with counts."""
    counts: dict[str, int] = {}
    for _, attrs in g.nodes(data=True):
        category = str(attrs.get("category", ""))
        key = category if category in STYLES else "Other"
        counts[key] = counts.get(key, 0) + 1
    return [
        LegendItem(_icon(style.shape, style.color), style.legend, counts[key])
        for key, style in STYLES.items()
        if key in counts
    ]


def _edge_legend(g: nx.Graph) -> list[str]:
    if g.graph.get("view") == "met":
        items = ["line: met at a held meeting; width: number of meetings"]
    else:
        items = ["arrows: relationships, labelled by type"]
    if any(a.get("implied") for _, _, a in g.edges(data=True)):
        items.append("dashed: presence implied, not stated")
    if any(a.get("kind") == "entity" for _, a in g.nodes(data=True)):
        items.append("click an entity or a meeting to open its page")
    return items


def render_html(
    g: nx.Graph, api_base: str = "", more_href: str | None = None, undated_href: str | None = None
) -> str:
    """The page of a view; ``api_base`` prefixes profile links ("" when served by the API).

    ``more_href`` (given by the API, which knows the page's URL) is the same view with a
    higher node cap: a capped page links to it as "show more". ``undated_href`` is the same
    range view with the undated meetings kept, linked when the range left some out.
    """
    net = to_network(g, api_base)
    nodes, edges, heading, _, _, _ = net.get_network_data()
    vis_js, vis_css = _vis_assets()
    title = str(g.graph.get("title") or heading or "whomet graph")
    summary = f"{g.number_of_nodes():,} nodes · {g.number_of_edges():,} links"
    if g.graph.get("description"):
        summary = f"{g.graph['description']} — {summary}"
    return _template().render(
        title=title,
        summary=summary,
        legend=legend(g),
        edge_legend=_edge_legend(g),
        notes=[str(n) for n in g.graph.get("notes", [])],
        more_href=more_href if g.graph.get("left_out_nodes") else None,
        undated_href=undated_href if g.graph.get("undated_left_out") else None,
        nodes=nodes,
        edges=edges,
        options=net.options,
        label_rule=label_rule(g.number_of_nodes()),
        vis_js=vis_js,
        vis_css=vis_css,
    )
