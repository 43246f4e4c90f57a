"""``manage.py backup`` and ``manage.py restore`` through call_command, on the live test database (SQLite or
PostgreSQL): a full round trip, and bad archives that must be refused with the site left exactly as it was."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from pages.models import NewsPage

from ..helpers import data_of, make_image, publish_child

# The backup tools read what other connections see (pg_dump) and replace the whole database: real commits,
# and the data migrations made (root page, groups) reloaded before each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEWS = "{ newsItems { items { title } } }"


@pytest.fixture(scope="module", autouse=True)
def _leave_the_migrated_data_behind(django_db_blocker):
    """Reload what the migrations made once the module is done, as its serialized rollback does before each test.

    Each test ends with a flush that empties every table; a later transactional test without serialized rollback
    would otherwise find no root page, locales or groups.
    """
    yield
    with django_db_blocker.unblock():
        if serialized := getattr(connection, "_test_serialized_contents", None):
            connection.creation.deserialize_db_from_string(serialized)


@pytest.fixture
def site(tree):
    """A news item with a hero image, published, then edited again as a draft (two revisions)."""
    image = make_image("Ceremony at Rebecq")
    page = publish_child(tree.news, NewsPage(title="Wreath laid at Rebecq", summary="A ceremony.", hero_image=image))
    page.title = "Wreath laid at Rebecq (draft)"
    page.save_revision()
    return page, image


def state():
    """What a restore must bring back, and a failed restore must leave alone: pages, revisions, media bytes."""
    media = Path(settings.MEDIA_ROOT)
    files = {
        path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }
    return {
        "pages": sorted(Page.objects.values_list("title", "draft_title", "live")),
        "revisions": sorted((r.object_id, r.content["title"]) for r in Revision.objects.all()),
        "images": sorted(get_image_model().objects.values_list("title", "file")),
        "media": files,
    }


def backup(tmp_path, name="site.tar.gz"):
    out = io.StringIO()
    call_command("backup", output=str(tmp_path / name), stdout=out)
    assert "Backup written to" in out.getvalue()
    return tmp_path / name


def rewrite(archive, target, change=lambda name, data: data, extra=()):
    """Copy ``archive`` to ``target`` member by member; ``change(name, data)`` returns new bytes, or None to drop.

    ``extra`` is a list of ``(name, bytes)`` members to append.
    """
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        members = [(member, source.extractfile(member).read()) for member in source.getmembers()]
        for member, data in [*members, *((tarfile.TarInfo(name), data) for name, data in extra)]:
            data = change(member.name, data)
            if data is not None:
                member.size = len(data)
                copy.addfile(member, io.BytesIO(data))
    return target


def edit_manifest(edit):
    """A ``rewrite`` change that lets ``edit`` alter the manifest (a dict) and keeps every file as it is."""

    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        edit(manifest)
        return json.dumps(manifest).encode()

    return change


def test_round_trip_brings_back_pages_revisions_and_media(site, tmp_path, client):
    page, image = site
    before = state()
    original_bytes = Path(image.file.path).read_bytes()
    archive = backup(tmp_path)

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert manifest["format"] == "remembrance-cms-backup" and manifest["format_version"] == 1
    assert manifest["database"]["vendor"] == connection.vendor
    assert "0001_initial" in manifest["migrations"]["pages"]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert listed[f"media/{image.file.name}"]["sha256"] == hashlib.sha256(original_bytes).hexdigest()
    assert manifest["database"]["file"] in listed

    # Afterwards: the page is renamed and republished, another appears, the image and its file are deleted.
    page.title = "Renamed after the backup"
    page.save_revision().publish()
    publish_child(page.get_parent(), NewsPage(title="Written after the backup", summary="Lost on restore."))
    Path(image.file.path).unlink()
    image.delete()
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("uploaded after the backup")
    assert state() != before

    out = io.StringIO()
    call_command("restore", str(archive), yes=True, stdout=out)

    assert "Restored the backup of" in out.getvalue()
    assert "run `manage.py migrate`" not in out.getvalue()
    assert state() == before
    restored = get_image_model().objects.get(title="Ceremony at Rebecq")
    assert Path(restored.file.path).read_bytes() == original_bytes
    assert NewsPage.objects.get(pk=page.pk).hero_image_id == restored.pk
    assert [item["title"] for item in data_of(client, NEWS)["newsItems"]["items"]] == ["Wreath laid at Rebecq"]
    assert not list(tmp_path.glob(".media-restore-*"))  # staging cleaned up


def test_backup_names_the_archive_by_date_in_a_directory_and_never_overwrites(site, tmp_path):
    call_command("backup", output=str(tmp_path), stdout=io.StringIO())
    [archive] = tmp_path.glob("cms-backup-*.tar.gz")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", output=str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="inside MEDIA_ROOT"):
        call_command("backup", output=str(settings.MEDIA_ROOT), stdout=io.StringIO())


def is_image(name):
    return name.startswith("media/original_images/")


def truncated(archive, target):
    target.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])


def not_an_archive(archive, target):
    target.write_text("name,date\n")


def tampered_image(archive, target):
    rewrite(archive, target, lambda name, data: bytes(255 - b for b in data) if is_image(name) else data)


def without_manifest(archive, target):
    rewrite(archive, target, lambda name, data: None if name == "manifest.json" else data)


def without_image(archive, target):
    rewrite(archive, target, lambda name, data: None if is_image(name) else data)


def foreign_manifest(archive, target):
    rewrite(archive, target, edit_manifest(lambda manifest: manifest.update(format="someone-elses-backup")))


def escaping_path(archive, target):
    rewrite(archive, target, extra=[("media/../../evil.txt", b"x")])


def from_newer_code(archive, target):
    rewrite(archive, target, edit_manifest(lambda manifest: manifest["migrations"]["pages"].append("9999_future")))


def from_other_engine(archive, target):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    rewrite(archive, target, edit_manifest(lambda manifest: manifest["database"].update(vendor=other)))


ENGINES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

BAD_ARCHIVES = [
    (truncated, "damaged or truncated"),
    (not_an_archive, "damaged or truncated"),
    (tampered_image, r"is corrupt: media/original_images/.* does not match the size and checksum in its manifest"),
    (without_manifest, "has no manifest.json: it is not a complete backup"),
    (without_image, r"is incomplete: media/original_images/.* is listed in the manifest but missing"),
    (foreign_manifest, "is not a backup of this CMS"),
    (escaping_path, "unexpected entry 'media/../../evil.txt'"),
    (from_newer_code, r"made by a newer version of the CMS \(migrations unknown here: pages.9999_future\)"),
    (from_other_engine, "database; this site runs on"),
]


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    return tmp_path_factory.mktemp("archives")


@pytest.fixture
def good_archive(site, archives):
    """One real backup for the whole module: the bad archives are made from it (backups are slow to make)."""
    archive = archives / "good.tar.gz"
    if not archive.exists():
        call_command("backup", output=str(archive), stdout=io.StringIO())
    return archive


@pytest.mark.parametrize(("make_bad", "message"), BAD_ARCHIVES, ids=[make.__name__ for make, _ in BAD_ARCHIVES])
def test_a_bad_archive_is_refused_and_changes_nothing(site, good_archive, tmp_path, make_bad, message):
    bad = tmp_path / "bad.tar.gz"
    make_bad(good_archive, bad)
    page, _ = site
    page.title = "Edited after the backup"  # so that a restore that went through would show
    page.save_revision().publish()
    before = state()

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad), yes=True, stdout=io.StringIO())

    assert state() == before
    assert not list(tmp_path.glob(".media-restore-*"))  # staging cleaned up
    assert not (tmp_path / "evil.txt").exists()


def test_the_engine_mismatch_names_both_engines(site, good_archive, tmp_path):
    bad = tmp_path / "bad.tar.gz"
    from_other_engine(good_archive, bad)
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    expected = f"holds a {ENGINES[other]} database; this site runs on {ENGINES[connection.vendor]}"
    with pytest.raises(CommandError, match=expected):
        call_command("restore", str(bad), yes=True, stdout=io.StringIO())


def test_restore_asks_first_and_a_no_changes_nothing(site, good_archive, monkeypatch):
    page, _ = site
    page.title = "Edited after the backup"
    page.save_revision().publish()
    before = state()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    out = io.StringIO()
    call_command("restore", str(good_archive), stdout=out)

    assert "This replaces the whole database" in out.getvalue()
    assert "Restore cancelled; nothing was changed." in out.getvalue()
    assert state() == before


def test_restore_without_anyone_to_answer_needs_yes(site, good_archive, monkeypatch):
    before = state()

    def no_terminal(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", no_terminal)
    with pytest.raises(CommandError, match="No confirmation could be read: run again with --yes. Nothing was changed."):
        call_command("restore", str(good_archive), stdout=io.StringIO())
    assert state() == before


def test_a_missing_archive_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such backup archive"):
        call_command("restore", str(tmp_path / "nowhere.tar.gz"), yes=True)
