"""Evaluation against hand-made gold: the project's scorer (``score``) and the runner that
extracts every set under ``eval/`` and checks the floors (``run``; ``make eval``)."""
