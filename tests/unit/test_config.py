"""Settings: precedence, types, and the README documenting every key."""
from pathlib import Path

import pytest

from archive.config import SETTINGS, load_config

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_documented_in_readme():
    text = README.read_text(encoding="utf-8")
    missing = [name for name in SETTINGS if f"`ARCHIVE_{name}`" not in text]
    assert missing == []


def test_precedence_defaults_file_environment_overrides(tmp_path):
    (tmp_path / "archive.cfg").write_text('ENGINE = "elasticsearch"\nPORT = 6000\nPER_PAGE = 30\n')
    config = load_config(tmp_path, overrides={"PER_PAGE": 50}, environ={"ARCHIVE_PORT": "7000"})
    assert config["ENGINE"] == "elasticsearch"  # from the file
    assert config["PORT"] == 7000  # environment beats the file, and is typed
    assert config["PER_PAGE"] == 50  # explicit overrides win
    assert config["DATA_DIR"] == str(tmp_path / "data")
    assert config["ELASTICSEARCH_VERIFY_CERTS"] is True


def test_bad_values_are_reported_by_name(tmp_path):
    with pytest.raises(ValueError, match="ARCHIVE_PORT"):
        load_config(tmp_path, environ={"ARCHIVE_PORT": "eighty"})
    with pytest.raises(ValueError, match="ARCHIVE_ELASTICSEARCH_VERIFY_CERTS"):
        load_config(tmp_path, environ={"ARCHIVE_ELASTICSEARCH_VERIFY_CERTS": "maybe"})


def test_config_file_can_be_named(tmp_path):
    other = tmp_path / "elsewhere.cfg"
    other.write_text('DATA_DIR = "/srv/archive"\n')
    config = load_config(tmp_path, environ={"ARCHIVE_CONFIG": str(other)})
    assert config["DATA_DIR"] == "/srv/archive"
