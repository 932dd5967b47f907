"""``record``: the part of ``dataclasses`` gwlint uses, at a fraction of its start-up cost.

``import dataclasses`` pulls in ``inspect`` (about 10 ms), and each ``@dataclass`` compiles five or
six generated methods (about 0.5 ms a class): together a quarter of a cold ``gwlint check`` on one
draft. A record compiles only its ``__init__`` (so building one costs what a dataclass costs);
``__repr__``, ``__eq__`` and ``__hash__`` read the fields through one ``operator.attrgetter``.

Supported: ``frozen``, ``slots``, defaults, ``field(default=, default_factory=, init=, repr=,
compare=)``, ``__post_init__``, ``ClassVar`` annotations (not fields), pickling, ``replace``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from lint.regexes import compiled_code

TYPE_CHECKING = False  # not from typing: see lint/__init__.py
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record."""


class Field:
    __slots__ = ("compare", "default", "default_factory", "init", "name", "repr")

    def __init__(
        self,
        default: Any = _MISSING,
        default_factory: Callable[[], Any] | None = None,
        init: bool = True,
        repr: bool = True,
        compare: bool = True,
    ) -> None:
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare = init, repr, compare
        self.name = ""


def field(**options: Any) -> Any:
    return Field(**options)


def record(cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False) -> Any:
    """Class decorator: ``@record`` or ``@record(frozen=True, slots=True)``, as ``@dataclass``."""

    def wrap(cls: type[T]) -> type[T]:
        return _build(cls, frozen, slots)

    return wrap if cls is None else wrap(cls)


def replace(instance: T, **changes: Any) -> T:
    """A copy of ``instance`` with ``changes`` (fields with ``init=False`` are recomputed)."""
    values = {f.name: getattr(instance, f.name) for f in type(instance).__record_fields__ if f.init}  # type: ignore[attr-defined]
    values.update(changes)
    return type(instance)(**values)


def _build(cls: type[T], frozen: bool, slots: bool) -> type[T]:
    fields = _fields(cls)
    compared = operator.attrgetter(*[f.name for f in fields if f.compare] or ["__class__"])
    methods: dict[str, Any] = {
        "__init__": _init(cls.__qualname__, fields, frozen, hasattr(cls, "__post_init__")),
        "__record_fields__": tuple(fields),
        "__repr__": _repr([f.name for f in fields if f.repr]),
        "__eq__": _eq(compared),
        "__hash__": (lambda self: hash(compared(self))) if frozen else None,
    }
    if frozen:
        methods["__setattr__"] = methods["__delattr__"] = _refuse
    if not slots:
        for item in fields:
            if isinstance(cls.__dict__.get(item.name), Field):
                delattr(cls, item.name)
        for name, value in methods.items():
            setattr(cls, name, value)
        return cls
    # slots need a new class; a default left as a class attribute would clash with its slot
    names = tuple(item.name for item in fields)
    namespace = {key: value for key, value in cls.__dict__.items() if key not in ("__dict__", "__weakref__", *names)}
    namespace.update(methods, __slots__=names)
    namespace["__getstate__"] = lambda self: {name: getattr(self, name) for name in names if hasattr(self, name)}
    namespace["__setstate__"] = _restore
    built = type(cls)(cls.__name__, cls.__bases__, namespace)
    built.__qualname__ = cls.__qualname__
    return built


def _fields(cls: type) -> list[Field]:
    fields = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063 - inspect costs the start-up this module saves
        if "ClassVar" in str(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        item = value if isinstance(value, Field) else Field(default=value)
        item.name = name
        fields.append(item)
    return fields


def _init(qualname: str, fields: list[Field], frozen: bool, post_init: bool) -> Callable[..., None]:
    scope: dict[str, Any] = {"_MISSING": _MISSING, "_set": object.__setattr__}
    arguments, body = ["self"], []
    for item in fields:
        value = item.name
        if item.default_factory is not None:
            scope[f"_factory_{item.name}"] = item.default_factory
            if item.init:
                arguments.append(f"{item.name}=_MISSING")
                value = f"_factory_{item.name}() if {item.name} is _MISSING else {item.name}"
            else:
                value = f"_factory_{item.name}()"
        elif not item.init:
            if item.default is _MISSING:
                continue
            scope[f"_default_{item.name}"] = item.default
            value = f"_default_{item.name}"
        elif item.default is not _MISSING:
            scope[f"_default_{item.name}"] = item.default
            arguments.append(f"{item.name}=_default_{item.name}")
        else:
            arguments.append(item.name)
        body.append(f"_set(self, {item.name!r}, {value})" if frozen else f"self.{item.name} = {value}")
    if post_init:
        body.append("self.__post_init__()")
    source = f"def __init__({', '.join(arguments)}):\n    " + "\n    ".join(body or ["pass"])
    exec(compiled_code(source, f"<record {qualname}>"), scope)
    init = scope["__init__"]
    init.__qualname__ = f"{qualname}.__init__"
    return init  # type: ignore[no-any-return]


def _repr(names: list[str]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name, _MISSING)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    return __repr__


def _eq(compared: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return compared(self) == compared(other)

    return __eq__


def _refuse(self: Any, name: str, *value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _restore(instance: Any, state: dict[str, Any]) -> None:
    for name, value in state.items():
        object.__setattr__(instance, name, value)
