"""Editing safeguards in the Wagtail admin: editors who save the same page at once never lose work."""
