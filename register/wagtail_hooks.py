"""Registers the register's admin (see ``views``)."""

from wagtail.snippets.models import register_snippet

from .views import RegisterViewSetGroup

register_snippet(RegisterViewSetGroup)
