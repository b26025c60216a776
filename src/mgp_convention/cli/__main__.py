"""``python -m mgp_convention.cli``."""

import sys

from mgp_convention.cli import main

sys.exit(main())
