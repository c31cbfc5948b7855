"""The morning check-in: mood, energy, an intention, feelings and today's plan.

One check-in per day: opening it again the same day edits it, and History
opens a past day's check-in here too (``checkin_id``), without today's
suggestions. The fast path is mood (1–5), tab, energy (1–5), tab, the
intention, ctrl+s.
"""

from __future__ import annotations

import copy

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Footer, Input, Static

from ..domain.checkin import FEELING_GROUPS, checkin_for_day
from ..domain.dates import describe_day, stored_day, weekday_and_date
from ..domain.models import MAX_LINE, MAX_PLAN_ITEMS, CheckIn, PlanItem
from ..domain.suggestions import Suggestion, SuggestionContext, suggest
from ..journal.answers import after_checkin
from ..journal.checkins import check_in
from ..widgets.checklist import PlanRow, SuggestionList
from ..widgets.limited_input import LimitedInput
from ..widgets.scale import ENERGY_WORDS, MOOD_WORDS, ScalePicker
from ..widgets.word_picker import WordPicker
from .form import FormScreen, form_error, form_row


class CheckInScreen(FormScreen):
    """Today's check-in, new or being edited; dismisses with the saved CheckIn."""

    FIELD_WIDGETS = {"mood": "mood", "energy": "energy", "intention": "intention",
                     "self-care intention": "selfcare"}

    AUTO_FOCUS = "#mood"

    DEFAULT_CSS = """
    CheckInScreen #checkin { padding: 0 1; border: round $primary 50%;
                             border-title-color: $text; }
    CheckInScreen .form-row { height: 1; margin: 0; }
    CheckInScreen .field-label { width: 12; }
    CheckInScreen Input { width: 1fr; }
    CheckInScreen .section { margin-top: 1; text-style: bold; }
    CheckInScreen #plan-empty { color: $text-muted; }
    CheckInScreen #plan-full { color: $text-error; display: none; }
    CheckInScreen #add-item { margin-top: 0; }
    """

    BINDINGS = [Binding("ctrl+n", "add_item", "Add plan item")]


    def __init__(self, checkin_id: str | None = None) -> None:
        """Today's check-in, or (``checkin_id``) any day's, as History edits it."""
        super().__init__()
        self.checkin_id = checkin_id
        self.day = ""
        self.existing: CheckIn | None = None
        self.dropped: list[str] = []  # suggestions dropped this morning, kept with the save

    @property
    def is_today(self) -> bool:
        return self.day == self.clock.today_str()

    def compose(self) -> ComposeResult:
        found = self.store.checkins.get(self.checkin_id) if self.checkin_id else None
        self.day = found.day if found else self.clock.today_str()
        self.existing = found or checkin_for_day(self.store.checkins.all(), self.day)
        c = self.existing or CheckIn(day=self.day)
        self.dropped = list(c.dropped)
        with VerticalScroll(id="checkin") as box:
            day = stored_day(self.day) or self.clock.today()
            if not self.is_today:
                box.border_title = f"Edit the check-in of {describe_day(day, self.clock.today())}"
            else:
                verb = "Edit this morning's" if self.existing else "Morning"
                box.border_title = f"{verb} check-in · {weekday_and_date(day)}"
            yield form_error()
            yield form_row("Mood", ScalePicker(MOOD_WORDS, c.mood or None, id="mood"))
            yield form_row("Energy", ScalePicker(ENERGY_WORDS, c.energy or None, id="energy"))
            yield form_row("Intention", LimitedInput(
                c.intention, id="intention", compact=True, max_length=MAX_LINE,
                select_on_focus=False, placeholder="one thing that would make today count"))
            yield form_row("Self-care", LimitedInput(
                c.selfcare_intention, id="selfcare", compact=True, max_length=MAX_LINE,
                select_on_focus=False, placeholder="a walk, a call, an early night…"))
            yield Static("Feelings [dim](optional · arrows move, space picks)[/]",
                         classes="section")
            yield WordPicker(chosen=c.feelings, groups=FEELING_GROUPS, id="feelings")
            yield Static("Suggestions [dim](enter or a adds · d drops)[/]",
                         id="suggestions-title", classes="section")
            yield SuggestionList(self._suggestions(), id="suggestions")
            plan_title = "Today's plan" if self.is_today else "That day's plan"
            yield Static(f"{plan_title} [dim](ctrl+n adds · ctrl+r removes)[/]",
                         classes="section")
            yield Static("Nothing planned yet.", id="plan-empty")
            for item in c.plan:
                yield PlanRow(copy.deepcopy(item))
            yield Button("+ Add an item", id="add-item", compact=True)
            yield Static(id="plan-full")
            yield Static("ctrl+s saves · escape goes back", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self._sync()

    def _suggestions(self) -> list[Suggestion]:
        if not self.is_today:  # suggestions are for the day ahead, not one gone by
            return []
        store = self.store
        ctx = SuggestionContext(
            today=self.clock.today(), checkins=store.checkins.all(),
            rejections=store.rejections.all(), actions=store.actions.all(),
            contacts=store.contacts.all(), settings=store.settings)
        return suggest(ctx)

    def _rows(self) -> list[PlanRow]:
        return list(self.query(PlanRow))

    def _sync(self) -> None:
        """Show or hide the empty-plan line and the suggestions heading."""
        self.query_one("#plan-empty").display = not self._rows()
        self.query_one("#suggestions-title").display = bool(
            self.query_one(SuggestionList).suggestions)

    # Plan editing ----------------------------------------------------------
    def add_item(self, item: PlanItem, *, focus: bool = True) -> bool:
        """Add a row to the plan; False (with a message) when the plan is full."""
        if len(self._rows()) >= MAX_PLAN_ITEMS:
            message = (f"The plan is full: {MAX_PLAN_ITEMS} items at most. "
                       "Remove one to make room.")
            full = self.query_one("#plan-full", Static)
            full.update(message)
            full.display = True
            if focus:  # the user asked for a new row: say no where they are looking
                self.notify(message, timeout=5)
                # Off the last item's words, so what they type next is not glued onto it.
                self.query_one("#add-item").focus()
                self.call_after_refresh(full.scroll_visible, animate=False)
            return False
        self.query_one("#checkin").mount(PlanRow(item, focus=focus), before="#add-item")
        self.mark_dirty()
        self.call_after_refresh(self._sync)
        return True

    def action_add_item(self) -> None:
        self.add_item(PlanItem(kind="apply"))

    @on(Button.Pressed, "#add-item")
    def _add_pressed(self) -> None:
        self.action_add_item()

    @on(Input.Submitted, "#intention, #selfcare")
    def _next_field(self) -> None:
        self.focus_next()

    @on(Input.Submitted, "PlanRow Input")
    def _next_item(self, event: Input.Submitted) -> None:
        if event.value.strip() and event.input.parent is self._rows()[-1]:
            self.action_add_item()
        else:
            self.focus_next()

    @on(PlanRow.Remove)
    async def _remove_row(self, event: PlanRow.Remove) -> None:
        rows = self._rows()
        index = rows.index(event.row)
        await event.row.remove()
        self.query_one("#plan-full").display = False
        self.mark_dirty()
        self._sync()
        rows = self._rows()
        if rows:
            rows[min(index, len(rows) - 1)].focus_text()
        else:
            self.query_one("#add-item").focus()

    @on(SuggestionList.Accepted)
    def _accept(self, event: SuggestionList.Accepted) -> None:
        if not self.add_item(event.suggestion.to_plan_item(), focus=False):
            event.suggestions.put_back(event.suggestion)
        self._after_suggestion()

    @on(SuggestionList.Dropped)
    def _drop(self, event: SuggestionList.Dropped) -> None:
        self.dropped.append(event.suggestion.dropped_key)
        self.mark_dirty()
        self._after_suggestion()

    def _after_suggestion(self) -> None:
        self._sync()
        if not self.query_one(SuggestionList).suggestions:
            self.query_one("#add-item").focus()

    # Saving ----------------------------------------------------------------
    def show_error(self, message: str) -> None:
        """Show a failed save's message at the top (FormScreen then puts the cursor on
        the field it names)."""
        super().show_error(message)
        self.query_one("#checkin", VerticalScroll).scroll_home(animate=False)

    def save(self) -> CheckIn:
        plan = [r.value() for r in self._rows()]
        plan = [p for p in plan if p.text.strip()]  # an empty row is not a plan item
        saved = check_in(
            self.store, self.clock, self.existing, day=self.day,
            mood=self.query_one("#mood", ScalePicker).value,
            energy=self.query_one("#energy", ScalePicker).value,
            intention=self.query_one("#intention", Input).value,
            selfcare_intention=self.query_one("#selfcare", Input).value,
            feelings=self.query_one(WordPicker).chosen, plan=plan, dropped=self.dropped)
        self.answer(after_checkin(self.store, self.clock, saved, self.existing))
        return saved
