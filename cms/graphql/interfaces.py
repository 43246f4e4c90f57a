"""The page interface every page type implements: grapple's, plus locale and translations.

Grapple has no notion of locale (its issue #141), and its tree fields follow Wagtail's tree, not
what a reader may see: ``parent`` returns drafts and the tree root, and the siblings of a home page
are the other languages' and other sites' home pages. Here every tree field keeps to the readable
pages (``pages.models.base.readable``) of the page's own language tree, for every page type.
"""

import graphene
from grapple.types.interfaces import PageInterface as GrapplePageInterface
from grapple.utils import resolve_queryset
from wagtail.models import Page

from pages.models.base import readable

from .locales import language_code_for
from .translations import translations_of


def _in_own_tree(page, pages):
    """The readable ``pages`` under ``page``'s home page (the tree of one language of one site)."""
    home_path = page.path[: 2 * Page.steplen]  # home pages sit at depth 2, right under the root
    return readable(pages.filter(path__startswith=home_path)).specific()


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
        return _in_own_tree(self, Page.objects.parent_of(self)).first()

    def resolve_ancestors(self, info, **kwargs):
        return resolve_queryset(_in_own_tree(self, self.get_ancestors()), info, **kwargs)

    def resolve_children(self, info, **kwargs):
        return resolve_queryset(_in_own_tree(self, self.get_children()), info, **kwargs)

    def resolve_descendants(self, info, **kwargs):
        return resolve_queryset(_in_own_tree(self, self.get_descendants()), info, **kwargs)

    def resolve_siblings(self, info, **kwargs):
        return resolve_queryset(_in_own_tree(self, self.get_siblings().exclude(pk=self.pk)), info, **kwargs)

    def resolve_next_siblings(self, info, **kwargs):
        return resolve_queryset(_in_own_tree(self, self.get_next_siblings().exclude(pk=self.pk)), info, **kwargs)

    def resolve_previous_siblings(self, info, **kwargs):
        return resolve_queryset(_in_own_tree(self, self.get_prev_siblings().exclude(pk=self.pk)), info, **kwargs)
