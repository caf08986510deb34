"""Frozen dataclasses to JSON and back, by their type hints: how a kernel hands its findings to the build.

A notebook computes findings and verdicts; the book writes their words later, in each edition's language.
What passes between the two is plain JSON (stored in the notebook's outputs, compared by nbval), so this
module turns the core's records into JSON values and reads them back into the same types.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
TYPE_KEY = "type"  # names the class of a dataclass that stands where a union of dataclasses is expected


def encode(value: Any) -> Any:
    """A JSON-ready value: dataclasses become objects, dates ISO strings, enums their values, tuples lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {TYPE_KEY: type(value).__name__} if _tagged(type(value)) else {}
        out.update({f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, float) and value != value:
        return None  # NaN: "not applicable", which JSON cannot spell
    return value


_TAGGED: set[type] = set()


def tagged(cls: type[T]) -> type[T]:
    """Mark a dataclass that may stand in a union: its JSON names its class."""
    _TAGGED.add(cls)
    return cls


def _tagged(cls: type) -> bool:
    return cls in _TAGGED


def decode(cls: Any, data: Any) -> Any:
    """The value of type ``cls`` that :func:`encode` wrote as ``data``."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        if data is None:
            return None
        if isinstance(data, dict) and TYPE_KEY in data:
            cls = next(a for a in options if getattr(a, "__name__", "") == data[TYPE_KEY])
            return decode(cls, data)
        return decode(options[0], data)
    if origin is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in data)
        return tuple(decode(a, v) for a, v in zip(args, data))
    if origin is dict:
        _, value_type = typing.get_args(cls)
        return {k: decode(value_type, v) for k, v in data.items()}
    if dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        return cls(**{f.name: decode(hints[f.name], data.get(f.name)) for f in dataclasses.fields(cls)
                      if f.name in data or f.default is dataclasses.MISSING})
    if cls is dt.date:
        return dt.date.fromisoformat(data) if data is not None else None
    if isinstance(cls, type) and issubclass(cls, enum.Enum):
        return cls(data)
    if cls is float:
        return float("nan") if data is None else float(data)
    return data


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)
