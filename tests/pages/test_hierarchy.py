"""Every page type can be created only where its parent and subpage rules allow."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import (
    EventIndexPage,
    EventPage,
    HistoryIndexPage,
    HistoryPage,
    HomePage,
    MemorialIndexPage,
    MemorialPage,
    NewsIndexPage,
    NewsPage,
)

SECTIONS = {
    MemorialIndexPage: MemorialPage,
    HistoryIndexPage: HistoryPage,
    EventIndexPage: EventPage,
    NewsIndexPage: NewsPage,
}
ALL_TYPES = [HomePage, *SECTIONS, *SECTIONS.values()]


class PageHierarchyTests(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, set(SECTIONS))

    def test_each_section_sits_under_home_and_holds_its_own_kind(self):
        for index, child in SECTIONS.items():
            with self.subTest(index=index.__name__):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertAllowedSubpageTypes(index, {child})
                self.assertAllowedParentPageTypes(child, {index})
                self.assertAllowedSubpageTypes(child, set())

    def test_no_type_can_be_created_anywhere_else(self):
        allowed = {(Page, HomePage)} | {(HomePage, index) for index in SECTIONS} | set(SECTIONS.items())
        for parent in [Page, *ALL_TYPES]:
            for child in ALL_TYPES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if (parent, child) in allowed:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)
