"""Shared test set-up: Hypothesis profiles chosen by the HYPOTHESIS_PROFILE variable.

``dev`` (the default) runs 50 examples per property, for quick local runs; ``ci`` runs
300 with no deadline and prints the blob that reproduces a failure.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=50, deadline=1000)
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
