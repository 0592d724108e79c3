"""The seed's graph pages in headless Chromium, served by the running API, with no network.

Skipped only when /usr/bin/chromium is missing outside CI; under CI=true it must run.
Writes screenshots to artifacts/ (gitignored); docs/img/seed-graph.png is a copy of
artifacts/seed-graph.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from graph.database.db import Graph
from graph.read import views as views_read
from graph.settings import Settings
from tests.support.browser import ARTIFACTS, BROWSER_MARKS, Page, assert_offline
from tests.support.reliability import ApiServer
from viz import views

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
