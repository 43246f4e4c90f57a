"""The admin dashboard for the work at hand: ceremonies, translations, public corrections, the team's edits.

Wagtail's own panels stay (pages awaiting review, your own recent edits, locked pages), and so does the
failed-notifications warning that cms/publishing adds; hooks.py adds ours beside them.
"""
