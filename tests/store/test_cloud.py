"""Recognising files kept in folders that a cloud service syncs."""

from pathlib import Path

import pytest

from mentordesk.store.cloud import synced_folder, synced_folder_warning


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/ada/OneDrive/Mentoring/pilot.mentordesk", "OneDrive"),
        ("C:/Users/ada/OneDrive - Contoso Ltd/pilot.mentordesk", "OneDrive"),
        ("/Users/ada/Library/CloudStorage/OneDrive-Personal/x/pilot.mentordesk", "OneDrive"),
        ("/home/ada/Dropbox/pilot.mentordesk", "Dropbox"),
        ("/home/ada/Dropbox (Personal)/pilot.mentordesk", "Dropbox"),
        ("/Volumes/GoogleDrive/My Drive/pilot.mentordesk", "Google Drive"),
        ("G:/Google Drive/pilot.mentordesk", "Google Drive"),
        (
            "/Users/ada/Library/Mobile Documents/com~apple~CloudDocs/pilot.mentordesk",
            "iCloud Drive",
        ),
        ("C:/Users/ada/iCloud Drive/pilot.mentordesk", "iCloud Drive"),
        ("/home/ada/Nextcloud/Work/pilot.mentordesk", "Nextcloud"),
        ("/home/ada/ownCloud/pilot.mentordesk", "ownCloud"),
        ("/Users/ada/Box Sync/pilot.mentordesk", "Box"),
    ],
)
def test_synced_folders_are_named(path, service):
    assert synced_folder(Path(path)) == service
    warning = synced_folder_warning(path)
    assert warning is not None
    assert service in warning
    assert "pilot.mentordesk" in warning


@pytest.mark.parametrize(
    "path",
    [
        "/home/ada/Documents/pilot.mentordesk",
        "/home/ada/Documents/dropbox-notes.mentordesk",  # the file's own name does not count
        "/home/ada/boxes/pilot.mentordesk",
        "relative/pilot.mentordesk",
    ],
)
def test_ordinary_folders_are_not(path):
    assert synced_folder(path) is None
    assert synced_folder_warning(path) is None


def test_a_real_folder_called_dropbox_is_recognised(tmp_path):
    folder = tmp_path / "Dropbox" / "Mentoring"
    folder.mkdir(parents=True)
    assert synced_folder(folder / "pilot.mentordesk") == "Dropbox"
    assert synced_folder(tmp_path / "pilot.mentordesk") is None
