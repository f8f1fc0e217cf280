"""The register's designation event in English beside the Indonesian one (issue 17: every word in its language).

Sites seeded before this change hold the bundled entries with the Indonesian event only; the English pages then
showed "SK 12 dan 31 Desember 2018, diserahkan 14 Januari 2019". The bundled events' English text (from
heritage/content/register/*.json) is filled in where the entry still holds the bundled Indonesian text, so an
event the office edited is left alone.
"""

from django.db import migrations, models

BUNDLED_IN_ENGLISH = {
    "SK 12 dan 31 Desember 2018, diserahkan 14 Januari 2019": "SK of 12 and 31 Dec 2018, handed over 14 Jan 2019",
    "Harkitnas, 20 Mei 2022": "Harkitnas, 20 May 2022",
    "Keputusan Mendikbud No. 203/M/2016": "Decree of the Minister of Education and Culture No. 203/M/2016",
    "SK 188/783/KPTS/013/2016, peringkat provinsi Jawa Timur": "SK 188/783/KPTS/013/2016, East Java provincial rank",
}


def fill_in_english(apps, schema_editor):
    RegisterEntry = apps.get_model("heritage", "RegisterEntry")
    for indonesian, english in BUNDLED_IN_ENGLISH.items():
        RegisterEntry.objects.filter(designation=indonesian, designation_en="").update(designation_en=english)


class Migration(migrations.Migration):
    dependencies = [
        ("heritage", "0010_field_labels_translated"),
    ]

    operations = [
        migrations.AddField(
            model_name="registerentry",
            name="designation_en",
            field=models.CharField(
                blank=True,
                help_text="Shown on the English pages; when empty they show the designation event as it is.",
                max_length=200,
                verbose_name="designation event in English",
            ),
        ),
        migrations.RunPython(fill_in_english, migrations.RunPython.noop),
    ]
