"""Fixtures of the seed programmes' runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def passphrase_set() -> Iterator[None]:
    """The passphrase in the environment, as a script sets it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MENTORDESK_PASSPHRASE", PASSPHRASE)
        yield
