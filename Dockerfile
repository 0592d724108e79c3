# The whomet API in a container; Neo4j runs as its own service (docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    WHOMET_CYPHER_DIR=/app/cypher \
    WHOMET_HOME=/app/.whomet

WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY api ./api
COPY viz ./viz
COPY cli ./cli
COPY cypher ./cypher
COPY seeds ./seeds
RUN pip install --upgrade pip && pip install . && useradd --create-home --uid 10001 whomet && mkdir -p /app/.whomet \
    && chown whomet /app/.whomet
USER whomet

EXPOSE 8000
CMD ["whomet", "serve", "--host", "0.0.0.0"]
