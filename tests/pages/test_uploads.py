"""Image uploads through the real admin view: only real images, of allowed types, sizes and pixel counts."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection


def png(width=64, height=48):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (120, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
            "description": "A test image",
        },
    )


def assert_refused(response, message):
    assert response.status_code == 200  # the form again, with its error
    errors = response.context["form"].errors["file"]
    assert any(message in error for error in errors), errors
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.fixture
def admin(admin_client):
    return admin_client


@pytest.mark.django_db
def test_a_valid_png_is_accepted(admin):
    response = upload(admin, "photo.png", png())
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (64, 48)


@pytest.mark.django_db
def test_a_text_file_renamed_png_is_refused(admin):
    assert_refused(upload(admin, "notes.png", b"not an image at all\n" * 20), "Upload a valid image")


@pytest.mark.django_db
def test_a_disallowed_type_is_refused(admin):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(buffer, "BMP")
    assert_refused(upload(admin, "scan.bmp", buffer.getvalue(), "image/bmp"), "Not a supported image format")


@pytest.mark.django_db
def test_svg_is_refused(admin):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert_refused(upload(admin, "logo.svg", svg, "image/svg+xml"), "Not a supported image format")


@pytest.mark.django_db
def test_an_oversized_file_is_refused(admin, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    big = io.BytesIO()  # a real image, only too heavy: noise does not compress
    PILImage.effect_noise((200, 200), 64).convert("RGB").save(big, "PNG")
    assert len(big.getvalue()) > 1024
    assert_refused(upload(admin, "heavy.png", big.getvalue()), "This file is too big")


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused(admin, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    bomb = png(10_000, 10_000)  # 100 megapixels of one colour: a small file that would need 300 MB decoded
    assert len(bomb) < 1024 * 1024
    assert_refused(upload(admin, "bomb.png", bomb), "This file has too many pixels")


@pytest.mark.django_db
def test_the_pixel_limit_comes_from_the_setting(admin, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    assert_refused(
        upload(admin, "large.png", png(2000, 2000)), "This file has too many pixels (4000000). Maximum pixels 1000000."
    )


def test_pillow_refuses_what_the_form_refuses(settings):
    """Pillow's own limit (renditions, imports) equals the upload limit, so a bomb stored otherwise fails too."""
    assert PILImage.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
