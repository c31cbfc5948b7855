"""Journey: focus you can see and words that fit, in a real 80×24 terminal.

Only the keyboard: the check-in opens with a ▶ on the mood scale, tab moves it to
energy; an intention typed to its limit shows its count and, past it, says why it
stops; what was typed up to the limit is what is saved.
"""

from __future__ import annotations

from journal import CLI, exported, past_the_welcome, quit_app
from tmux import Terminal

SENTENCE = "Two careful applications, a note to Sam about the museum role, then a walk. "
TYPED = (SENTENCE * 3)[:185]


def test_focus_marker_and_the_intention_limit(terminal: Terminal, cli: CLI) -> None:
    terminal.run_app()
    past_the_welcome(terminal)
    terminal.send_keys("m")
    terminal.wait_for("Morning check-in")
    terminal.wait_for_regex(r"Mood\s+▶ 1  2  3  4  5")
    terminal.send_keys("3", "Tab")
    terminal.wait_for_regex(r"Energy\s+▶ 1  2  3  4  5")
    terminal.wait_for_regex(r"Mood\s+1  2 \[3\]")  # the marker left with the focus
    terminal.send_keys("4", "Tab")
    terminal.type(TYPED)
    terminal.wait_for("185/200")
    terminal.type("and a long swim too")  # 19 more: 15 fit
    screen = terminal.wait_for("full: it holds 200")
    assert "200/200" in screen
    terminal.send_keys("C-s")
    terminal.wait_gone("Morning check-in")
    quit_app(terminal)
    [checkin] = exported(cli)["checkins"]
    assert checkin["intention"] == (TYPED + "and a long swim")[:200].strip()
