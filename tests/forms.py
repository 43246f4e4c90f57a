"""Admin form data, as the Wagtail page editor posts it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def memorial_form(body=(), **overrides):
    fields = {
        "title": "Rebecq partisans memorial",
        "slug": "rebecq-partisans",
        "kind": "monument",
        "place": "Communal cemetery",
        "municipality": "Rebecq",
        "province": "Walloon Brabant",
        "country": "Belgium",
        "latitude": "50.664700",
        "longitude": "4.131800",
        "unveiling_date": "2019-10-12",
        "unveiled_by": "the Ambassador",
        "dedication": rich_text("<p>To the partisans who escaped captivity.</p>"),
        "inscription": "75 years later, Belgium remembers them",
        "partners": streamfield([]),
        "gallery": streamfield([]),
        "body": streamfield(list(body)),
        "related_history": inline_formset([]),
        "action-publish": "action-publish",
    }
    return nested_form_data({**fields, **overrides})
