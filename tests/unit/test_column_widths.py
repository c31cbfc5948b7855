"""Table columns sharing the window: what each column gets when they do not all fit."""

from __future__ import annotations

from resilience_tui.widgets.columns import fit_widths


def test_columns_that_fit_keep_their_natural_width() -> None:
    assert fit_widths([30, 9, 23, 12], [8, None, 8, None], 120) == [30, 9, 23, 12]


def test_the_widest_cuttable_columns_give_way_first_and_share_the_cut() -> None:
    # 74 wanted, 64 available: the name and the address meet in the middle.
    name, kind, reach, last = fit_widths([30, 9, 23, 12], [8, None, 8, None], 64)
    assert (kind, last) == (9, 12) and name + reach == 43 and abs(name - reach) <= 1
    assert sum(fit_widths([30, 9, 23, 12], [8, None, 8, None], 50)) == 50


def test_columns_never_go_below_their_minimum() -> None:
    assert fit_widths([30, 9, 23, 12], [8, None, 8, None], 10) == [8, 9, 8, 12]
