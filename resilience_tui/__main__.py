"""``python -m resilience_tui``: the same as the ``resilience`` command."""

import sys

from .cli import main

sys.exit(main())
