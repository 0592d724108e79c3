"""Helpers shared by test modules (no tests of their own): ``store`` builds extractions by
hand and dumps the graph, ``reliability`` holds an invented corpus and the graph invariants,
``met`` recounts the MET summary, ``servers`` finds or starts the test Neo4j, ``child_server``
runs the API in a child process, ``feed_server`` serves pages a test sets, ``generated``
writes the benchmark's generated articles, ``documents`` loads the seed, ``bad_inputs`` makes
hostile documents, ``browser`` drives headless Chromium, ``view_rows`` builds view rows by hand.
Test modules import helpers from here, never from one another."""
