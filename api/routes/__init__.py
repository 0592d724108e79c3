"""The API's routers, one module per resource."""

# Where the JSON API answers; the graph views and analytics also answer at the root.
API_PREFIX = "/api/v1"
