"""The one image model: every upload carries its caption, photo credit and alt text."""

from collections import defaultdict

from django.db import models
from django.db.models import prefetch_related_objects
from grapple.models import GraphQLString
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from ..image_validation import apply_pillow_pixel_limit

# Once, when the image model is loaded: every process that can open an image has loaded it.
apply_pillow_pixel_limit()


class CustomImage(AbstractImage):
    """An uploaded image with the text a remembrance site must show beside it."""

    # Wagtail uses ``description`` as the default alt text; we name it for what it is.
    description = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        help_text="What the image shows, for people who cannot see it. Leave empty only for decorative images.",
    )
    caption = models.CharField(max_length=255, blank=True, help_text="Shown under the image.")
    photo_credit = models.CharField(
        max_length=255, blank=True, help_text="Photographer or archive, e.g. 'Photo: J. Dupont' or 'Demo image'."
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "caption", "photo_credit")

    graphql_fields = [
        GraphQLString("alt_text", source="default_alt_text", required=True),
        GraphQLString("caption", required=True),
        GraphQLString("photo_credit", required=True),
    ]


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def image_fields(model) -> list[str]:
    """Names of ``model``'s foreign keys to the image model, e.g. ``["hero_image"]``."""
    fields = model._meta.get_fields()
    return [field.name for field in fields if field.many_to_one and field.related_model is CustomImage]


def prefetch_images(pages: list) -> list:
    """Load the images of ``pages`` (of any mix of types) with their renditions, in a few queries.

    One query per image field and page type for the images, one for their renditions, however many pages:
    cards in "related" lists and search results then read their images without a query each.
    """
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        names = image_fields(model)
        if names:
            prefetch_related_objects(group, *names, *(f"{name}__renditions" for name in names))
    return pages
