"""Allowlisted renditions are made when an image is saved or a page published, never during an API request."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from cms.publishing import renditions
from pages.models import MemorialPage

from ..helpers import data_of, make_image, publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pregenerate_renditions(settings):
    settings.RENDITIONS_PREGENERATE = True


Rendition = get_image_model().get_rendition_model()
QUERY = """{ memorials { items { title ... on MemorialPage {
    heroImage { srcSet(sizes: [320, 640], format: "webp")
                thumbnail: rendition(fill: "400x300", format: "webp") { url } }
    body { ... on CaptionedImageBlock { image { fallback: rendition(width: 1280, format: "jpeg") { url } } } }
} } } }"""


def test_saving_an_image_makes_every_allowed_rendition(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image("Fresh upload")
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert specs == set(renditions.allowed_filters())


def test_publishing_makes_the_renditions_of_the_page_images(tree, django_capture_on_commit_callbacks):
    hero, inline = make_image("Hero"), make_image("Inline")  # saved outside on_commit: no renditions yet
    assert not Rendition.objects.exists()
    page = MemorialPage(
        title="Memorial",
        slug="memorial",
        place="P",
        municipality="M",
        hero_image=hero,
        body=[("image", {"image": inline, "alt_text": "", "caption": "", "credit": ""})],
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish_child(tree.memorials, page)
    for image in (hero, inline):
        assert image.renditions.count() == len(renditions.allowed_filters())


def test_an_api_request_after_publishing_creates_no_rendition(client, tree, django_capture_on_commit_callbacks):
    image = make_image("Hero")
    page = MemorialPage(
        title="Memorial",
        slug="memorial",
        place="P",
        municipality="M",
        hero_image=image,
        body=[("image", {"image": image, "alt_text": "", "caption": "", "credit": ""})],
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish_child(tree.memorials, page)
    before = Rendition.objects.count()

    data = data_of(client, QUERY)

    hero = data["memorials"]["items"][0]["heroImage"]
    assert "width-320" in hero["srcSet"] and hero["thumbnail"]["url"]
    assert Rendition.objects.count() == before


def test_a_missing_rendition_is_made_on_demand_and_backfilled_by_the_command(client, tree):
    """Images from before pre-generation: the API still answers, and the command fills every gap."""
    image = make_image("Old upload")
    publish_child(
        tree.memorials, MemorialPage(title="Memorial", slug="m", place="P", municipality="M", hero_image=image)
    )
    data = data_of(client, QUERY)
    assert data["memorials"]["items"][0]["heroImage"]["thumbnail"]["url"]
    assert image.renditions.count() == 3  # only what the request needed

    call_command("generate_renditions", verbosity=0)
    assert image.renditions.count() == len(renditions.allowed_filters())
    call_command("generate_renditions", verbosity=0)  # again: nothing new
    assert image.renditions.count() == len(renditions.allowed_filters())


def test_images_of_finds_field_and_stream_images(tree):
    hero, inline, gallery = make_image("Hero"), make_image("Inline"), make_image("Gallery")
    page = MemorialPage(
        title="M",
        slug="m",
        place="P",
        municipality="M",
        hero_image=hero,
        body=[("image", {"image": inline, "alt_text": "", "caption": "", "credit": ""})],
        gallery=[("image", {"image": gallery, "alt_text": "", "caption": "", "credit": ""})],
    )
    assert renditions.images_of(page) == {hero.pk, inline.pk, gallery.pk}
