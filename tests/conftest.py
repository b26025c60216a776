"""Shared test set-up: hypothesis profiles (``HYPOTHESIS_PROFILE=ci`` for CI).

``mutation`` (scripts/mutation.py) is ``ci`` without the shrink phase (a mutant is
killed by the first failing example; finding the smallest one would only cost time) and
without the example database (each mutant's run is independent of the others).
"""

from __future__ import annotations

import os

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
