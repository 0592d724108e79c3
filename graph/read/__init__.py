"""What the API, the explorer, the views and the CLI read from the graph, as typed answers."""
