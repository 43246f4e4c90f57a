"""``manage.py generate_content``: reproducible synthetic content of every type, in three languages."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from pages.models import EventPage, HistoryPage, MemorialPage, NewsPage

from ..helpers import data_of

pytestmark = pytest.mark.django_db

PAGE = """query($urlPath: String!) { page(urlPath: $urlPath) {
    title locale translations { locale title url }
    ... on MemorialPage { heroImage { url } relatedHistory { title locale }
        body { field ... on RichTextBlock { value } ... on CaptionedImageBlock { image { url } } } }
} }"""


def generate(size="36", seed=7, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("generate_content", size=size, seed=seed, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def snapshot(seed):
    pages = Page.objects.filter(slug__startswith=f"s{seed}-").order_by("path")
    return [(p.title, p.slug, p.locale.language_code, p.get_parent().slug, str(p.translation_key)) for p in pages]


def test_generates_every_type_in_three_languages(client):
    out, _ = generate()
    assert "Generated 36 pages" in out
    generated = Page.objects.filter(slug__startswith="s7-")
    assert generated.count() == 36
    assert set(generated.values_list("locale__language_code", flat=True)) == {"en", "fr", "nl"}
    for model in (MemorialPage, HistoryPage, EventPage, NewsPage):
        assert model.objects.filter(slug__startswith="s7-").live().count() >= 3, model
    # Every source page has the same translation_key in each language.
    keys = generated.values_list("translation_key", flat=True)
    assert all(list(keys).count(key) == 3 for key in keys)


def test_translations_images_and_links_work_through_the_api(client):
    generate()
    memorial = MemorialPage.objects.filter(slug__startswith="s7-", locale__language_code="en").order_by("path")[1]

    page = data_of(client, PAGE, {"urlPath": memorial.url})["page"]

    assert page["title"].startswith("Synthetic memorial")
    assert {(t["locale"], t["title"].split(" ")[0]) for t in page["translations"]} == {
        ("fr", "Mémorial"),
        ("nl", "Synthetisch"),
    }
    assert page["heroImage"]["url"]
    assert page["relatedHistory"] and page["relatedHistory"][0]["locale"] == "en"
    fields = [block["field"] for block in page["body"]]
    assert {"heading", "paragraph", "image", "quote"} <= set(fields)
    assert any('<a href="/en/' in block.get("value", "") for block in page["body"])


def test_same_seed_and_size_give_the_same_content():
    generate(seed=7)
    first = snapshot(7)
    for page in Page.objects.filter(slug__startswith="s7-").order_by("-depth"):
        page.delete()
    generate(seed=7)
    assert snapshot(7) == first
    generate(seed=8)
    assert [row[0] for row in snapshot(8)] != [row[0] for row in first]


def test_a_larger_size_extends_a_smaller_one():
    generate(size="36", seed=7)
    small = snapshot(7)
    for page in Page.objects.filter(slug__startswith="s7-").order_by("-depth"):
        page.delete()
    generate(size="72", seed=7)
    assert set(small) <= set(snapshot(7))


def test_running_twice_with_a_seed_is_refused_and_changes_nothing():
    generate()
    count = Page.objects.count()
    with pytest.raises(CommandError, match="already in the database; nothing was changed"):
        generate()
    assert Page.objects.count() == count


@pytest.mark.parametrize(
    ("size", "message"),
    [("huge", "small, large or a number"), ("3", "between 12 and"), ("-5", "small, large or a number")],
)
def test_bad_sizes_are_refused_before_anything_is_written(size, message):
    count = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        generate(size=size)
    assert Page.objects.count() == count


def test_verbosity_zero_prints_nothing():
    out, err = generate(verbosity=0)
    assert out == "" and err == ""
