from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from heritage.models.location import region_warning, validate_in_indonesia


def test_a_point_in_malang_is_accepted():
    validate_in_indonesia(Decimal("-7.9797"), Decimal("112.6304"))


@pytest.mark.parametrize(
    ("lat", "lon", "hint"),
    [
        (48.8584, 2.2945, ""),  # Paris
        (112.6304, -7.9797, "swapped"),
        (7.9797, 112.6304, "south of the equator"),
    ],
)
def test_a_point_outside_indonesia_is_refused_with_a_hint(lat, lon, hint):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            validate_in_indonesia(lat, lon)
        message = " ".join(error.value.messages)
    assert "outside Indonesia" in message
    assert hint in message


@translation.override("en")
def test_bromo_named_as_kota_malang_is_flagged_but_candi_badut_is_not():
    assert region_warning("kota-malang", -7.9425, 112.9531) is not None
    assert "Kota Malang" in region_warning("kota-malang", -7.9425, 112.9531)
    assert region_warning("kota-malang", -7.9577, 112.5981) is None
    assert region_warning("probolinggo", -7.9425, 112.9531) is None
