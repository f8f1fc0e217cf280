"""The query parameters of the OGC API – Features service, each checked before any query.

A bad value answers 400 naming the parameter (OGC /req/core/query-param-invalid), and so does a parameter the
endpoint does not know (/per/core/query-param-unknown lets a server refuse it): a typo such as `bbbox` or
`regoin` silently ignored would hand a GIS user every feature while they believe they filtered.
"""

import datetime as dt
import re

from django import forms
from django.http import JsonResponse

from heritage.filters import BBoxField

LIMIT_DEFAULT = 10
LIMIT_MAX = 1000

JSON, HTML = "json", "html"
FORMATS = (JSON, HTML)


class BadParameter(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message

    def response(self) -> JsonResponse:
        """The open-data feeds' 400 body (`error`, `parameter`), with OGC's exception fields beside it."""
        text = f"{self.name}: {self.message}"
        body = {"code": "InvalidParameterValue", "description": text, "error": text, "parameter": self.name}
        return JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})


def check_known(query, allowed) -> None:
    for name in query:
        if name not in allowed:
            raise BadParameter(
                name[:40], f"unknown parameter here; this endpoint takes {', '.join(sorted(allowed))}."
            )


def _whole_number(query, name: str, default: int, low: int, high: int | None) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"[0-9]{1,9}", raw):
        raise BadParameter(name, f"a whole number, not {raw[:20]!r}.")
    value = int(raw)
    if value < low or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise BadParameter(name, f"a whole number {bounds}, not {value}.")
    return value


def limit(query) -> int:
    return _whole_number(query, "limit", LIMIT_DEFAULT, 1, LIMIT_MAX)


def offset(query) -> int:
    return _whole_number(query, "offset", 0, 0, None)


def bbox(query) -> tuple[float, float, float, float] | None:
    """`bbox=minx,miny,maxx,maxy` in CRS84 (longitude, latitude): the places API's own field, so both APIs
    accept and refuse the same boxes."""
    try:
        return BBoxField(required=False).clean(query.get("bbox"))
    except forms.ValidationError as error:
        raise BadParameter("bbox", " ".join(str(m) for m in error.messages)) from error


_DATE = r"\d{4}-\d{2}-\d{2}"
_DATE_TIME = _DATE + r"[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:[Zz]|[+-]\d{2}:\d{2})"
OPEN = ("", "..")


def _moment(raw: str, *, end: bool) -> dt.datetime:
    """An RFC 3339 date-time (with its offset), or a full date meaning that whole day in UTC."""
    try:
        if re.fullmatch(_DATE_TIME, raw):
            return dt.datetime.fromisoformat(raw.upper().replace(" ", "T"))
        if re.fullmatch(_DATE, raw):
            day = dt.datetime.combine(dt.date.fromisoformat(raw), dt.time(), tzinfo=dt.UTC)
            return day + dt.timedelta(days=1, microseconds=-1) if end else day
    except ValueError:
        pass  # a well-formed string naming no real moment, such as 2024-02-30
    raise BadParameter(
        "datetime",
        f"{raw[:40]!r} is not an RFC 3339 date-time such as 2024-05-01T08:00:00Z (or a date such as 2024-05-01).",
    )


def datetime_interval(query) -> tuple[dt.datetime | None, dt.datetime | None] | None:
    """(start, end), both inclusive and either None for an open end, or None when there is no filter.

    An instant (`2024-05-01T08:00:00Z`) is an interval of one moment; a date an interval of that day;
    `start/end`, `../end` and `start/..` are intervals (an empty end is open too)."""
    raw = query.get("datetime")
    if raw is None or raw == "":
        return None
    parts = raw.split("/")
    if len(parts) == 1:
        if raw in OPEN:
            raise BadParameter("datetime", "'..' is an open end of an interval, as in 2024-05-01/..")
        return _moment(raw, end=False), _moment(raw, end=True)
    if len(parts) != 2:
        raise BadParameter("datetime", "one instant, or an interval start/end ('..' for an open end).")
    start = None if parts[0] in OPEN else _moment(parts[0], end=False)
    end = None if parts[1] in OPEN else _moment(parts[1], end=True)
    if start is None and end is None:
        return None  # `../..`: all time
    if start is not None and end is not None and start > end:
        raise BadParameter("datetime", "the interval's start comes after its end.")
    return start, end


def output_format(request) -> str:
    """`f=json|html` when given; otherwise what the Accept header prefers (a browser gets HTML; a GIS client,
    curl or a script asking for */* gets JSON)."""
    raw = request.GET.get("f")
    if raw is not None:
        if raw not in FORMATS:
            raise BadParameter("f", f"use f=json or f=html, not {raw[:20]!r}.")
        return raw
    return HTML if _prefers_html(request.headers.get("Accept", "")) else JSON


def _prefers_html(accept: str) -> bool:
    best = {HTML: 0.0, JSON: 0.0}
    for part in accept.split(","):
        media, *options = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.lower()
        if media in ("text/html", "application/xhtml+xml"):
            best[HTML] = max(best[HTML], quality)
        elif media in ("application/json", "application/geo+json") or media.endswith("+json"):
            best[JSON] = max(best[JSON], quality)
    return best[HTML] > best[JSON]
