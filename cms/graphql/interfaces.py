"""The page interface every page type implements: grapple's, plus locale and translations.

Grapple has no notion of locale (its issue #141), and its ``parent`` returns drafts and the
tree root; both are fixed here, where every page type inherits them.
"""

import graphene
from grapple.types.interfaces import PageInterface as GrapplePageInterface
from grapple.utils import resolve_queryset
from wagtail.models import Page

from .locales import language_code_for
from .translations import translations_of


class PageInterface(GrapplePageInterface):
    locale = graphene.String(required=True, description="Language code of this page, e.g. 'fr'.")
    translations = graphene.List(
        graphene.NonNull(lambda: PageInterface),
        required=True,
        description="The live versions of this page in the other languages, for a language switcher.",
    )

    def resolve_locale(self, info, **kwargs):
        return language_code_for(info.context, self.locale_id)

    def resolve_translations(self, info, **kwargs):
        return translations_of(self)

    def resolve_parent(self, info, **kwargs):
        return Page.objects.parent_of(self).live().public().filter(depth__gt=1).specific().first()

    def resolve_ancestors(self, info, **kwargs):
        return resolve_queryset(self.get_ancestors().live().public().filter(depth__gt=1).specific(), info, **kwargs)
