"""The bundled places file as a GIS user or an editor checks it: every point names its source and says how
closely it marks the place, and a village's point lies inside that village on the official boundaries."""

import json
from pathlib import Path

import pytest

from heritage.models import LocationPrecision

ROOT = Path(__file__).resolve().parents[2]
PLACES = json.loads((ROOT / "geodata" / "data" / "places.geojson").read_text(encoding="utf-8"))["features"]
# Real boundary data kept beside the repository (never copied into it): BPS/OCHA 2020 village polygons.
HDX = ROOT.parent / "shared" / "data" / "geo" / "hdx_cod_ab_2020"


def _props(slug):
    return next(f["properties"] for f in PLACES if f["properties"]["slug"] == slug)


@pytest.mark.parametrize("feature", PLACES, ids=lambda f: f["properties"]["slug"])
def test_every_point_names_its_source_and_how_precise_it_is(feature):
    props = feature["properties"]
    source = props["coordinate_source"]
    assert source["title"] and source["note"], "a point without a named source is a guess"
    assert props["location_precision"] in LocationPrecision.values
    if "village-level" in source["note"] or "village reference point" in source["title"]:
        assert props["location_precision"] == LocationPrecision.AREA, "a village's point is not the site"


def test_the_bts_corridor_has_its_gateway_villages_on_all_four_sides():
    corridor = {
        f["properties"]["slug"]: f["properties"] for f in PLACES if f["properties"]["page_type"] == "corridor"
    }
    assert len(corridor) >= 10
    # One Tengger village for each regency the park spans, each marked as a village area, not a spot.
    villages = {props["region"] for props in corridor.values() if props["kind"] == "village"}
    assert villages == {"kab-malang", "pasuruan", "probolinggo", "lumajang"}
    assert _props("desa-ngadisari")["location_precision"] == "area"
    assert _props("ranu-kumbolo")["location_precision"] == "approximate"


@pytest.mark.skipif(not HDX.exists(), reason="needs ../shared/data/geo beside the repository")
def test_a_village_areas_point_lies_inside_that_village_on_the_official_boundaries():
    import geopandas as gpd
    from shapely.geometry import Point

    polygons = gpd.pd.concat([gpd.read_file(path) for path in sorted(HDX.glob("*.geojson"))])
    checked = []
    for feature in PLACES:
        props = feature["properties"]
        if props["location_precision"] != LocationPrecision.AREA:
            continue
        point = Point(*feature["geometry"]["coordinates"][:2])
        containing = polygons[polygons.contains(point)]
        assert len(containing) == 1, f"{props['slug']} lies in no covered village"
        row = containing.iloc[0]
        assert row["village"].replace(" ", "").lower() == props["village"].replace(" ", "").lower(), props[
            "slug"
        ]
        assert row["district"] == props["district"], props["slug"]
        checked.append(props["slug"])
    assert {"desa-ngadas", "desa-wonokitri", "desa-tosari", "desa-ngadisari", "desa-argosari"} <= set(checked)
