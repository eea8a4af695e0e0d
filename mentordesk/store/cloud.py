"""Recognising folders kept in sync by a cloud service, where saving needs care.

Sync clients (OneDrive, Dropbox, Google Drive, iCloud Drive and the like) may
upload a file while it is being written, keep conflicting copies, or replace it
under an open program. MentorDesk always writes beside the file and renames, so
a half-written file is never left, but the coordinator is told where the file is
so that they can keep it out of such folders, or close it before syncing.
"""

from __future__ import annotations

from pathlib import Path

#: Folder names (lower case) and the service that keeps such a folder in sync.
_EXACT = {
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "my drive": "Google Drive",
    "googledrive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "icloud drive (archive)": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "box sync": "Box",
}
#: Name beginnings (lower case): "OneDrive - Contoso", "Dropbox (Personal)", …
_PREFIXES = (
    ("onedrive", "OneDrive"),
    ("dropbox (", "Dropbox"),
    ("googledrive-", "Google Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
)


def synced_folder(path: Path | str) -> str | None:
    """The cloud service that syncs the folder holding ``path``, if one seems to.

    Judged by folder names alone (nothing is read from disk): any folder above
    ``path`` called ``OneDrive…``, ``Dropbox``, ``Google Drive``, ``iCloud
    Drive`` or ``Mobile Documents``, ``Nextcloud``, ``ownCloud`` or ``Box Sync``.

    Args:
        path: a file (or folder); only the folders above it are looked at.

    Returns:
        The service's name, such as ``"OneDrive"``, or None.
    """
    for folder in Path(path).expanduser().absolute().parents:
        name = folder.name.strip().lower()
        if not name:
            continue
        if name in _EXACT:
            return _EXACT[name]
        for prefix, service in _PREFIXES:
            if name.startswith(prefix):
                return service
        if folder.parent.name == "CloudStorage" and folder.parent.parent.name == "Library":
            # macOS File Provider folders: ~/Library/CloudStorage/OneDrive-Personal, …
            return folder.name.split("-")[0] or None
    return None


def synced_folder_warning(path: Path | str) -> str | None:
    """A sentence for the coordinator when ``path`` is in a synced folder, else None."""
    service = synced_folder(path)
    if service is None:
        return None
    return (
        f"{Path(path).name} is in a folder synced by {service}. MentorDesk never leaves it "
        f"half-written, but {service} may copy it while it is open or keep conflicting "
        "copies: close the file before working on it from another computer."
    )
