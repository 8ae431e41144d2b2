"""Entity marking on document text is safe: the text is escaped, only our markup is added."""
from archive.web.entities import Entity, mark_entities


def link(facet, value):
    return f"/?{facet}={value}&x=<y>"


def test_marks_longest_name_and_escapes_everything():
    text = 'The European Central Bank & <script>alert("x")</script> met the European envoy.'
    html = str(mark_entities(text, [Entity("European Central Bank", "org", "European Central Bank"),
                                    Entity("European", "place", "European")], link))
    assert '<mark class="entity entity-org"><a href="/?org=European Central Bank&amp;x=&lt;y&gt;"' in html
    assert ">European Central Bank</a></mark>" in html
    assert '<mark class="entity entity-place"><a href="/?place=European&amp;x=&lt;y&gt;"' in html
    assert "<script>" not in html and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&amp; " in html


def test_no_match_inside_words_and_country_links_use_codes():
    html = str(mark_entities("Germanys Germany", [Entity("Germany", "country", "DE")], link))
    assert html.count("<mark") == 1
    assert "Germanys <mark" in html and "/?country=DE" in html


def test_entity_name_with_markup_characters_is_escaped():
    html = str(mark_entities("A <b> & co", [Entity("<b> & co", "org", "<b> & co")], link))
    assert "<b>" not in html.replace("<mark", "").replace("</a>", "")
    assert "&lt;b&gt; &amp; co</a>" in html


def test_no_entities_is_plain_escaped_text():
    assert str(mark_entities("a < b", [], link)) == "a &lt; b"
