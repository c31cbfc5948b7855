"""One thread that writes the journal file behind the app, so a save never waits on the disk.

At thirty years a save writes, syncs and renames ~23 MB (~35 ms, with only the changed
rows or tables serialised): in the app that used to sit between the key and the repaint.
Here the app's thread changes the data in memory and asks for a write; this
thread does it later, one write at a time. Asks that arrive while a write runs
are coalesced: when it ends, one more write takes whatever memory holds then,
however many changes came in meanwhile.

The thread only writes. What is written, and what a write's outcome means (a
notice, a retry), is the store's business; the store hands it a ``job`` that never
raises. No Textual here: the store tells the app through the callbacks it was given.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

# While a write is asked for or under way, the interpreter is handed between threads
# every millisecond rather than every five (Python's default). The writer gives the
# interpreter up at each system call (open, write, fsync, rename) and must get it back
# from the app's thread, which is painting and laying out meanwhile: at the default,
# each step waited up to 5 ms for it. At thirty years, key -> on disk went from 96-99
# to 80-82 ms median (15 saves, twice each), key -> painted unchanged (22-23 ms).
SWITCH_WHILE_WRITING = 0.001
_hurried = 0  # writers asking for the shorter interval now
_usual_switch = 0.005
_switch_lock = threading.Lock()


def _hurry() -> None:
    global _hurried, _usual_switch
    with _switch_lock:
        if _hurried == 0:
            _usual_switch = sys.getswitchinterval()
            sys.setswitchinterval(min(_usual_switch, SWITCH_WHILE_WRITING))
        _hurried += 1


def _calm() -> None:
    global _hurried
    with _switch_lock:
        _hurried -= 1
        if _hurried == 0:
            sys.setswitchinterval(_usual_switch)


class BackgroundWriter:
    """A daemon thread that runs ``job`` whenever asked, one run at a time, coalescing asks.

    Daemon, so a forgotten writer never keeps the process alive; the store stops it
    (waiting for the last write) when it closes, and every write is atomic anyway, so
    a process that dies mid-write leaves the old file or the new one.
    """

    def __init__(self, job: Callable[[], None], name: str = "journal-writer") -> None:
        self._job = job
        self._state = threading.Condition()
        self._wanted = False  # a run was asked for and has not started yet
        self._busy = False  # a run is under way
        self._hurrying = False  # this writer has the interpreter switching sooner
        self._stopping = False
        self.runs = 0  # how many times ``job`` ran (tests check coalescing with it)
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def ask(self) -> None:
        """Ask for a run: a new one soon, or one more after the run under way."""
        with self._state:
            if self._stopping:
                raise RuntimeError("the journal writer has stopped")
            self._wanted = True
            if not self._hurrying:
                self._hurrying = True
                _hurry()
            self._state.notify_all()

    @property
    def idle(self) -> bool:
        """Nothing asked for and nothing running."""
        with self._state:
            return not (self._wanted or self._busy)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every run asked for so far is done; False when ``timeout`` ran out."""
        with self._state:
            return self._state.wait_for(lambda: not (self._wanted or self._busy), timeout)

    def stop(self) -> None:
        """Finish what was asked for, then end the thread."""
        with self._state:
            self._stopping = True
            self._state.notify_all()
        if threading.current_thread() is not self._thread:
            self._thread.join()

    def _loop(self) -> None:
        while True:
            with self._state:
                self._state.wait_for(lambda: self._wanted or self._stopping)
                if not self._wanted:  # stopping, and nothing left to write
                    return
                self._wanted, self._busy = False, True
            try:
                self._job()
            except Exception:  # noqa: BLE001, S110 - the job reports its own failures; a
                pass  # slip there must not end the thread that every later save needs
            finally:
                with self._state:
                    self._busy = False
                    self.runs += 1
                    if not self._wanted and self._hurrying:  # nothing more to write
                        self._hurrying = False
                        _calm()
                    self._state.notify_all()
