"""Renditions made ahead of time: every allowlisted filter, when an image is saved or a page is published.

The API may only ask for the filters in ``GRAPPLE["ALLOWED_IMAGE_FILTERS"]``, so all of them are generated
in the "publishing" task backend once the change is committed, and an API request finds them ready instead
of resizing images while a reader waits. An image that has none yet (uploaded before this existed, or whose
task was lost) still gets its rendition made on first request, as Wagtail does; ``manage.py
generate_renditions`` makes every missing one in bulk, so that fallback stays rare.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from grapple.settings import grapple_settings
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published

from .tasks import TASK_BACKEND

logger = logging.getLogger(__name__)


def allowed_filters() -> list[str]:
    """The filter specs the API accepts, hence the ones worth making in advance."""
    return list(grapple_settings.ALLOWED_IMAGE_FILTERS or [])


def generate(image_ids: Iterable[int]) -> int:
    """Make every missing allowlisted rendition of the given images; return how many images were handled.

    An image whose file is missing or unreadable is logged and skipped: the others still get theirs.
    """
    filters = allowed_filters()
    done = 0
    for image in get_image_model().objects.filter(pk__in=set(image_ids)).prefetch_renditions().order_by("pk"):
        try:
            image.get_renditions(*filters)
        except Exception:
            logger.exception("Could not generate the renditions of image %s.", image.pk)
            continue
        done += 1
    return done


@task(backend=TASK_BACKEND)
def generate_renditions(image_ids: list[int]) -> None:
    """The background task: see ``generate``."""
    generate(image_ids)


def images_of(page: Page) -> set[int]:
    """Ids of the images a page shows: its image fields and the images inside its StreamFields."""
    image_model = get_image_model()
    found = set()
    for field in page._meta.get_fields():
        if field.many_to_one and field.related_model is image_model:
            if (image_id := getattr(page, field.attname)) is not None:
                found.add(image_id)
        elif isinstance(field, StreamField):
            for model, object_id, _path, _content_path in field.extract_references(field.value_from_object(page)):
                if issubclass(model, image_model) and str(object_id).isdigit():
                    found.add(int(object_id))
    return found


def schedule(image_ids: Iterable[int]) -> None:
    """Queue the renditions of ``image_ids`` once the current transaction commits; never raise."""
    ids = sorted(set(image_ids))
    if not ids or not settings.RENDITIONS_PREGENERATE:
        return

    def enqueue():
        try:
            generate_renditions.enqueue(ids)
        except Exception:
            logger.exception("Could not queue the renditions of images %s; generate_renditions will make them.", ids)

    transaction.on_commit(enqueue, robust=True)


def on_image_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule([instance.pk])


def on_page_published(sender, instance, **kwargs):
    try:
        schedule(images_of(instance.specific))
    except Exception:  # a publish must never fail for the sake of a thumbnail
        logger.exception("Could not find the images of page %s to pre-generate.", instance.pk)


def connect() -> None:
    """Called once from CmsConfig.ready()."""
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="publishing-renditions-image-saved")
    page_published.connect(on_page_published, dispatch_uid="publishing-renditions-page-published")
