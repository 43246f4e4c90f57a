"""``manage.py send_notifications``: send due frontend notifications (``--loop`` to keep running)."""

from cms.publishing.worker import Command  # noqa: F401
