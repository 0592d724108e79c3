"""Getting documents in at scale: feeds (``whomet watch``), corpora (``extract --out``), engines.

These modules sit before the store: they read, extract and hand extractions to
``GraphStore.load``; nothing here imports the API or the views.
"""
