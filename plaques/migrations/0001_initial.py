"""The QR short codes and scan counts, moved from heritage with their tables, rows and content types."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ['shortcode', 'scancount']


def move_content_types(apps, schema_editor):
    """Pages, revisions, permissions and log entries point at these content types by id: relabel the rows
    instead of letting new ones be created, so everything that referred to a model still does."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="heritage", model__in=MOVED).update(app_label="plaques")


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="plaques", model__in=MOVED).update(app_label="heritage")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ('heritage', '0006_backfill_location_precision'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are (the models keep their heritage_* names): only Django's idea of
            # which app holds the models changes.
            state_operations=[
                migrations.CreateModel(
                    name='ShortCode',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(editable=False, max_length=8, unique=True)),
                        ('created', models.DateTimeField(auto_now_add=True)),
                        ('page', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='short_code', to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        'verbose_name': 'QR short code',
                        'db_table': 'heritage_shortcode',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='ScanCount',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('date', models.DateField(help_text='The day of the scans, in Asia/Jakarta time.')),
                        ('count', models.PositiveIntegerField(default=0)),
                        ('short_code', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scan_counts', to='plaques.shortcode')),
                    ],
                    options={
                        'verbose_name': 'QR scan count',
                        'db_table': 'heritage_scancount',
                        'constraints': [models.UniqueConstraint(fields=('short_code', 'date'), name='heritage_scancount_code_date')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
