"""How long the graph views take: build + render at 100, 1,000 and 5,000 nodes, and the
time headless Chromium needs to finish drawing the 1,000-node page.

Synthetic data goes through the real path: view rows -> ``graph_from_rows`` ->
(``met_projection``) -> ``render_html``, with no node cap, so the figures are
the cost of the drawing itself; ``layout s`` is the server-side layout alone
(part of ``render s``; blank when the browser lays the view out). Run:
``.venv/bin/python bench/viz_bench.py`` (``--no-browser`` skips Chromium; ``--sizes
100,1000`` picks sizes; ``--compare`` also times the same page laid out by
vis-network's physics in the browser, as every page was before server-side layout).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar
from unittest import mock

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from graph.read.views import ViewRow  # noqa: E402
from viz import render  # noqa: E402
from viz.build import graph_from_rows  # noqa: E402
from viz.layout import spring_positions  # noqa: E402
from viz.project import met_projection  # noqa: E402
from viz.render import positioned, render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TYPES = ("Person", "GovernmentBody", "Company", "Organization", "Country", "Program")
T = TypeVar("T")


def synthetic_rows(n_nodes: int, seed: int = 1) -> list[ViewRow]:
    """About a quarter meetings, the rest entities; each meeting has 2-5 participants,
    and a few direct relations, with evidence sentences like real rows carry."""
    rng = random.Random(seed)
    n_events = max(1, n_nodes // 4)
    n_entities = n_nodes - n_events
    entities = [
        {
            "id": f"ent:{i}",
            "name": f"Entity {i}",
            "labels": ["Entity", TYPES[i % len(TYPES)]],
            "type": TYPES[i % len(TYPES)],
        }
        for i in range(n_entities)
    ]
    # Preferential attachment: a few busy entities, many occasional ones.
    weights = [1.0 / (1 + i) ** 0.6 for i in range(n_entities)]
    rows: list[ViewRow] = []
    for j in range(n_events):
        event = {
            "id": f"ev:{j}",
            "kind": rng.choice(["meeting", "workshop", "talks", "briefing"]),
            "status": "held",
            "labels": ["Event"],
            "date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }
        chosen = {rng.choices(range(n_entities), weights)[0] for _ in range(rng.randint(2, 5))}
        for k, who in enumerate(sorted(chosen)):
            rel = {
                "type": "HOSTED" if k == 0 else "ATTENDED",
                "role": None if k == 0 else "attendee",
                "implied": False,
                "doc_ids": [f"doc-{j}"],
                "sentences": [f"Entity {who} took part in meeting {j}, the report said."],
            }
            rows.append(
                ViewRow.model_validate({"source": entities[who], "rel": rel, "target": event})
            )
    for _ in range(n_entities // 3):
        a, b = rng.sample(range(n_entities), 2)
        rel = {"type": "REQUESTED", "doc_ids": ["doc-x"], "sentences": ["A asked B."]}
        rows.append(
            ViewRow.model_validate({"source": entities[a], "rel": rel, "target": entities[b]})
        )
    for e in entities:  # every entity appears, linked or not
        rows.append(ViewRow.model_validate({"source": e}))
    return rows


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    began = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - began


def layout_column(g: nx.Graph) -> str:
    """Seconds of the server-side layout of ``g``, or blank when the browser lays it out."""
    if not positioned(g.number_of_nodes()):
        return f"{'-':>10}"
    _, seconds = timed(partial(spring_positions, g))
    return f"{seconds:>10.3f}"


def browser_physics_page(g: nx.Graph) -> str:
    """The page of ``g`` with no positions and vis-network's bounded physics, as before."""
    with mock.patch.object(render, "PHYSICS_MAX_NODES", g.number_of_nodes()):
        return render_html(g)


def browser_draw_seconds(page_path: Path, runs: int = 2) -> list[float]:
    """Seconds from navigation to the page's 'ready' mark (stabilised, physics off, drawn)."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                began = time.perf_counter()
                page.goto(page_path.as_uri())
                page.wait_for_selector("body[data-state=ready]", state="attached", timeout=300_000)
                times.append(time.perf_counter() - began)
                page.close()
        finally:
            browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument(
        "--compare", action="store_true", help="also time the page laid out in the browser"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    out = Path(tempfile.mkdtemp(prefix="whomet-viz-bench-"))
    print(
        f"{'view':<7}{'nodes':>7}{'edges':>8}{'build s':>10}{'render s':>10}{'layout s':>10}"
        f"{'page MB':>9}"
    )
    pages: dict[int, Path] = {}
    graphs: dict[int, nx.MultiDiGraph] = {}
    try:
        for n in sizes:
            rows = synthetic_rows(n)
            full, t_build = timed(partial(graph_from_rows, rows))
            html, t_render = timed(partial(render_html, full))
            pages[n] = out / f"full-{n}.html"
            pages[n].write_text(html, encoding="utf-8")
            graphs[n] = full
            print(
                f"{'whole':<7}{full.number_of_nodes():>7}{full.number_of_edges():>8}"
                f"{t_build:>10.3f}{t_render:>10.3f}{layout_column(full)}{len(html) / 1e6:>9.2f}"
            )
            met, t_project = timed(partial(met_projection, full))
            html, t_render = timed(partial(render_html, met))
            print(
                f"{'met':<7}{met.number_of_nodes():>7}{met.number_of_edges():>8}"
                f"{t_build + t_project:>10.3f}{t_render:>10.3f}{layout_column(met)}"
                f"{len(html) / 1e6:>9.2f}"
            )
        if args.no_browser:
            return
        if not Path(CHROMIUM).exists():
            print(f"(no {CHROMIUM}: browser timing skipped)")
            return
        target = 1000 if 1000 in pages else max(pages)
        runs = browser_draw_seconds(pages[target])
        how = "laid out on the server" if positioned(target) else "laid out in the browser"
        print(
            f"headless Chromium, whole view of {target} nodes ({how}): drawn in "
            + ", ".join(f"{t:.2f} s" for t in runs)
        )
        if args.compare:
            page = out / f"physics-{target}.html"
            page.write_text(browser_physics_page(graphs[target]), encoding="utf-8")
            runs = browser_draw_seconds(page)
            print(
                f"headless Chromium, whole view of {target} nodes (laid out in the browser, "
                "bounded stabilisation): drawn in " + ", ".join(f"{t:.2f} s" for t in runs)
            )
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
