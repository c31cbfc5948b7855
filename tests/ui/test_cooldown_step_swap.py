"""Going from one cool-down step to the next never shows an empty body: the next step is
built before the one on screen goes, and the swap happens in one frame."""

from __future__ import annotations

from helpers import open_cooldown, seed_cooldown
from textual.containers import VerticalScroll

from resilience_tui.screens.cooldown.reflect import ReflectStep, ReflectWaiting
from resilience_tui.screens.cooldown.screen import CooldownScreen
from resilience_tui.screens.cooldown.step import StepForm


def watch_frames(app, screen: CooldownScreen) -> list[list[str]]:
    """Record, for every frame drawn of the cool-down, the steps its body shows."""
    frames: list[list[str]] = []
    draw = app._display

    def display(drawn, renderable) -> None:
        if drawn is screen and renderable is not None:
            body = screen.query_one("#cd-body", VerticalScroll)
            frames.append([type(c).__name__ for c in body.children
                           if isinstance(c, StepForm) and c.display])
        draw(drawn, renderable)

    app._display = display
    return frames


async def test_ready_now_swaps_the_step_without_a_blank_frame(make_app, store) -> None:
    seed_cooldown(store, "reflect")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        assert isinstance(screen.step, ReflectWaiting)
        await pilot.click("#ready-now")
        await pilot.pause()
        frames = watch_frames(app, screen)
        seen: list[list[str]] = []
        await pilot.press("y")
        for _ in range(40):  # look at the body between every step of the swap
            seen.append([type(c).__name__ for c in
                         screen.query_one("#cd-body", VerticalScroll).children
                         if isinstance(c, StepForm) and c.display])
            await pilot.pause(0.01)
        assert isinstance(screen.step, ReflectStep)
        assert frames, "no frame of the cool-down was drawn"
        assert all(len(f) == 1 for f in frames), frames
        assert all(len(s) == 1 for s in seen), seen
        assert frames[-1] == ["ReflectStep"]


async def test_saving_a_step_swaps_to_the_next_without_a_blank_frame(make_app, store) -> None:
    seed_cooldown(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cooldown(pilot)
        await pilot.press("space")  # the first feeling word
        await pilot.pause()
        frames = watch_frames(app, screen)
        await pilot.press("ctrl+s")
        for _ in range(40):
            await pilot.pause(0.01)
        assert isinstance(screen.step, ReflectWaiting)
        assert frames and all(len(f) == 1 for f in frames), frames
        assert frames[-1] == ["ReflectWaiting"]
