"""A document's link, made with its path found once per request, is the link Flask's url_for makes."""
from __future__ import annotations

import pytest
from flask import url_for

from archive.web.urls import document_url

ODD_IDS = ["nsb-2024-101", "mail/2024/03 draft.eml#2", "Zürich 50%?", "a+b&c=d;e", "x/../y", "~tilde_",
           "[brackets]{braces}", "quote\"'back`slash\\", "中文/ελληνικά", "tab\tnewline\n", "%41"]


@pytest.mark.parametrize("script_root", ["", "/archive"])
def test_document_url_is_url_for(app, script_root):
    with app.test_request_context("/", base_url=f"http://localhost{script_root}"):
        for doc_id in ODD_IDS:
            assert document_url(doc_id) == url_for("documents.document", doc_id=doc_id)
        assert document_url(ODD_IDS[0]).startswith(f"{script_root}/doc/")
