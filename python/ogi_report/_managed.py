"""Ownership of C objects (after wasmtime-py's ``Managed``)."""

from __future__ import annotations

from typing import Any, Generic, Optional, TypeVar

T = TypeVar("T")


class Managed(Generic[T]):
    """Owns one C pointer and frees it exactly once.

    ``close()`` is idempotent; after it, :meth:`ptr` raises
    ``ValueError("closed")``. Objects are context managers and are also
    closed when garbage-collected.
    """

    _ptr: Optional[T] = None

    def _set_ptr(self, ptr: T) -> None:
        if not ptr:
            raise ValueError("NULL pointer")
        if self._ptr is not None:
            raise ValueError("pointer already set")
        self._ptr = ptr

    def _delete(self, ptr: T) -> None:
        raise NotImplementedError

    def ptr(self) -> T:
        """The live pointer; ``ValueError`` once closed."""
        if self._ptr is None:
            raise ValueError("closed")
        return self._ptr

    def _consume(self) -> T:
        """Takes the pointer away from this object (which is then closed)."""
        ptr = self.ptr()
        self._ptr = None
        return ptr

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._ptr is None

    def close(self) -> None:
        """Frees the C object. Safe to call more than once."""
        ptr = self._ptr
        if ptr is not None:
            self._ptr = None
            self._delete(ptr)

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
