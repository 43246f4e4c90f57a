"""What the demo loader says it did, line by line, with a tally for the closing summary."""

from collections import Counter


class Report:
    """Writes one line per step to a management command's output and counts the outcomes."""

    def __init__(self, stdout, style):
        self.stdout = stdout
        self.style = style
        self.tally = Counter()

    def created(self, what: str) -> None:
        self.tally["created"] += 1
        self.stdout.write(self.style.SUCCESS(f"Created {what}"))

    def updated(self, what: str) -> None:
        self.tally["updated"] += 1
        self.stdout.write(self.style.SUCCESS(f"Updated {what}"))

    def exists(self, what: str) -> None:
        self.tally["existing"] += 1
        self.stdout.write(f"Already exists: {what}")

    def removed(self, what: str) -> None:
        self.tally["removed"] += 1
        self.stdout.write(self.style.WARNING(f"Removed {what}"))

    def warn(self, message: str) -> None:
        self.tally["warnings"] += 1
        self.stdout.write(self.style.WARNING(message))

    def note(self, message: str) -> None:
        self.stdout.write(self.style.NOTICE(message))
