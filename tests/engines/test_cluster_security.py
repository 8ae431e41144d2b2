"""A secured Elasticsearch as clusters are run: HTTPS with a CA, users, API keys, and least privilege.

Needs the secured node `scripts/elasticsearch start --secure` starts (scripts/test starts one):
ARCHIVE_ES_SECURE_URL, ARCHIVE_ES_SECURE_CA (its CA certificate) and ARCHIVE_ES_SECURE_PASSWORD
(the `elastic` superuser's). The roles are the three the README documents under "Cluster
privileges", created here through the security API exactly as written there.
"""
from __future__ import annotations

import json
import os
import uuid

import pytest
from click.testing import CliRunner

from archive.cli import main
from archive.engines import EngineError, EngineUnavailable, open_engine
from archive.request import SearchRequest
from tests.conftest import IN_CI, ROOT
from tests.engines.documents import sample_documents
from tests.accounts import signed_in_client

pytestmark = pytest.mark.elasticsearch
URL = os.environ.get("ARCHIVE_ES_SECURE_URL")
CA = os.environ.get("ARCHIVE_ES_SECURE_CA")
SUPER_PASSWORD = os.environ.get("ARCHIVE_ES_SECURE_PASSWORD", "archive-test-password")


def roles(alias: str) -> dict:
    """The README's three roles for an alias (a copy of what the README shows, checked below)."""
    everything = [alias, f"{alias}-v*", f"{alias}-reindexing"]
    return {
        "archive_search": {"indices": [{"names": [alias], "privileges": ["read"]}]},
        "archive_index": {"indices": [{"names": [alias], "privileges": ["read", "write", "view_index_metadata",
                                                                         "maintenance"]},
                                      {"names": [f"{alias}-reindexing"], "privileges": ["view_index_metadata"]}]},
        "archive_admin": {"cluster": ["manage_index_templates"],
                          "indices": [{"names": everything, "privileges": ["all"]}]},
    }


@pytest.fixture(scope="module")
def secured():
    if not URL or not CA:
        message = "ARCHIVE_ES_SECURE_URL/_CA are not set: start one with `scripts/elasticsearch start --secure`"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from elasticsearch import Elasticsearch

    alias = f"secure-{uuid.uuid4().hex[:8]}"
    superuser = Elasticsearch(URL, ca_certs=CA, basic_auth=("elastic", SUPER_PASSWORD))
    passwords = {}
    for role, body in roles(alias).items():
        superuser.security.put_role(name=f"{alias}-{role}", **body)
        passwords[role] = uuid.uuid4().hex
        superuser.security.put_user(username=f"{alias}-{role}", password=passwords[role], roles=[f"{alias}-{role}"])
    yield {"alias": alias, "passwords": passwords, "superuser": superuser}
    for role in roles(alias):
        superuser.security.delete_user(username=f"{alias}-{role}")
        superuser.security.delete_role(name=f"{alias}-{role}")
    superuser.close()


def config(secured, role: str | None = None, **overrides) -> dict:
    settings = {"ENGINE": "elasticsearch", "ELASTICSEARCH_URL": URL, "ELASTICSEARCH_CA_CERTS": CA,
                "ELASTICSEARCH_INDEX": secured["alias"], "ELASTICSEARCH_TIMEOUT": 10}
    if role:
        settings.update(ELASTICSEARCH_USERNAME=f"{secured['alias']}-{role}",
                        ELASTICSEARCH_PASSWORD=secured["passwords"][role])
    settings.update(overrides)
    return settings


@pytest.fixture(scope="module")
def set_up(secured):
    """The administrator sets the archive up and indexes the behaviour-suite documents."""
    admin = open_engine(config(secured, "archive_admin"))
    assert admin.setup()
    assert admin.index(sample_documents()).errors == []
    yield secured
    admin.drop()
    admin.close()


def test_the_readme_lists_exactly_these_roles():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = text.split("<!-- roles -->")[1].split("<!-- /roles -->")[0]
    assert json.loads(shown.strip().strip("`").removeprefix("json").strip()) == roles("communiques")


def test_a_search_only_user_searches_and_is_refused_writes_in_one_clear_line(set_up):
    engine = open_engine(config(set_up, "archive_search"))
    result = engine.search(SearchRequest.create(q="Turkey", versions=True))
    assert {h.id for h in result.hits} >= {"fr-otan", "en-otan"}
    assert engine.get("en-otan").title and engine.count() == len(sample_documents())
    assert engine.more_like_this("en-otan") is not None and engine.translations(engine.get("fr-otan"))
    with pytest.raises(EngineError, match=r"does not allow this user to .* \(403") as caught:
        engine.index(sample_documents()[:1])
    assert set_up["passwords"]["archive_search"] not in str(caught.value)


def test_the_command_line_says_403_without_a_traceback_or_credentials(set_up, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("date 2024-03-01\nThe United Kingdom and Japan met in London.")
    env = {f"ARCHIVE_{k}": str(v) for k, v in config(set_up, "archive_search").items()}
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), "index", str(tmp_path / "in")], env=env)
    assert result.exit_code == 1
    assert "403" in result.output and "Cluster privileges" in result.output
    assert "Traceback" not in result.output and set_up["passwords"]["archive_search"] not in result.output


def test_the_search_page_works_with_search_rights_only(set_up, tmp_path):
    from archive.app import create_app

    app = create_app(dict(config(set_up, "archive_search"), TESTING=True, DATA_DIR=str(tmp_path)))
    client = signed_in_client(app)
    data = client.get("/?q=Turkey&format=json").get_json()
    assert data["total"] >= 2
    assert client.get("/doc/en-otan").status_code == 200


def test_an_indexing_user_writes_documents_but_cannot_administer(set_up):
    engine = open_engine(config(set_up, "archive_index"))
    doc = sample_documents()[0]
    doc.title = "Updated by the indexing user"
    assert engine.index([doc]).errors == []
    assert engine.get(doc.id).title == "Updated by the indexing user"
    with pytest.raises(EngineError, match="403"):
        engine.reindex()


def test_an_administrator_reindexes(set_up):
    admin = open_engine(config(set_up, "archive_admin"))
    new_index = admin.reindex()
    assert admin.stats().details["indices"] == [new_index] and admin.count() == len(sample_documents())


def test_an_api_key_authenticates(set_up):
    key = set_up["superuser"].security.create_api_key(
        name="archive-search", role_descriptors={"search": roles(set_up["alias"])["archive_search"]})
    engine = open_engine(config(set_up, ELASTICSEARCH_API_KEY=key["encoded"]))
    assert engine.search(SearchRequest.create(q="Turkey", versions=True)).total >= 2
    with pytest.raises(EngineError, match="403"):
        engine.index(sample_documents()[:1])


def test_wrong_credentials_are_a_clear_401(set_up):
    engine = open_engine(config(set_up, "archive_search", ELASTICSEARCH_PASSWORD="not-the-password"))
    with pytest.raises(EngineError, match=r"refused the credentials \(401\)") as caught:
        engine.count()
    assert "not-the-password" not in str(caught.value)


def test_a_certificate_that_cannot_be_verified_is_one_line_that_says_what_to_set(set_up):
    engine = open_engine(config(set_up, "archive_search", ELASTICSEARCH_CA_CERTS=None))
    with pytest.raises(EngineUnavailable, match="TLS connection failed .* ARCHIVE_ELASTICSEARCH_CA_CERTS") as caught:
        engine.count()
    assert "\n" not in str(caught.value)
