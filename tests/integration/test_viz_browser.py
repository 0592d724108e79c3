"""The seed's graph pages in headless Chromium, served by the running API, with no network.

Skipped only when /usr/bin/chromium is missing outside CI; under CI=true it must run.
Writes screenshots to artifacts/ (gitignored); docs/img/seed-graph.png is a copy of
artifacts/seed-graph.png.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from bench.viz_bench import synthetic_rows
from graph.database.db import Graph
from graph.read import views as views_read
from graph.settings import Settings
from tests.support.browser import ARTIFACTS, BROWSER_MARKS, Page, assert_offline
from tests.support.reliability import ApiServer
from viz import views
from viz.build import graph_from_rows
from viz.render import HUB_LABEL_PIXELS, HUB_LABELS, LABEL_ALL_BELOW, render_html

# Bodies the issue names for the seed article (the extractor must find them itself).
NAMED = ("Ministry of Science and ICT", "OpenAI", "Anthropic", "Sasha Baker")

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def api_url(neo4j_settings: Settings, seeded: None) -> Iterator[str]:
    """The real API under uvicorn on a free loopback port, for the module's tests."""
    with ApiServer(neo4j_settings) as api:
        yield api.url


def test_seed_graph_page_draws_offline_and_opens_profiles(
    api_url: str, context: Any, graph: Graph, neo4j_settings: Settings
) -> None:
    page = Page(context)
    page.open_drawn(f"{api_url}/graph")
    nodes = page.nodes()
    labels = {n["label"] for n in nodes}

    # What the page draws is what the database holds (the same view read directly).
    expected = views.whole_view(views_read.read_whole_graph(graph), neo4j_settings.viz_max_nodes)
    assert {n["id"] for n in nodes} == set(expected.nodes)
    for name in NAMED:
        assert any(name in label for label in labels), (name, sorted(labels))
    assert any(n["category"] == "Meeting" for n in nodes)
    assert not any(n["unsafe"] for n in nodes)

    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "seed-graph.png"))
    assert_offline(page, context, api_url)

    # Click OpenAI where it is drawn: the browser opens its page in the explorer.
    target = next(n for n in nodes if n["label"] == "OpenAI")
    point = page.page.evaluate(
        """(id) => { const p = network.canvasToDOM(network.getPositions([id])[id]);
                     const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();
                     return {x: r.left + p.x, y: r.top + p.y}; }""",
        target["id"],
    )
    with page.page.expect_navigation() as navigation:
        page.page.mouse.click(point["x"], point["y"])
    response = navigation.value
    assert page.page.url == f"{api_url}/entity/{quote(target['id'], safe='')}"
    assert response is not None and response.status == 200
    assert page.page.locator("h1.entity-name").inner_text() == "OpenAI"
    assert context.outside == []


@pytest.mark.parametrize(
    "path",
    ["/graph/met", "/api/v1/graph/met", "/graph/entity/OpenAI?hops=2"],
    ids=["met", "met-under-api", "ego"],
)
def test_other_seed_views_draw_offline(api_url: str, context: Any, path: str) -> None:
    page = Page(context)
    page.open_drawn(f"{api_url}{path}")
    labels = {n["label"] for n in page.nodes()}
    assert "OpenAI" in labels
    assert any("Ministry of Science and ICT" in label for label in labels)
    name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "")
    page.page.screenshot(path=str(ARTIFACTS / f"seed-{name}.png"))
    assert_offline(page, context, api_url)


# What vis-network draws at the current zoom: each node whose label it draws (its own test,
# ``Label.visible``), with the label's box in canvas units, its rank and its size on screen.
DRAWN_LABELS = """() => {
  const scale = network.getScale();
  return network.body.data.nodes.get().map(n => {
    const label = network.body.nodes[n.id].labelModule;
    const box = label.size;
    return {id: n.id, rank: n.rank === undefined ? null : n.rank, drawn: label.visible(),
            pixels: label.fontOptions.size * scale,
            box: [box.left, box.top, box.left + box.width, box.top + box.height]};
  });
}"""


def _overlapping(labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    boxes = [(label["id"], label["box"]) for label in labels]
    return [
        (a, b)
        for i, (a, p) in enumerate(boxes)
        for b, q in boxes[i + 1 :]
        if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]
    ]


def _open_page(context: Any, html: str) -> Page:
    """The page of a view, opened from its HTML (no server), once it has drawn. Polled from
    here: the page's Content-Security-Policy forbids the eval ``wait_for_function`` uses."""
    page = Page(context)
    page.page.set_content(html)
    deadline = time.monotonic() + 90
    while page.page.evaluate("() => document.body.dataset.state") != "ready":
        assert time.monotonic() < deadline, "the page did not finish drawing in 90 s"
        page.page.wait_for_timeout(100)
    return page


@pytest.mark.parametrize("n_nodes", [30, 60, 300])
def test_crowded_pages_name_their_hubs_without_overlap(context: Any, n_nodes: int) -> None:
    """Issue 14: at 40-65 nodes the labels overlapped. At the first zoom a page of 60 or 300
    nodes draws the names of its most connected nodes, readable and not overlapping, and the
    others once one zooms in; a smaller page still names every node."""
    g = graph_from_rows(synthetic_rows(n_nodes))
    page = _open_page(context, render_html(g))
    labels = page.page.evaluate(DRAWN_LABELS)
    assert len(labels) == g.number_of_nodes() == n_nodes
    drawn = [label for label in labels if label["drawn"]]
    page.page.screenshot(path=str(ARTIFACTS / f"labels-{n_nodes}.png"))
    assert page.errors == [] and context.outside == []
    if n_nodes < LABEL_ALL_BELOW:
        assert len(drawn) == n_nodes  # every name, as before
        return

    # The hubs' names are drawn, at least HUB_LABEL_PIXELS high on screen, and only those:
    # the drawn ones are the first ranks but for a few skipped where they would overlap.
    ranks = sorted(label["rank"] for label in drawn)
    assert len(drawn) == HUB_LABELS, ranks
    assert ranks[:3] == [0, 1, 2] or ranks[:2] == [0, 1], ranks
    assert ranks[-1] < (3 if n_nodes < 100 else 5) * HUB_LABELS, ranks
    assert all(label["pixels"] >= HUB_LABEL_PIXELS - 0.01 for label in drawn)
    assert _overlapping(drawn) == []
    hidden = [label for label in labels if not label["drawn"]]
    assert all(label["pixels"] < 7 for label in hidden)

    # Zoomed in twice as close, the other names show.
    page.page.evaluate(
        "() => { network.moveTo({scale: 2 * network.getScale()}); network.redraw(); }"
    )
    zoomed = page.page.evaluate(DRAWN_LABELS)
    assert sum(label["drawn"] for label in zoomed) == n_nodes
