"""The page: escaped tooltips, no remote resource, profile links, bounded physics, legend."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import networkx as nx

from tests.support.view_rows import (
    ACME,
    ANNA,
    MINISTRY,
    WORKSHOP,
    entity,
    meeting,
    rel,
    row,
    small_world,
)
from viz.build import graph_from_rows
from viz.cap import cap_graph
from viz.project import met_projection
from viz.render import physics_options, profile_href, render_html, to_network
from viz.tooltip import edge_tooltip, node_tooltip

ATTACK = '<img src=x onerror="alert(1)"></script><script>alert(2)</script>'


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of style elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def hostile_graph() -> nx.MultiDiGraph:
    evil = entity("per:evil", f"Eve {ATTACK}", "Person", aliases=[ATTACK])
    rows = [
        *small_world(),
        row(evil, rel("ATTENDED", f"She said {ATTACK}", implied=False, role="speaker"), WORKSHOP),
    ]
    g = graph_from_rows(rows)
    for ev in g.edges["per:evil", "ev:w", "ATTENDED"]["evidence"]:
        ev["title"] = f"Title {ATTACK}"
    return g


def test_tooltips_escape_document_text() -> None:
    g = hostile_graph()
    net = to_network(g)
    titles = [n["title"] for n in net.nodes] + [e["title"] for e in net.edges]
    joined = "".join(titles)
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in joined
    assert "<img" not in joined and "<script" not in joined and "</script" not in joined


def test_tooltip_builders_escape_every_field() -> None:
    node = node_tooltip({"name": ATTACK, "category": ATTACK, "aliases": [ATTACK]}, 1)
    edge = edge_tooltip(
        {
            "type": "ATTENDED",
            "role": ATTACK,
            "date": ATTACK,
            "evidence": [{"sentence": ATTACK, "title": ATTACK}],
        },
        ATTACK,
        ATTACK,
    )
    for html in (node, edge):
        assert "<img" not in html and "<script" not in html


def test_page_holds_no_injected_markup_and_no_remote_resource() -> None:
    page = render_html(hostile_graph())
    parsed = parse(page)
    names = [tag for tag, _ in parsed.tags]
    assert "img" not in names and "link" not in names and "iframe" not in names
    # The template's own two scripts (vis-network, then the page's data and logic), inline.
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert len(scripts) == 2
    assert all("src" not in attrs for attrs in scripts)
    for _, attrs in parsed.tags:
        for key in ("src", "href", "action", "data"):
            value = attrs.get(key) or ""
            assert not re.match(r"^\s*(https?:)?//", value), (key, value)
    css = "".join(parsed.styles)
    assert "@import" not in css
    assert all(
        u.startswith(("data:", '"data:', "'data:")) for u in re.findall(r"url\(\s*([^)]*)", css)
    )
    csp = [
        a
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page.lower()


def test_entities_and_meetings_link_to_their_explorer_pages() -> None:
    net = to_network(graph_from_rows(small_world()), api_base="http://127.0.0.1:8000/")
    by_id = {n["id"]: n for n in net.nodes}
    assert by_id["per:anna-lee"]["href"] == "http://127.0.0.1:8000/entity/per%3Aanna-lee"
    assert by_id["ev:w"]["href"] == "http://127.0.0.1:8000/meeting/ev%3Aw"
    assert profile_href("a/b c") == "/entity/a%2Fb%20c"


def test_physics_is_bounded_and_then_switched_off() -> None:
    for n in (10, 200, 1000, 5000):
        options = physics_options(n, directed=True)
        iterations = options["physics"]["stabilization"]["iterations"]
        assert 0 < iterations <= 1000
    assert (
        physics_options(5000, True)["physics"]["stabilization"]["iterations"]
        < physics_options(100, True)["physics"]["stabilization"]["iterations"]
    )
    page = render_html(graph_from_rows(small_world()))
    assert 'once("stabilizationIterationsDone"' in page
    assert "physics: { enabled: false }" in page


def test_labels_legend_sizes_and_edge_captions() -> None:
    g = graph_from_rows(small_world())
    net = to_network(g)
    by_id = {n["id"]: n for n in net.nodes}
    assert by_id["gov:ministry"]["size"] > by_id["com:globex"]["size"]  # 3 links vs 1
    captions = {(e["from"], e["to"]): e["label"] for e in net.edges}
    assert captions[("per:anna-lee", "ev:w")] == "speaker"
    assert captions[("gov:ministry", "com:acme")] == "requested"
    page = render_html(g)
    assert "government body (1)" in page and "meeting (event) (2)" in page and "person (1)" in page


def test_met_edges_say_how_often() -> None:
    later = meeting("ev:z", kind="signing", date="2026-04-02")
    rows = [
        *small_world(),
        row(MINISTRY, rel("HOSTED", "A signing."), later),
        row(ACME, rel("ATTENDED", "Acme signed.", implied=False), later),
    ]
    net = to_network(met_projection(graph_from_rows(rows)))
    twice = next(e for e in net.edges if {e["from"], e["to"]} == {"gov:ministry", "com:acme"})
    assert twice["label"] == "met ×2"
    assert "workshop, 2026-03-18" in twice["title"] and "signing, 2026-04-02" in twice["title"]
    assert twice["arrows"] == {"to": {"enabled": False}}
    once = next(e for e in net.edges if {e["from"], e["to"]} == {"gov:ministry", "com:globex"})
    assert "label" not in once  # one meeting: the line itself says "met"
    assert twice["width"] > once["width"]


def test_cap_note_is_shown_on_the_page() -> None:
    g = graph_from_rows(small_world())
    page = render_html(cap_graph(g, 3))
    assert "Showing the 3 most connected of 6 nodes" in page


def test_a_capped_page_links_to_more_nodes() -> None:
    g = graph_from_rows(small_world())
    page = render_html(cap_graph(g, 3), more_href="/graph?max_nodes=6&hops=2")
    assert 'class="show-more" href="/graph?max_nodes=6&amp;hops=2"' in page
    # Nothing left out, or no address to go to (a file written by the CLI): no link.
    assert "show-more" not in render_html(g, more_href="/graph?max_nodes=6")
    assert "show-more" not in render_html(cap_graph(g, 3))


def test_empty_view_says_so() -> None:
    g = graph_from_rows([])
    assert "Nothing to show" in render_html(g)


def test_long_labels_are_clipped_but_tooltips_keep_the_name() -> None:
    name = "The Extraordinarily Long Official Name of a Public Body " * 2
    g = graph_from_rows(
        [row(entity("gov:long", name, "GovernmentBody"), rel("HOSTED", "x"), WORKSHOP), row(ANNA)]
    )
    node = next(n for n in to_network(g).nodes if n["id"] == "gov:long")
    assert len(node["label"]) <= 40 and node["label"].endswith("…")
    assert name.strip() in node["title"]


def test_big_graphs_come_laid_out_with_physics_off() -> None:
    from bench.viz_bench import synthetic_rows
    from viz.render import PHYSICS_MAX_NODES

    assert physics_options(PHYSICS_MAX_NODES, True)["physics"]["enabled"] is True
    options = physics_options(1000, True)
    assert options["physics"]["enabled"] is False
    assert options["nodes"]["scaling"]["label"]["drawThreshold"] > 5  # vis's default
    net = to_network(graph_from_rows(synthetic_rows(400)))
    positions = [(n["x"], n["y"]) for n in net.nodes]
    assert len(positions) == len(net.nodes) == len(set(positions))
    again = to_network(graph_from_rows(synthetic_rows(400)))
    assert [(n["x"], n["y"]) for n in again.nodes] == positions  # seeded: the same picture
    page = render_html(graph_from_rows(synthetic_rows(400)))
    assert "options.physics.enabled === false" in page
    # A small graph is still laid out by the browser: no positions are sent.
    assert all("x" not in n for n in to_network(graph_from_rows(small_world())).nodes)


def test_big_graphs_name_only_their_hubs_at_the_first_zoom() -> None:
    from bench.viz_bench import synthetic_rows
    from viz.layout import PIXELS_PER_NODE
    from viz.render import BIG_LABEL_DRAW_THRESHOLD, HUB_LABELS

    g = graph_from_rows(synthetic_rows(1000))
    net = to_network(g)
    xs = [n["x"] for n in net.nodes]
    ys = [n["y"] for n in net.nodes]
    assert max(max(xs) - min(xs), max(ys) - min(ys)) <= 2 * PIXELS_PER_NODE * 1000**0.5 + 1
    # The scale at which a 700-pixel pane shows the whole picture.
    fit = 700 / (2 * PIXELS_PER_NODE * 1000**0.5)
    drawn = {n["id"] for n in net.nodes if n["font"]["size"] * fit >= BIG_LABEL_DRAW_THRESHOLD}
    assert len(drawn) == HUB_LABELS
    degree = dict(g.degree())
    least_named = min(degree[n] for n in drawn)
    assert all(degree[n] <= least_named for n in g.nodes if n not in drawn)
