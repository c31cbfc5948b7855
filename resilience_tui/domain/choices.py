"""The fixed choices records may hold (plan kinds, stages, reason tags…) and size limits.

Kept apart from the records so screens and rules can import a list without the
record machinery; :mod:`models` re-exports every name.
"""

from __future__ import annotations

PLAN_KINDS = ("apply", "outreach", "practice", "learn", "follow-up", "other")
STAGES = ("applied", "screen", "interview", "final", "offer")
REASON_TAGS = (
    "skill gap",
    "experience level",
    "culture/team fit",
    "interview performance",
    "competition or internal candidate",
    "timing or budget",
    "unknown",
)
THINKING_TRAPS = (
    "all-or-nothing",
    "mind reading",
    "labelling yourself",
    "fortune telling",
    "catastrophising",
    "overgeneralising",
)
FEEDBACK_STATUSES = ("not_requested", "requested", "received", "no_reply", "declined")
REDIRECT_KINDS = ("similar roles", "a skill to learn", "adjacent industry", "broaden the search",
                  "reach out")
ACTION_STATUSES = ("open", "planned", "done", "dropped")
SELFCARE_ACTIVITIES = ("exercise", "walk", "gym", "hobby", "meditation", "family", "friends",
                       "rest", "journaling", "community", "other")
CONTACT_KINDS = ("mentor", "friend", "family", "peer job seeker", "community", "recruiter")

MAX_LINE = 200
MAX_JOURNAL = 20_000
MAX_PLAN_ITEMS = 20
MAX_DROPPED_KEY = 300  # "kind: words" of a dropped suggestion, cut to this length
