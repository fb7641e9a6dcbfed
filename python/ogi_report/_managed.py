"""Ownership of C objects (after wasmtime-py's ``Managed``).

A C call made through ctypes releases the GIL, so another thread may call
:meth:`Managed.close` while the call is still running on the pointer. Every
call therefore goes through :meth:`Managed._use`, which counts the calls in
flight under a lock; ``close()`` marks the object closed at once (new calls
raise ``ValueError("closed")``) but the C object is freed only when the last
call in flight has returned. ``close()`` never waits and never frees a
pointer that is in use.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Generic, Iterator, Optional, TypeVar

T = TypeVar("T")


class Managed(Generic[T]):
    """Owns one C pointer and frees it exactly once, never while in use.

    ``close()`` is idempotent; after it, :meth:`ptr` and :meth:`_use` raise
    ``ValueError("closed")``. Objects are context managers and are also
    closed when garbage-collected.
    """

    _ptr: Optional[T] = None
    #: True once close() has been called (the pointer may still be in use).
    _closing: bool = False
    #: Calls in flight on ``_ptr``.
    _uses: int = 0
    _lock: Optional[threading.Lock] = None

    def _set_ptr(self, ptr: T) -> None:
        if not ptr:
            raise ValueError("NULL pointer")
        if self._ptr is not None:
            raise ValueError("pointer already set")
        self._lock = threading.Lock()
        self._closing = False
        self._uses = 0
        self._ptr = ptr

    def _delete(self, ptr: T) -> None:
        raise NotImplementedError

    def ptr(self) -> T:
        """The live pointer; ``ValueError`` once closed.

        The pointer is not protected against a concurrent :meth:`close`:
        use ``with self._use() as ptr:`` around C calls.
        """
        if self._ptr is None or self._closing:
            raise ValueError("closed")
        return self._ptr

    @contextmanager
    def _use(self) -> Iterator[T]:
        """The live pointer for the duration of a ``with`` block.

        While any block is open the C object is not freed: a ``close()``
        from another thread only marks the object closed, and the last
        block to end frees it.
        """
        lock = self._lock
        if lock is None:
            raise ValueError("closed")
        with lock:
            ptr = self._ptr
            if ptr is None or self._closing:
                raise ValueError("closed")
            self._uses += 1
        try:
            yield ptr
        finally:
            free = None
            with lock:
                self._uses -= 1
                if self._uses == 0 and self._closing and self._ptr is not None:
                    free, self._ptr = self._ptr, None
            if free is not None:
                self._delete(free)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run (even while a call still ends)."""
        return self._ptr is None or self._closing

    def close(self) -> None:
        """Frees the C object, or lets the last call in flight free it.

        Safe to call more than once and from any thread; it does not wait.
        """
        lock = self._lock
        if lock is None:
            return
        free = None
        with lock:
            if self._closing or self._ptr is None:
                return
            self._closing = True
            if self._uses == 0:
                free, self._ptr = self._ptr, None
        if free is not None:
            self._delete(free)

    def __enter__(self: Any) -> Any:
        self.ptr()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass
