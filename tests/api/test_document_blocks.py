"""A document chosen in a page's body: served when public, null when its collection (or one above) is private."""

import pytest

from pages.models import NewsPage

from ..helpers import data_of, make_document, private_collection, publish_child

QUERY = """
query($id: ID) {
  page(id: $id) { ... on NewsPage { body { ... on DocumentChooserBlock { document { title } } } } }
}
"""


@pytest.fixture
def news_with_documents(tree):
    private = private_collection()
    chosen = [
        make_document("Programme"),
        make_document("Letter", private),
        make_document("Scan", private.add_child(name="Scans")),
    ]
    body = [("document", chosen_document) for chosen_document in chosen]
    return publish_child(tree.news, NewsPage(title="Ceremony papers", slug="papers", summary="Papers.", body=body))


def test_only_documents_outside_private_collections_are_served(client, news_with_documents):
    blocks = data_of(client, QUERY, {"id": news_with_documents.pk})["page"]["body"]
    assert [block["document"] and block["document"]["title"] for block in blocks] == ["Programme", None, None]
