"""whomet tests."""
