"""Counting scans: one counter row per code and day, nothing about the visitor.

The day is the calendar day in Malang (Asia/Jakarta, WIB), whatever the server's clock zone. A scan is never
written to the database in the request: `record_scan` hands it to the scan counter (plaques/scan_counter.py),
which writes the scans of many visitors in one transaction every few seconds, so a visitor at a plaque gets
the redirect at once even while another process holds the database's write lock.

Honest counts: a phone that scans one plaque again within `SCAN_DEDUP_WINDOW` seconds (30 minutes; a second
look, a reloaded link, a camera app that opens the link twice) is one visitor, counted once. The phone is
told apart by a keyed hash (HMAC with SECRET_KEY) of its address, its User-Agent and the code, kept only in
the cache for the window: it cannot be turned back into an address, and nothing about it reaches the database.
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from axes.helpers import get_client_ip_address

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.crypto import salted_hmac

from . import scan_counter
from .scan_store import write_counts

MALANG_TZ = ZoneInfo("Asia/Jakarta")

# Crawlers, link previews (WhatsApp, Telegram, Slack, iMessage's facebookexternalhit) and uptime monitors
# fetch a short link without anyone standing at the plaque.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|lighthouse|pingdom|uptime|monitor",
    re.IGNORECASE,
)


def malang_today() -> dt.date:
    return timezone.localdate(timezone=MALANG_TZ)


def is_countable(request) -> bool:
    """A GET from something that is not an obvious robot. HEAD requests (link checkers) are not scans."""
    if request.method != "GET":
        return False
    return not BOT_USER_AGENT.search(request.headers.get("User-Agent", "")[:512])


def first_scan_in_window(request, short_code_id: int) -> bool:
    """Whether this is the client's first scan of the code within SCAN_DEDUP_WINDOW (one cache call).

    The client address is the one the login lockout uses (AXES_CLIENT_IP_CALLABLE, config/lockout.py): the
    TCP peer, or behind a trusted proxy (TRUST_PROXY_HEADERS) the address it put in X-Forwarded-For. When
    the cache fails the scan counts: better a repeat counted twice than a visitor not counted.
    """
    window = settings.SCAN_DEDUP_WINDOW
    if window <= 0:
        return True
    client = get_client_ip_address(request) or ""
    agent = request.headers.get("User-Agent", "")[:512]
    digest = salted_hmac(
        "plaques.counting.first_scan_in_window", f"{client}\n{agent}\n{short_code_id}", algorithm="sha256"
    ).hexdigest()
    return caches["scans"].add(f"plaques:seen:{digest}", 1, timeout=window) is not False


def record_scan(request, short_code_id: int) -> None:
    """Count a visitor's scan of the code, once per window; never writes to the database."""
    if first_scan_in_window(request, short_code_id):
        scan_counter.record((short_code_id, malang_today()))


def count_scan(short_code_id: int, day: dt.date | None = None, scans: int = 1) -> None:
    """Write scans of the code straight to the database, now (today in Malang by default).

    For imports, scripts and tests that need the rows at once; the `/q/` view counts through `record_scan`,
    which never writes in the request.
    """
    write_counts({(short_code_id, day or malang_today()): scans})
