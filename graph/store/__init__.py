"""The graph store: plan an extraction, resolve it against the graph, write it in one
transaction per document, with provenance on every relationship."""
