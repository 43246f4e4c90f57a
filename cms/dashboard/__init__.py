"""The admin dashboard for the work at hand: upcoming ceremonies, translations to do, the team's recent edits.

Wagtail's own panels stay (pages awaiting review, your own recent edits, locked pages), and so does the
failed-notifications warning that cms/publishing adds; hooks.py adds ours beside them.
"""
