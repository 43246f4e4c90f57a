"""Signals the register sends for changes that bypass per-record saves (and so ``post_save``)."""

from django.dispatch import Signal

# Sent once when a CSV import has written records, inside its transaction: ``sender`` is the register's
# model, ``records`` the records created or updated (their inline rows were replaced with them).
records_imported = Signal()
