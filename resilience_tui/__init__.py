"""resilience-tui: a calm daily resilience routine for job seekers, in the terminal."""

__version__ = "0.1.0"
APP_NAME = "resilience-tui"
