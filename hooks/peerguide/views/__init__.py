"""What each data marker shows: one module per section of the guide.

Every view is a plain function from the data in one language to the dict its template
gets (see registry.py). Importing this package registers them all in VIEWS.
"""

from __future__ import annotations

from . import about, chooser, countries, handouts, models, network, networkmap, reference, translations  # noqa: F401
from .handouts import handout_file
from .registry import VIEWS, View, view

# The first part of every marker name ("models" in models:comparison): a comment that
# starts with one of these is meant as a marker and must be a valid one.
MARKER_FAMILIES = frozenset(name.split(":")[0] for name in VIEWS)

__all__ = ["MARKER_FAMILIES", "VIEWS", "View", "handout_file", "view"]
