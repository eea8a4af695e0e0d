"""SQLCipher: the build check, and engines keyed with the coordinator's passphrase."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import QueuePool

from mentordesk.domain.errors import PassphraseRefused, UnsafeSQLCipherBuild

#: The key-derivation and integrity settings SQLCipher 4 uses by default; a build
#: that is weaker than this is refused.
MIN_KDF_ITERATIONS = 256_000
REQUIRED_HMAC = "HMAC_SHA512"
REQUIRED_KDF = "PBKDF2_HMAC_SHA512"

#: SQLite's error code for "file is not a database": a wrong key, a damaged first
#: page or a file in an old SQLCipher format all look the same.
SQLITE_NOTADB = 26


@dataclass(frozen=True)
class BuildFacts:
    """What the loaded SQLCipher library says about itself.

    Attributes:
        cipher_version: ``PRAGMA cipher_version``.
        compile_options: ``PRAGMA compile_options``.
        temp_store: ``PRAGMA temp_store`` (1 means temporary files on disk).
        default_settings: ``PRAGMA cipher_default_settings`` as name → value.
    """

    cipher_version: str
    compile_options: frozenset[str]
    temp_store: int
    default_settings: dict[str, str]


def read_build_facts() -> BuildFacts:
    """Ask the SQLCipher library in this process about its build and defaults."""
    connection = sqlcipher3.connect(":memory:")
    try:
        version = connection.execute("PRAGMA cipher_version").fetchone()
        options = {row[0] for row in connection.execute("PRAGMA compile_options")}
        temp_store = connection.execute("PRAGMA temp_store").fetchone()[0]
        settings: dict[str, str] = {}
        for (line,) in connection.execute("PRAGMA cipher_default_settings"):
            match = re.match(r"PRAGMA (\w+) = (\w+);", line)
            if match:
                settings[match.group(1)] = match.group(2)
    finally:
        connection.close()
    return BuildFacts(
        cipher_version=version[0] if version else "",
        compile_options=frozenset(options),
        temp_store=int(temp_store),
        default_settings=settings,
    )


def build_problems(facts: BuildFacts) -> list[str]:
    """List, in plain words, every way this SQLCipher build falls short; empty if none."""
    problems = []
    if not facts.cipher_version.startswith("4."):
        found = facts.cipher_version or "no SQLCipher at all"
        problems.append(f"MentorDesk needs SQLCipher 4; this computer has {found}.")
    if not {"TEMP_STORE=2", "TEMP_STORE=3"} & facts.compile_options or facts.temp_store == 1:
        problems.append("This SQLCipher build keeps temporary data in unencrypted files on disk.")
    settings = facts.default_settings
    try:
        iterations = int(settings.get("cipher_default_kdf_iter", "0"))
    except ValueError:
        iterations = 0
    if iterations < MIN_KDF_ITERATIONS:
        problems.append(
            f"This SQLCipher build derives keys with {iterations:,} iterations; "
            f"at least {MIN_KDF_ITERATIONS:,} are needed."
        )
    if settings.get("cipher_default_hmac_algorithm") != REQUIRED_HMAC:
        problems.append("This SQLCipher build does not check every page with HMAC-SHA512.")
    if settings.get("cipher_default_kdf_algorithm") != REQUIRED_KDF:
        problems.append("This SQLCipher build does not derive keys with PBKDF2-HMAC-SHA512.")
    if settings.get("cipher_default_use_hmac", "1") != "1":
        problems.append("This SQLCipher build has page integrity checks switched off.")
    if settings.get("cipher_default_plaintext_header_size", "0") != "0":
        problems.append("This SQLCipher build leaves the start of every file unencrypted.")
    return problems


@functools.cache
def check_sqlcipher_build() -> None:
    """Refuse to go on with an SQLCipher build that is not safe for personal data.

    Runs once per process; later calls return at once.

    Raises:
        UnsafeSQLCipherBuild: with every problem found, in plain words.
    """
    problems = build_problems(read_build_facts())
    if problems:
        raise UnsafeSQLCipherBuild(
            "MentorDesk will not store personal data with the encryption library installed "
            "on this computer:\n" + "\n".join(f"• {p}" for p in problems)
        )


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that is empty or only spaces.

    Raises:
        PassphraseRefused: the passphrase is blank.
    """
    if not passphrase or not passphrase.strip():
        raise PassphraseRefused(
            "The passphrase cannot be empty. Type a passphrase to protect the file."
        )


def normalise_passphrase(passphrase: str) -> str:
    """The form of a passphrase that keys new files: Unicode NFC.

    An accented letter can be typed as one character or as a letter followed
    by a combining accent, depending on the keyboard and the system; both give
    the same NFC form, so both open the file.
    """
    return unicodedata.normalize("NFC", passphrase)


def passphrase_forms(passphrase: str) -> list[str]:
    """The keys to try, in order, for a typed passphrase: as typed, then its NFC form.

    A file keyed before passphrases were normalised opens with the exact form
    it was made with; any other file opens with the NFC form. The second form
    is offered only when it differs (each try costs a key derivation).
    """
    normal = normalise_passphrase(passphrase)
    return [passphrase] if normal == passphrase else [passphrase, normal]


def make_engine(path: Path, passphrase: str) -> Engine:
    """An engine on an SQLCipher file keyed with the passphrase.

    The URL is built with ``URL.create`` so that no character of the passphrase
    is ever parsed as part of the URL; SQLAlchemy ≥ 2.0.50 quotes it in the key
    pragma. Each new connection then switches SQLCipher's own logging off (it
    would print raw diagnostics to the console), enforces foreign keys, keeps
    temporary data in memory and overwrites deleted content.

    Connections are pooled and may move between threads (each is used by one
    thread at a time), so the GUI's worker thread and the GUI thread share the
    one or two connections that were keyed, instead of keying one per thread.
    """
    url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    # A small queue of connections that any thread may borrow. The dialect's default,
    # one connection per thread, would pay the key derivation again on every new
    # thread and close connections still in use once it holds more than five.
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    # The driver would begin transactions itself, but only before data changes, so a
    # failed migration could leave half its tables behind. SQLAlchemy begins instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def sqlite_error_code(error: BaseException) -> int | None:
    """The SQLite error code behind a driver or SQLAlchemy error, if there is one."""
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None
