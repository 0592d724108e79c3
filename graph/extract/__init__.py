"""Extraction: news documents -> people, bodies, companies, meetings and affiliations.

Rule-based, offline and deterministic: no model weights, no network. See
``pipeline.extract`` for the order of the steps.
"""

from graph.extract.pipeline import extract

__all__ = ["extract"]
