"""Whatever a visitor (or a scanner, or a bot) puts in a link, the site answers normally: results, none, a
notice, or a 400 that names the parameter. Never a 500.

Django's test client raises a view's exception instead of answering 500; `answer()` turns that back into
the 500 a visitor would get, so a failing test says which input and which status.
"""

import json

import pytest

# Query syntax of SQLite FTS5 (and PostgreSQL tsquery, and Lucene's query_string) typed by accident.
FTS_SYNTAX = [
    'candi "jago',
    '"',
    '""""',
    "candi AND",
    "AND",
    "OR candi",
    "NOT",
    "*",
    "candi*",
    "NEAR(",
    "NEAR(candi jago, 2)",
    "(",
    "(candi",
    "candi)",
    "-candi",
    "^candi",
    "title:candi",
    "{title}: candi",
    "+candi",
    "candi'",
    "\\",
    "%",
    "\u202ecandi",
]
SEARCH_PAGES = ["/id/search/", "/en/search/"]


def answer(client, path, query=None):
    client.raise_request_exception = False
    return client.get(path, query or {})


def message_of(response) -> str:
    """The explanation a 400 gives: the JSON `error` of the open-data answers, else the text of the body."""
    if response["Content-Type"].startswith("application/json"):
        body = response.json()
        assert body["parameter"], body
        return body["error"]
    return response.content.decode()


# --- search and suggestions -----------------------------------------------------------------------------------


@pytest.mark.parametrize("words", FTS_SYNTAX)
@pytest.mark.parametrize("path", SEARCH_PAGES)
def test_a_search_page_with_fts_syntax_answers_with_the_page(client, world, path, words):
    response = answer(client, path, {"q": words})
    assert response.status_code == 200, (words, response.status_code)
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize("words", FTS_SYNTAX)
def test_the_search_api_answers_fts_syntax_with_results_or_none(client, world, words):
    response = answer(client, "/api/search.json", {"q": words, "lang": "id"})
    assert response.status_code == 200, (words, response.status_code)
    body = response.json()
    assert body["total"] == len(body["results"])


@pytest.mark.parametrize("words", [w for w in FTS_SYNTAX if len(w.strip()) >= 2])
def test_suggestions_for_fts_syntax_answer_with_a_list(client, world, words):
    response = answer(client, "/api/suggest.json", {"q": words, "lang": "id"})
    assert response.status_code == 200, (words, response.status_code)
    assert isinstance(response.json()["suggestions"], list)


def test_a_search_with_a_stray_quote_still_finds_the_place(client, world):
    body = client.get("/api/search.json", {"q": 'candi "jago', "lang": "id"}).json()
    assert "candi-jago" in {hit["url"].rstrip("/").rsplit("/", 1)[-1] for hit in body["results"]}
    body = client.get("/api/suggest.json", {"q": '"cand', "lang": "id"}).json()
    assert body["suggestions"], "a quote before the prefix still suggests"


def test_operator_words_are_searched_as_words():
    from search.discovery.query import search_words

    assert search_words('candi "jago') == "candi jago"
    assert search_words("NEAR(candi, 2) AND -jago*") == "NEAR candi 2 AND jago"
    assert search_words('"""') == ""
    assert search_words("a\x00b\u202ec") == "a b c"
    assert search_words("Candi Singhasāri ١٢") == "Candi Singhasāri ١٢"
    assert len(search_words("kata " * 5000)) <= 200


def test_elasticsearch_gets_the_words_in_a_match_query_that_reads_no_syntax():
    from elasticsearch import Elasticsearch

    from search.discovery import DiscoveryQuery, elastic

    client = Elasticsearch("http://es.invalid:9200")  # never contacted: the request is only built
    body = elastic.build_search(DiscoveryQuery(text='candi "jago NEAR( * AND'), client).to_dict()
    assert "query_string" not in json.dumps(body)
    assert body["query"]["multi_match"]["query"] == "candi jago NEAR AND"


def test_elasticsearch_suggestions_get_the_cleaned_prefix(monkeypatch):
    from elasticsearch.dsl import Search

    from search.discovery import elastic

    sent = []

    def execute(self):
        sent.append(self.to_dict())
        raise elastic.ApiError("stop here", meta=None, body=None)

    monkeypatch.setattr(Search, "execute", execute)
    with pytest.raises(elastic.ApiError):
        elastic.suggest('"cand\x00*', "id", client=object())
    assert sent[0]["suggest"]["titles"]["prefix"] == "cand"


# --- NUL bytes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/suggest.json?q=ca%00ndi", "/api/suggest.json?q=%00%00"])
def test_a_nul_byte_in_a_suggestion_prefix_answers_400_naming_q(client, world, path):
    response = answer(client, path)
    assert response.status_code == 400
    assert response.json()["parameter"] == "q"
    assert "NUL" in response.json()["error"] or "Null" in response.json()["error"]


def test_a_nul_byte_in_the_search_api_answers_400_naming_q(client, world):
    response = answer(client, "/api/search.json?q=candi%00")
    assert response.status_code == 400
    assert response.json()["parameter"] == "q"


@pytest.mark.parametrize("path", SEARCH_PAGES)
def test_a_nul_byte_in_the_search_box_shows_the_page_with_a_notice(client, world, path):
    response = answer(client, f"{path}?q=candi%00jago")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "<code>q</code>" in html
    assert "\x00" not in html


# --- numbers in other scripts and other wrong types on the QR endpoints ----------------------------------------


@pytest.mark.parametrize(
    "size", ["²", "²⁵⁶", "٣", "٣٠٠", "１２８", "128²", "1_000", " 256", "256.0", "0x100"]
)
@pytest.mark.parametrize("kind", ["svg", "png"])
def test_a_qr_image_size_in_other_digits_answers_400_naming_size(client, world, badut_code, kind, size):
    response = answer(client, f"/q/{badut_code}.{kind}", {"size": size})
    assert response.status_code == 400, (size, response.status_code)
    assert response.json()["parameter"] == "size"
    assert "whole number of pixels" in message_of(response)


def test_a_qr_image_of_an_ascii_size_is_still_drawn(client, world, badut_code):
    response = client.get(f"/q/{badut_code}.svg", {"size": "0256"})
    assert response.status_code == 200
    assert b'width="256"' in response.content


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({"ec": "²"}, "ec"),
        ({"ec": ["H", "x" * 3000]}, "ec"),
        ({"lang": "²"}, "lang"),
        ({"size": ["²"]}, "size"),
    ],
)
def test_other_wrong_values_on_the_qr_endpoints_answer_400_with_a_message(
    client, world, badut_code, query, parameter
):
    for path in (f"/q/{badut_code}.svg", f"/q/{badut_code}.png", f"/q/{badut_code}"):
        if parameter in ("size", "ec") and path == f"/q/{badut_code}":
            continue  # the scan reads only `lang`
        if parameter == "lang" and path != f"/q/{badut_code}":
            continue
        response = answer(client, path, query)
        assert response.status_code == 400, (path, query)
        assert response.json()["parameter"] == parameter
        assert message_of(response).startswith(f"{parameter}: ")


def test_a_plaque_paper_size_in_other_digits_answers_400(admin_client, world, badut_code):
    for size in ("A٥", "A²", "a5\x00"):
        response = answer(admin_client, f"/q/{badut_code}/plaque.pdf", {"size": size})
        assert response.status_code == 400
        assert "A5 or A6" in message_of(response)


def test_a_founding_year_in_other_digits_is_not_published_as_a_year():
    from products.jsonld import for_producer
    from products.models import Producer

    assert "foundingDate" not in for_producer(Producer(name="Batik", founded="٢٠٠٥"))
    assert "foundingDate" not in for_producer(Producer(name="Batik", founded="²⁰⁰⁵"))
    assert for_producer(Producer(name="Batik", founded="2005"))["foundingDate"] == "2005"


@pytest.mark.parametrize(
    "model_path",
    [
        "heritage.models.PlacePage",
        "products.models.ProductPage",
        "products.models.CentrePage",
        "itineraries.models.ItineraryPage",
    ],
)
def test_an_edit_form_refuses_a_nul_in_a_title_with_a_message(model_path):
    """A NUL pasted into a title is refused by the admin's form (PostgreSQL could not store it), not a 500."""
    from django.core.exceptions import ValidationError
    from django.utils.module_loading import import_string

    form_class = import_string(model_path).get_edit_handler().get_form_class()
    with pytest.raises(ValidationError) as refused:
        form_class.base_fields["title"].clean("Candi\x00 Badut")
    assert "null" in " ".join(refused.value.messages).lower()  # "Karakter null tidak diizinkan."


# --- a sweep of every public parameter -------------------------------------------------------------------------

HOSTILE_VALUES = ['"', "a\x00b", "²", "٣٠٠", "*", "NEAR(", "(", "x" * 5000, "1e309", "nan", "\u202eevil"]
PUBLIC = [
    ("/id/search/", ["q", "kind", "near", "radius", "page"]),
    ("/api/search.json", ["q", "kind", "near", "radius", "page", "lang"]),
    ("/api/suggest.json", ["q", "lang"]),
    ("/api/sites.geojson", ["kind", "bbox", "lang"]),
    ("/api/sites.csv", ["bbox"]),
    ("/api/qr-scans.csv", ["from", "to"]),
    ("/api/products.json", ["sector", "centre", "sort", "lang"]),
    ("/api/products.csv", ["centre"]),
    ("/api/products.xlsx", ["region"]),
    ("/api/products.pdf", ["certification"]),
    ("/id/tempat/", ["kind", "bbox"]),
    ("/id/produk/", ["sector", "sort"]),
    ("{itinerary}", ["date"]),
    ("{itinerary}gpx/", ["date"]),
    ("/q/{code}", ["lang"]),
    ("/q/{code}.svg", ["size", "ec", "download"]),
    ("/q/{code}.png", ["size", "ec"]),
]
SWEEP = [(path, parameter) for path, parameters in PUBLIC for parameter in parameters]


@pytest.mark.parametrize("path, parameter", SWEEP, ids=[f"{p}?{n}" for p, n in SWEEP])
def test_no_hostile_value_of_a_public_parameter_answers_5xx(client, world, badut_code, path, parameter):
    url = path.format(itinerary=world["itinerary"].url, code=badut_code)
    failures = []
    for value in HOSTILE_VALUES:
        response = answer(client, url, {"q": "candi", parameter: value} if parameter != "q" else {"q": value})
        if response.status_code >= 500:
            failures.append((value[:20], response.status_code))
    assert failures == []
