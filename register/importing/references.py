"""Wagtail's reference index for records written in bulk, a batch in a few queries.

``ReferenceIndex.create_or_update_for_object`` does the same for one record in two or three queries; this
reads the stored references of a whole batch at once. The references themselves are found by Wagtail's
own extractor, so what is indexed is exactly what a per-record save would index.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import prefetch_related_objects
from modelcluster.models import get_all_child_relations
from wagtail.models import ReferenceIndex


def index_references(model, records: list) -> None:
    """Create and remove ``records``' outbound references (records of ``model``, already saved)."""
    if not records or not ReferenceIndex.is_indexed(model):
        return
    _prefetch_child_rows(model, records)
    content_types = [
        ContentType.objects.get_for_model(cls, for_concrete_model=False)
        for cls in (model, *model._meta.get_parent_list())
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    known_content_types = {content_type.pk for content_type in content_types}
    found = {str(record.pk): set(ReferenceIndex._extract_references_from_object(record)) for record in records}

    stored = {object_id: set() for object_id in found}
    stale = []
    rows = ReferenceIndex.objects.filter(base_content_type=base_content_type, object_id__in=list(found))
    columns = ("id", "content_type_id", "object_id", "to_content_type", "to_object_id", "model_path", "content_path")
    for pk, content_type_id, object_id, *reference in rows.values_list(*columns):
        reference = tuple(reference)
        stored[object_id].add(reference)
        # A reference stored for a more specific model is not this model's to remove (as Wagtail does).
        if reference not in found[object_id] and content_type_id in known_content_types:
            stale.append(pk)

    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=object_id,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for object_id, references in found.items()
            for to_content_type_id, to_object_id, model_path, content_path in references - stored[object_id]
        ],
        ignore_conflicts=connection.features.supports_ignore_conflicts,
    )
    if stale:
        ReferenceIndex.objects.filter(pk__in=stale).delete()


def _prefetch_child_rows(model, records: list) -> None:
    """Fetch the inline rows the import did not set (a loss's documents), one query per relation, not per record."""
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        unset = [record for record in records if name not in getattr(record, "_cluster_related_objects", {})]
        if unset:
            prefetch_related_objects(unset, name)
