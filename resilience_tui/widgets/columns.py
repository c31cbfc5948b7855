"""Column widths that fit the window: a table's columns share the width it has.

Each column wants its natural width (its widest cell or its header). When they do not
all fit, the widest column that may shrink gives up a cell at a time, down to its
minimum, so long names and addresses share the cut fairly and short columns keep
their words. Cells cut this way end in "…" and the full text is one key away.
"""

from __future__ import annotations

from collections.abc import Sequence


def fit_widths(natural: Sequence[int], minimum: Sequence[int | None], available: int) -> list[int]:
    """Widths for columns that want ``natural`` cells within ``available`` cells.

    ``minimum[i]`` is None for a column that keeps its natural width; otherwise the
    column may shrink to that many cells. When even the minimums do not fit, they
    are what is returned (the table then scrolls sideways rather than lose a column).
    """
    widths = list(natural)
    excess = sum(widths) - available
    while excess > 0:
        shrinkable = [i for i, low in enumerate(minimum)
                      if low is not None and widths[i] > low]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths
