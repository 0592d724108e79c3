"""whomet's domain: reading documents, extracting facts, and storing them in Neo4j.

Flow runs one way: documents -> extraction -> graph store. Nothing here imports
``api`` or ``viz``.
"""
