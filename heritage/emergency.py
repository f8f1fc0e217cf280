"""Emergency and help: what a place or trip page tells a visitor in trouble, decided by the regions it lies in.

112 is Indonesia's national emergency number, everywhere. In Kota Malang it reaches Ngalam 112, the city's
integrated emergency line (free, 24 hours, run from the Ngalam Command Center at Balai Kota since 27 April 2020).
SAMBAT is the city government's public complaint channel, so only a place in Kota Malang offers it for
"report a problem"; the site has no contact page or editors' address of its own to offer for places elsewhere.
No other local number is shown: none is known from a source (not even the national park's), and a wrong
number in an emergency is worse than none.

It is plain HTML in the page (heritage/components/help_panel.html), so the copy a phone saves for reading with
no signal (home/offline.py) holds it too.
"""

from dataclasses import dataclass

from heritage.vocabulary import Region

EMERGENCY_NUMBER = "112"
# SAMBAT takes no parameter naming the page, so the panel shows the text to paste into a report.
SAMBAT_URL = "https://sambat.malangkota.go.id/"
SAMBAT_SMS_NUMBER = "081333471111"  # "Sambat [message]" by SMS
SAMBAT_SMS_URI = "sms:+6281333471111"  # the same number as a phone with a foreign SIM dials it


def in_kota_malang(place) -> bool:
    return place.region == Region.KOTA_MALANG


@dataclass(frozen=True)
class EmergencyHelp:
    """What the panel says: whether 112 is answered by Ngalam 112 here, and the place a visitor may report a
    problem with to SAMBAT (None where SAMBAT is not the channel)."""

    ngalam_112: bool
    report_place: object = None

    @classmethod
    def for_place(cls, place) -> "EmergencyHelp":
        city = in_kota_malang(place)
        return cls(ngalam_112=city, report_place=place if city else None)

    @classmethod
    def for_places(cls, places) -> "EmergencyHelp":
        """A trip through several places: Ngalam 112 when any of them is in the city; nothing to report,
        as a trip is not a place the city looks after."""
        return cls(ngalam_112=any(in_kota_malang(place) for place in places))
