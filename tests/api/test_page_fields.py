"""Each page type's GraphQL fields return what the editor stored."""

import datetime

import pytest

from pages.models import EventPage, HistoryPage, HistoryRelatedMemorial, MemorialPage, NewsPage

from ..helpers import brussels, data_of, make_image, publish_child

pytestmark = pytest.mark.django_db

IMAGE_FIELDS = "id altText caption photoCredit width height"


def memorial(tree, **overrides):
    fields = {
        "title": "National Memorial to the Soviet Armed Partisans",
        "slug": "soviet-partisans",
        "kind": "monument",
        "place": "Communal cemetery",
        "municipality": "Rebecq",
        "province": "Walloon Brabant",
        "latitude": "50.664700",
        "longitude": "4.131800",
        "unveiling_date": datetime.date(2019, 10, 12),
        "unveiled_by": "the Ambassador",
        "dedication": "<p>To the partisans.</p>",
        "inscription": "75 years later, Belgium remembers them",
        **overrides,
    }
    return publish_child(tree.memorials, MemorialPage(**fields))


def test_memorial_fields(client, tree):
    hero = make_image("Hero", description="A granite stone", caption="The memorial", photo_credit="Demo image")
    page = memorial(
        tree,
        hero_image=hero,
        partners=[("partner", {"name": "Commune of Rebecq", "url": "https://example.org/"})],
        gallery=[
            ("image", {"image": hero, "alt_text": "", "caption": "", "credit": "Photo: volunteer"}),
            ("image", {"image": hero, "alt_text": "The stone in snow", "caption": "Winter", "credit": ""}),
        ],
        body=[
            ("heading", {"text": "Who it honours", "level": "h2"}),
            ("paragraph", "<p>Soviet soldiers who escaped.</p>"),
            ("quote", {"quote": "We remember.", "attribution": "The association"}),
        ],
    )
    data = data_of(
        client,
        """query($id: ID) { page(id: $id) { ... on MemorialPage {
            title kind place municipality province country latitude longitude unveilingDate unveiledBy
            dedication inscription locale url
            heroImage { IMAGE_FIELDS }
            partners { ... on PartnerBlock { name url } }
            gallery { ... on CaptionedImageBlock { altText caption credit image { id } } }
            body { blockType field ... on HeadingBlock { text level } ... on RichTextBlock { value }
                   ... on QuoteBlock { quote attribution } }
        } } }""".replace("IMAGE_FIELDS", IMAGE_FIELDS),
        {"id": page.pk},
    )["page"]
    assert data["title"] == "National Memorial to the Soviet Armed Partisans"
    assert (data["kind"], data["place"], data["municipality"]) == ("monument", "Communal cemetery", "Rebecq")
    assert (data["province"], data["country"]) == ("Walloon Brabant", "Belgium")
    assert (data["latitude"], data["longitude"]) == (50.6647, 4.1318)
    assert (data["unveilingDate"], data["unveiledBy"]) == ("2019-10-12", "the Ambassador")
    assert data["dedication"] == "<p>To the partisans.</p>"
    assert data["inscription"] == "75 years later, Belgium remembers them"
    assert data["locale"] == "en"
    assert data["url"] == "/en/memorials/soviet-partisans/"
    assert data["heroImage"] == {
        "id": str(hero.pk),
        "altText": "A granite stone",
        "caption": "The memorial",
        "photoCredit": "Demo image",
        "width": 64,
        "height": 48,
    }
    assert data["partners"] == [{"name": "Commune of Rebecq", "url": "https://example.org/"}]
    # Empty block texts fall back to the image's own; the block's texts win where given.
    assert data["gallery"] == [
        {
            "altText": "A granite stone",
            "caption": "The memorial",
            "credit": "Photo: volunteer",
            "image": {"id": str(hero.pk)},
        },
        {"altText": "The stone in snow", "caption": "Winter", "credit": "Demo image", "image": {"id": str(hero.pk)}},
    ]
    assert [block["field"] for block in data["body"]] == ["heading", "paragraph", "quote"]
    assert data["body"][0]["text"] == "Who it honours"
    assert data["body"][1]["value"] == "<p>Soviet soldiers who escaped.</p>"
    assert data["body"][2] == {
        "blockType": "QuoteBlock",
        "field": "quote",
        "quote": "We remember.",
        "attribution": "The association",
    }


def test_history_fields_and_two_way_relations(client, tree):
    stone = memorial(tree)
    article = publish_child(
        tree.history,
        HistoryPage(
            title="The Soviet partisans in Belgium",
            slug="soviet-partisans-history",
            summary="Escaped prisoners who fought on.",
            period_start=1942,
            period_end=1945,
            body=[("paragraph", "<p>In 1944…</p>")],
            sources=[("source", {"title": "Association research", "author": "", "publication": "", "year": "2019"})],
            related_memorials=[HistoryRelatedMemorial(memorial=stone)],
        ),
    )
    data = data_of(
        client,
        """query($a: ID, $m: ID) {
          article: page(id: $a) { ... on HistoryPage { summary periodStart periodEnd
              sources { ... on SourceBlock { title year } } relatedMemorials { id title } } }
          memorial: page(id: $m) { ... on MemorialPage { relatedHistory { id } } }
        }""",
        {"a": article.pk, "m": stone.pk},
    )
    assert data["article"] == {
        "summary": "Escaped prisoners who fought on.",
        "periodStart": 1942,
        "periodEnd": 1945,
        "sources": [{"title": "Association research", "year": "2019"}],
        "relatedMemorials": [{"id": str(stone.pk), "title": stone.title}],
    }
    # Linked from the article's side only, the memorial still lists the article.
    assert data["memorial"] == {"relatedHistory": [{"id": str(article.pk)}]}


def test_event_fields(client, tree):
    stone = memorial(tree)
    event = publish_child(
        tree.events,
        EventPage(
            title="Anniversary of the crash of Lancaster DV309",
            slug="dv309",
            start=brussels(2022, 5, 22, 10, 30),
            end=brussels(2022, 5, 22, 12, 0),
            status="held",
            place="Westerlo",
            latitude="51.0900",
            longitude="4.9160",
            related_memorial=stone,
            commemorated_event="the crash of Lancaster DV309",
            commemorated_date=datetime.date(1944, 5, 1),
            commemorated_date_precision="month",
            summary="Held at Westerlo.",
            programme=[("item", {"time": datetime.time(10, 30), "title": "Welcome", "description": ""})],
            report=[("paragraph", "<p>It rained.</p>")],
        ),
    )
    data = data_of(
        client,
        """query($id: ID) { page(id: $id) { ... on EventPage {
            start end status place latitude longitude commemoratedEvent commemoratedDate
            commemoratedDatePrecision anniversary isUpcoming summary
            relatedMemorial { id }
            programme { ... on ProgrammeItemBlock { time title } }
            report { ... on RichTextBlock { value } }
        } } }""",
        {"id": event.pk},
    )["page"]
    # Stored in UTC, published in Brussels time with its offset.
    assert data["start"] == "2022-05-22T10:30:00+02:00"
    assert data["end"] == "2022-05-22T12:00:00+02:00"
    assert (data["status"], data["place"]) == ("held", "Westerlo")
    assert (data["latitude"], data["longitude"]) == (51.09, 4.916)
    assert data["commemoratedEvent"] == "the crash of Lancaster DV309"
    assert (data["commemoratedDate"], data["commemoratedDatePrecision"]) == ("1944-05-01", "month")
    assert data["anniversary"] == 78
    assert data["isUpcoming"] is False
    assert data["relatedMemorial"] == {"id": str(stone.pk)}
    assert data["programme"] == [{"time": "10:30:00", "title": "Welcome"}]
    assert data["report"] == [{"value": "<p>It rained.</p>"}]

    listed = data_of(
        client, "query($m: ID) { page(id: $m) { ... on MemorialPage { events { id } } } }", {"m": stone.pk}
    )
    assert listed["page"]["events"] == [{"id": str(event.pk)}]


def test_news_and_home_fields(client, tree):
    news = publish_child(
        tree.news,
        NewsPage(
            title="Monument removed",
            slug="monument-removed",
            date=datetime.date(2024, 1, 15),
            summary="After a campaign.",
            body=[("paragraph", "<p>Text.</p>")],
        ),
    )
    tree.home.intro = "<p>Welcome.</p>"
    tree.home.featured = [("page", news)]
    tree.home.save_revision().publish()
    data = data_of(
        client,
        """query($n: ID, $h: ID) {
          news: page(id: $n) { ... on NewsPage { date summary body { field } } }
          home: page(id: $h) { ... on HomePage { intro featured { id title } } }
          section: page(urlPath: "/memorials/") { ... on MemorialIndexPage { intro } }
        }""",
        {"n": news.pk, "h": tree.home.pk},
    )
    assert data["news"] == {"date": "2024-01-15", "summary": "After a campaign.", "body": [{"field": "paragraph"}]}
    assert data["home"] == {"intro": "<p>Welcome.</p>", "featured": [{"id": str(news.pk), "title": "Monument removed"}]}
    assert data["section"] == {"intro": ""}
