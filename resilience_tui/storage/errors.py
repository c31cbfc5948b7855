"""Storage problems, each with a message a person can act on."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base for problems with the database file."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message


class DatabaseInvalid(StorageError):
    """The file cannot be read as our database; it is left exactly as it is."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(
            path,
            f"{path}: {reason}. Nothing was changed. Run 'resilience doctor' to look "
            f"closer, or 'resilience restore' to bring back the newest good backup.",
        )
        self.reason = reason


class UnsafeLock(DatabaseInvalid):
    """The lock file's name holds a link, a folder or someone else's file: we open nothing."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, reason)
        self.message = (f"{path} should be this journal's lock file, but it {reason}, so "
                        f"nothing was opened or changed. Move it away and try again.")


class DatabaseLocked(StorageError):
    """Another instance has the database open for writing."""

    def __init__(self, path: Path | str, holder: str = "") -> None:
        who = f" (process {holder})" if holder else ""
        super().__init__(
            path,
            f"{path} is open in another resilience window{who}. Close that one first; "
            f"'resilience status' and 'export' still work meanwhile.",
        )


class DatabaseWriteError(StorageError):
    """A write failed; the old file is whole and the new data is still in memory."""


class ExternalChange(StorageError):
    """The file was changed by another program since we read it; we did not overwrite it."""
