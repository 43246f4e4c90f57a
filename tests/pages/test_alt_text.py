"""The alt text rule, through the page editor: drafts may show an image without alt text, publishing may not."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import streamfield

from pages.models import MemorialPage

from ..forms import memorial_form
from ..helpers import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-not-used"))
    return client


def image_block(image, alt_text=""):
    return ("image", {"image": image.pk, "alt_text": alt_text, "caption": "", "credit": ""})


def add_memorial(client, tree, **fields):
    return client.post(f"/admin/pages/add/pages/memorialpage/{tree.memorials.pk}/", memorial_form(**fields))


def test_publishing_with_a_hero_image_without_alt_text_is_refused_and_saves_nothing(tree, admin_client_):
    bare = make_image("Wreath")
    response = add_memorial(admin_client_, tree, hero_image=bare.pk)
    assert response.status_code == 200
    assert "Give &#x27;Wreath&#x27; alt text before publishing" in response.content.decode()
    assert not MemorialPage.objects.exists()


def test_a_draft_may_show_it_and_publishing_works_once_the_image_has_alt_text(tree, admin_client_):
    bare = make_image("Wreath")
    draft = memorial_form(hero_image=bare.pk)
    del draft["action-publish"]
    response = admin_client_.post(f"/admin/pages/add/pages/memorialpage/{tree.memorials.pk}/", draft)
    assert response.status_code == 302
    page = MemorialPage.objects.get()
    assert not page.live

    bare.description = "A wreath of poppies before the memorial"
    bare.save()
    response = admin_client_.post(f"/admin/pages/{page.pk}/edit/", memorial_form(hero_image=bare.pk))
    assert response.status_code == 302
    assert MemorialPage.objects.get().live


def test_an_image_block_may_give_its_own_alt_text(tree, admin_client_):
    bare = make_image("Crew photograph")
    refused = add_memorial(admin_client_, tree, body=[image_block(bare)])
    assert refused.status_code == 200
    assert "Give &#x27;Crew photograph&#x27; alt text before publishing" in refused.content.decode()

    accepted = add_memorial(admin_client_, tree, body=[image_block(bare, "The crew of Lancaster DV309, 1943")])
    assert accepted.status_code == 302
    assert MemorialPage.objects.get().live


def test_the_gallery_is_checked_too_and_each_image_named_once(tree, admin_client_):
    bare, described = make_image("Stone"), make_image("Flag", description="The Belgian flag at half-mast")
    response = add_memorial(
        admin_client_, tree, gallery=streamfield([image_block(bare), image_block(described), image_block(bare)])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Give &#x27;Stone&#x27; alt text before publishing") == 1
    assert "&#x27;Flag&#x27;" not in html
