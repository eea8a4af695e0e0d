import dataclasses

import pytest

import mentordesk.store.cipher as cipher
from mentordesk.domain.errors import UnsafeSQLCipherBuild
from mentordesk.store.cipher import BuildFacts, build_problems, read_build_facts
from mentordesk.store.programme_file import ProgrammeFile


@pytest.fixture
def installed() -> BuildFacts:
    """What the SQLCipher library installed here says about itself."""
    return read_build_facts()


def test_installed_sqlcipher_passes_the_self_check(installed):
    assert installed.cipher_version.startswith("4.")
    assert build_problems(installed) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"cipher_version": "3.4.2"}, "needs SQLCipher 4"),
        ({"cipher_version": ""}, "no SQLCipher at all"),
        ({"compile_options": frozenset({"HAS_CODEC"})}, "temporary data"),
        ({"temp_store": 1}, "temporary data"),
        ({"default_settings": {"cipher_default_kdf_iter": "64000"}}, "64,000 iterations"),
        ({"default_settings": {"cipher_default_hmac_algorithm": "HMAC_SHA1"}}, "HMAC-SHA512"),
        ({"default_settings": {"cipher_default_kdf_algorithm": "PBKDF2_HMAC_SHA1"}}, "PBKDF2"),
        ({"default_settings": {"cipher_default_use_hmac": "0"}}, "integrity checks"),
        ({"default_settings": {"cipher_default_plaintext_header_size": "32"}}, "unencrypted"),
    ],
)
def test_weaker_builds_are_named(installed, change, expected):
    if "default_settings" in change:
        change = {"default_settings": {**installed.default_settings, **change["default_settings"]}}
    problems = build_problems(dataclasses.replace(installed, **change))
    assert len(problems) == 1
    assert expected in problems[0]


def test_an_unsafe_build_refuses_to_create_a_file(monkeypatch, tmp_path, installed):
    weak = dataclasses.replace(installed, cipher_version="3.4.2")
    monkeypatch.setattr(cipher, "read_build_facts", lambda: weak)
    cipher.check_sqlcipher_build.cache_clear()
    try:
        with pytest.raises(UnsafeSQLCipherBuild, match="needs SQLCipher 4"):
            ProgrammeFile.create(tmp_path / "x.mentordesk", "passphrase")
    finally:
        cipher.check_sqlcipher_build.cache_clear()
    assert list(tmp_path.iterdir()) == []
