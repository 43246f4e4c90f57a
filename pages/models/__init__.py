"""Page types, images and settings, one module per content kind; this file only re-exports."""

from .base import BasePage, IndexPage
from .events import EventIndexPage, EventPage, EventStatus
from .history import HistoryIndexPage, HistoryPage, HistoryRelatedMemorial
from .home import HomePage
from .images import CustomImage, CustomRendition
from .memorials import MemorialIndexPage, MemorialKind, MemorialPage, MemorialRelatedHistory
from .news import NewsIndexPage, NewsPage
from .site_settings import OrganisationSettings

__all__ = [
    "BasePage",
    "EventIndexPage",
    "EventPage",
    "EventStatus",
    "HistoryIndexPage",
    "HistoryPage",
    "HistoryRelatedMemorial",
    "HomePage",
    "CustomImage",
    "CustomRendition",
    "IndexPage",
    "MemorialIndexPage",
    "MemorialKind",
    "MemorialPage",
    "MemorialRelatedHistory",
    "NewsIndexPage",
    "NewsPage",
    "OrganisationSettings",
]
