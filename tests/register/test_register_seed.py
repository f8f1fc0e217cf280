"""The bundled register is seeded once per entry and is the office's afterwards (issue 16): a second run
adds nothing, an edited entry keeps the editor's text, a deleted one stays deleted."""

from tests.conftest import FIXTURES


def _seed():
    from home.seed import seed

    return seed(FIXTURES / "places_sample.geojson", FIXTURES / "stories")


def test_each_bundled_entry_has_a_record_keyed_by_its_list(sample_site):
    from heritage.models import RegisterEntry, SeedRecord

    keys = set(SeedRecord.objects.filter(key__startswith="register:").values_list("key", flat=True))
    assert "register:kota-malang-2018:buk-gludug" in keys
    assert "register:kota-malang-2022:arca-agastya" in keys
    assert "register-index:id" in SeedRecord.objects.values_list("key", flat=True)
    assert len([key for key in keys if key.startswith("register:")]) == RegisterEntry.objects.count() == 79


def test_a_second_run_never_undoes_an_editor(sample_site):
    from heritage.models import RegisterEntry

    edited = RegisterEntry.objects.get(key="kota-malang-2018--buk-gludug")
    edited.current_use = "jembatan (diisi editor)"
    edited.save_revision().publish()
    RegisterEntry.objects.get(key="kota-malang-2022--watu-kenong").delete()
    report = _seed()
    assert not [item for item in report.created if "register" in item]
    assert (
        RegisterEntry.objects.get(key="kota-malang-2018--buk-gludug").current_use == "jembatan (diisi editor)"
    )
    assert not RegisterEntry.objects.filter(key="kota-malang-2022--watu-kenong").exists()
    assert RegisterEntry.objects.count() == 78


def test_the_indonesian_register_speaks_indonesian(client, sample_site):
    html = client.get("/id/cagar-budaya/").content.decode()
    assert "lokasi tidak dipublikasikan" in html
    assert "Semua kategori" in html and "Kecamatan" in html
