"""Login lockout (django-axes): who the client is, and the page a locked-out editor sees.

Axes counts failed logins on both admins, by username and by client address, and after AXES_FAILURE_LIMIT of
either within the cool-off it refuses every attempt, the right password included, until the cool-off has
passed since the last one. The address is the TCP peer unless TRUST_PROXY_HEADERS says a proxy we control
sets X-Forwarded-For: a header any client can write must not choose whose attempts are counted.
"""

import ipaddress
import math

from axes.helpers import get_cool_off

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from geodata.sunrise import WIB  # the editors' clock, whatever TIME_ZONE says


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """AXES_CLIENT_IP_CALLABLE: REMOTE_ADDR, or behind a trusted proxy the address it put in X-Forwarded-For.

    The right-most entry is the one our proxy wrote (it appends the peer it saw, or replaces the header with
    it); anything left of it came from the client. Our own few lines instead of django-ipware, which axes
    only consults when it is installed.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    if settings.TRUST_PROXY_HEADERS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded and (address := _valid_ip(forwarded.split(",")[-1])):
            return address
    return _valid_ip(remote_addr) or remote_addr or None


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: 429 with a page in Indonesian and English saying when to try again."""
    cool_off = get_cool_off(request)
    # Every attempt during a lockout counts as a failure and starts the cool-off again, so it ends one
    # cool-off after this attempt.
    until = timezone.localtime(getattr(request, "axes_attempt_time", None) or timezone.now(), WIB) + cool_off
    minutes = math.ceil(cool_off.total_seconds() / 60)
    response = render(
        request,
        "account_locked.html",
        {
            # Formatted here: the template's date filters would move the time to the active time zone.
            "until_iso": until.isoformat(timespec="minutes"),
            "until_id": f"{until:%H.%M}",  # Indonesian writes the time with a dot
            "until_en": f"{until:%H:%M}",
            "minutes": minutes,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
