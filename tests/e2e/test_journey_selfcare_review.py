"""Journey 3: a walk, a quick check-in, someone added to the network, then Review.

The self-care fast path (activity, tab, minutes, ctrl+s), the shortest check-in
(mood, tab, energy, ctrl+s), a contact through the network's form, and Review
showing both streaks started: what Today, Review and the file say must match.
"""

from __future__ import annotations

from journal import CLI, exported, past_the_welcome, quit_app, status
from tmux import Terminal


def log_walk(terminal: Terminal) -> None:
    terminal.send_keys("s")
    terminal.wait_for("Today so far: nothing yet.")
    terminal.type("walk")
    terminal.send_keys("Tab")
    terminal.type("30")
    terminal.wait_for_regex(r"Minutes\s+30")
    terminal.send_keys("C-s")
    terminal.wait_gone("Self-care check-in")


def quick_check_in(terminal: Terminal) -> None:
    terminal.send_keys("m")
    terminal.wait_for("Morning check-in")
    terminal.send_keys("3")
    terminal.wait_for_regex(r"Mood .*\[3\] 4  5\s+okay")
    terminal.send_keys("Tab", "2")
    terminal.wait_for_regex(r"Energy .*\[2\] 3  4  5")
    terminal.send_keys("C-s")
    terminal.wait_gone("Morning check-in")


def add_contact(terminal: Terminal) -> None:
    terminal.send_keys("n")
    terminal.wait_for("No one here yet. Press a")
    terminal.send_keys("a")
    terminal.wait_for("Add someone to your network")
    terminal.type("Priya Shah")
    terminal.send_keys("Tab", "Tab")  # the kind stays "friend"; on to how to reach them
    terminal.type("priya@example.org")
    terminal.send_keys("Tab")
    terminal.type("today")
    terminal.wait_for_regex(r"Last contacted\s+today")
    terminal.send_keys("C-s")
    # The table row (the detail line below it can sit under the "Saved" note for a moment).
    terminal.wait_for_regex(r"Priya Shah\s+friend\s+priya@example\.")
    assert "Add someone to your network" not in terminal.capture()
    terminal.send_keys("Escape")
    terminal.wait_gone("Support network")


def test_selfcare_and_a_contact_then_review_shows_the_streaks(
    terminal: Terminal, cli: CLI
) -> None:
    terminal.run_app()
    past_the_welcome(terminal)
    terminal.wait_for("Nothing logged yet today.")

    log_walk(terminal)
    today = terminal.wait_for("Today: walk 30 min")
    assert "Self-care  1 day" in today
    quick_check_in(terminal)
    today = terminal.wait_for("Mood 3 okay · energy 2")
    assert "Check-ins  1 day" in today
    add_contact(terminal)
    terminal.wait_for("Today: walk 30 min")

    terminal.send_keys("v")
    review = terminal.wait_for("Review · Wed 11 Mar 2026")
    assert "Check-ins   1 day in a row" in review
    assert "Self-care   1 day in a row · longest 1" in review
    figures = status(cli)
    assert figures["streaks"]["selfcare"] == {"current": 1, "longest": 1}
    assert figures["streaks"]["checkin"] == {"current": 1, "longest": 1}
    assert figures["week"]["selfcare_days"] == 1
    terminal.send_keys("Escape")
    terminal.wait_gone("Review ·")
    terminal.wait_for("This morning")
    quit_app(terminal)

    data = exported(cli)
    [walk] = data["selfcare"]
    assert (walk["day"], walk["activity"], walk["minutes"]) == ("2026-03-11", "walk", 30)
    [checkin] = data["checkins"]
    assert (checkin["mood"], checkin["energy"]) == (3, 2)
    [contact] = data["contacts"]
    assert (contact["name"], contact["kind"], contact["reach"], contact["last_contacted"]) == (
        "Priya Shah", "friend", "priya@example.org", "2026-03-11")
