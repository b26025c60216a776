"""Shared test set-up: hypothesis profiles (``HYPOTHESIS_PROFILE=ci`` for CI), and the
language of the command line pinned to its default.

Every test runs as a user whose environment names no language (``MGP_CONVENTION_LANG``,
``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` unset): the tool speaks French, whatever the
locale of the machine that runs the tests. A test that wants English says
``--lang en`` or sets one of them itself.

``mutation`` (scripts/mutation.py) is ``ci`` without the shrink phase (a mutant is
killed by the first failing example; finding the smallest one would only cost time) and
without the example database (each mutant's run is independent of the others).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "mutation",
    settings.get_profile("ci"),
    phases=[Phase.explicit, Phase.generate],
    database=None,  # no example saved by one mutant's run replayed in another's
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def _no_language_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MGP_CONVENTION_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
