"""Helpers shared by test modules (no tests of their own): ``store`` builds extractions by
hand and dumps the graph, ``reliability`` holds an invented corpus and the graph invariants."""
