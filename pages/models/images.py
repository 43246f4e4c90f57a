"""The one image model: every upload carries its caption, photo credit and alt text.

The alt text rule: an image may be uploaded without alt text (Wagtail's bulk upload takes files
only), and a page may be saved as a draft with such an image, but it cannot be published or
submitted for review while it shows one, unless that use gives its own alt text (an image block's
"Alt text"). ``PublishablePageForm`` applies the rule in the page editor.
"""

from collections import defaultdict

from django.db import models
from django.db.models import prefetch_related_objects
from grapple.models import GraphQLString
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from ..image_validation import apply_pillow_pixel_limit

HERO_IMAGE_HELP = "Shown at the top of the page and in listings. The image needs alt text before the page is published."


def hero_image_field():
    """The optional image at the top of a page and on its cards in listings."""
    return models.ForeignKey(
        "pages.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=HERO_IMAGE_HELP,
    )


# Once, when the image model is loaded: every process that can open an image has loaded it.
apply_pillow_pixel_limit()


class CustomImage(AbstractImage):
    """An uploaded image with the text a remembrance site must show beside it."""

    # Wagtail uses ``description`` as the default alt text; we name it for what it is.
    description = models.CharField(
        "alt text",
        max_length=255,
        blank=True,
        help_text=(
            "What the image shows, for people who cannot see it, e.g. 'Wreaths before the partisans' memorial "
            "in Rebecq'. Required before a page showing the image can be published."
        ),
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


def images_missing_alt_text(value) -> list[CustomImage]:
    """The images shown by a form value (an image, or a stream of blocks) with no alt text for that use.

    An image block's own alt text (``alt_text`` beside ``image`` in a StructBlock) counts for its image.
    """
    if isinstance(value, CustomImage):
        return [] if value.description.strip() else [value]
    if isinstance(value, StructValue):
        if isinstance(value.get("image"), CustomImage) and (value.get("alt_text") or "").strip():
            children = [child for name, child in value.items() if name != "image"]
        else:
            children = list(value.values())
        return [image for child in children for image in images_missing_alt_text(child)]
    if isinstance(value, StreamValue):
        return [image for child in value for image in images_missing_alt_text(child.value)]
    if isinstance(value, ListValue | list | tuple):
        return [image for child in value for image in images_missing_alt_text(child)]
    return []


class PublishablePageForm(WagtailAdminPageForm):
    """The page editor's form: publishing and submitting check that every image shown has alt text.

    Saving a draft defers the check (Wagtail defers required fields the same way), so work is never lost.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        for name, value in list(cleaned_data.items()):  # add_error() removes the field from cleaned_data
            missing = {image.pk: image for image in images_missing_alt_text(value)}
            if not missing:
                continue
            titles = ", ".join(f"'{image.title}'" for image in missing.values())
            message = (
                f"Give {titles} alt text before publishing: edit the image under Images and fill in "
                "“Alt text”, or type the alt text for this use in the image block."
            )
            # A stream's own errors are per block; the rule is about the whole page, so it goes on top.
            self.add_error(None if isinstance(value, StreamValue) else name, message)
        return cleaned_data


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
