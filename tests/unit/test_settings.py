"""Settings refuse unsafe passwords and keep the Bolt URI in step with the port."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graph.settings import Settings


@pytest.mark.parametrize(
    ("password", "reason"),
    [("", "empty"), ("   ", "empty"), ("neo4j", "default"), ("short", "8 characters")],
)
def test_weak_passwords_refused(password: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        Settings(neo4j_password=password)


def test_password_read_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHOMET_NEO4J_PASSWORD", "from-the-env-123")
    assert Settings().neo4j_password.get_secret_value() == "from-the-env-123"
    assert "from-the-env-123" not in repr(Settings())


def test_uri_follows_bolt_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WHOMET_NEO4J_URI", raising=False)
    assert Settings(bolt_port=17001).neo4j_uri == "bolt://127.0.0.1:17001"
    assert Settings(bolt_port=17002, listen_address="0.0.0.0").neo4j_uri.endswith(":17002")


def test_explicit_uri_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHOMET_NEO4J_URI", "bolt://db.internal:7999")
    assert Settings(bolt_port=17003).neo4j_uri == "bolt://db.internal:7999"


def test_empty_api_key_means_no_key() -> None:
    assert Settings(api_key="  ").api_key is None
