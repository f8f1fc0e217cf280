"""The product models, moved from heritage with their tables, rows and content types."""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED = ['centrepage', 'centrefigure', 'centresource', 'producer', 'producercertification', 'producersource', 'productindexpage', 'productpage', 'productimage', 'productcertification', 'productrelatedplace', 'productsource']


def move_content_types(apps, schema_editor):
    """Pages, revisions, permissions and log entries point at these content types by id: relabel the rows
    instead of letting new ones be created, so everything that referred to a model still does."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="heritage", model__in=MOVED).update(app_label="products")


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="products", model__in=MOVED).update(app_label="heritage")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ('heritage', '0006_backfill_location_precision'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are (the models keep their heritage_* names): only Django's idea of
            # which app holds the models changes.
            state_operations=[
                migrations.CreateModel(
                    name='ProductIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True)),
                    ],
                    options={
                        'verbose_name': 'product hub',
                        'db_table': 'heritage_productindexpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='CentrePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(help_text='One or two sentences shown in lists and previews.', max_length=300)),
                        ('story', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('image', 2), ('quote', 5), ('timeline', 6)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'icon': 'title', 'template': 'heritage/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 2: ('wagtail.images.blocks.ImageBlock', [], {}), 3: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'Who said or wrote it', 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('text', 3), ('attribution', 4)]], {}), 6: ('heritage.blocks.TimelineBlock', (), {})})),
                        ('what_they_make', models.TextField(blank=True, verbose_name='what they make')),
                        ('region', models.CharField(choices=[('kota-malang', 'Kota Malang'), ('kab-malang', 'Kabupaten Malang'), ('kota-batu', 'Kota Batu'), ('pasuruan', 'Kabupaten Pasuruan'), ('probolinggo', 'Kabupaten Probolinggo'), ('lumajang', 'Kabupaten Lumajang')], max_length=16)),
                        ('district', models.CharField(blank=True, max_length=80, verbose_name='district (kecamatan)')),
                        ('village', models.CharField(blank=True, max_length=80, verbose_name='village (kelurahan/desa)')),
                        ('address', models.CharField(blank=True, max_length=255)),
                        ('latitude', models.DecimalField(decimal_places=6, max_digits=9, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)])),
                        ('longitude', models.DecimalField(decimal_places=6, max_digits=9, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)])),
                        ('coordinate_source', models.CharField(blank=True, max_length=255)),
                        ('coordinate_source_url', models.URLField(blank=True, max_length=500)),
                        ('coordinate_note', models.TextField(blank=True, help_text='Say so when the point is a village reference point, not the centre itself.')),
                        ('image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                    ],
                    options={
                        'verbose_name': 'production centre',
                        'db_table': 'heritage_centrepage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='CentreFigure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('label', models.CharField(help_text="What is counted: 'Producers', 'Output'.", max_length=200)),
                        ('value', models.CharField(help_text="As the source states it: 'about 30 t a day'.", max_length=200)),
                        ('year', models.SmallIntegerField(blank=True, help_text='The year the source gives the figure for.', null=True)),
                        ('source_title', models.CharField(max_length=300)),
                        ('source_url', models.URLField(blank=True, max_length=500)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='figures', to='products.centrepage')),
                    ],
                    options={
                        'db_table': 'heritage_centrefigure',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='CentreSource',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('title', models.CharField(max_length=300)),
                        ('url', models.URLField(blank=True, max_length=500)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='products.centrepage')),
                    ],
                    options={
                        'db_table': 'heritage_centresource',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Producer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200)),
                        ('sector', models.CharField(choices=[('food', 'Food and drink'), ('coffee', 'Coffee'), ('agriculture', 'Agriculture'), ('craft', 'Craft'), ('batik', 'Fashion and batik'), ('experience', 'Classes and visits')], max_length=16)),
                        ('scale', models.CharField(blank=True, choices=[('mikro', 'Micro (mikro)'), ('kecil', 'Small (kecil)'), ('menengah', 'Medium (menengah)')], help_text='Only as the business or a public source states it.', max_length=16)),
                        ('founded', models.CharField(blank=True, help_text="As a source states it: '1977'.", max_length=60)),
                        ('region', models.CharField(choices=[('kota-malang', 'Kota Malang'), ('kab-malang', 'Kabupaten Malang'), ('kota-batu', 'Kota Batu'), ('pasuruan', 'Kabupaten Pasuruan'), ('probolinggo', 'Kabupaten Probolinggo'), ('lumajang', 'Kabupaten Lumajang')], max_length=16)),
                        ('district', models.CharField(blank=True, max_length=80, verbose_name='district (kecamatan)')),
                        ('village', models.CharField(blank=True, max_length=80, verbose_name='village (kelurahan/desa)')),
                        ('address', models.CharField(blank=True, max_length=255)),
                        ('latitude', models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)])),
                        ('longitude', models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)])),
                        ('coordinate_source', models.CharField(blank=True, max_length=255)),
                        ('coordinate_source_url', models.URLField(blank=True, max_length=500)),
                        ('coordinate_note', models.TextField(blank=True)),
                        ('website', models.URLField(blank=True, max_length=500)),
                        ('email', models.EmailField(blank=True, max_length=254)),
                        ('phone', models.CharField(blank=True, max_length=40)),
                        ('whatsapp', models.CharField(blank=True, max_length=40, verbose_name='WhatsApp')),
                        ('languages', models.CharField(blank=True, help_text="Languages buyers are served in, e.g. 'Indonesia, English'.", max_length=120)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('centre', models.ForeignKey(blank=True, help_text='The production centre the business belongs to, if any.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='producers', to='products.centrepage')),
                    ],
                    options={
                        'verbose_name': 'producer',
                        'db_table': 'heritage_producer',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='ProducerCertification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('kind', models.CharField(choices=[('halal', 'Halal'), ('pirt', 'P-IRT'), ('bpom', 'BPOM'), ('sni', 'SNI')], max_length=16)),
                        ('number', models.CharField(blank=True, max_length=120)),
                        ('valid_until', models.DateField(blank=True, null=True)),
                        ('source_url', models.URLField(blank=True, max_length=500)),
                        ('producer', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='certifications', to='products.producer')),
                    ],
                    options={
                        'db_table': 'heritage_producercertification',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ProducerSource',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('title', models.CharField(max_length=300)),
                        ('url', models.URLField(blank=True, max_length=500)),
                        ('producer', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='products.producer')),
                    ],
                    options={
                        'db_table': 'heritage_producersource',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ProductPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(help_text='One or two sentences shown in lists and previews.', max_length=300)),
                        ('story', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('image', 2), ('quote', 5), ('timeline', 6)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'icon': 'title', 'template': 'heritage/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul']}), 2: ('wagtail.images.blocks.ImageBlock', [], {}), 3: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'Who said or wrote it', 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('text', 3), ('attribution', 4)]], {}), 6: ('heritage.blocks.TimelineBlock', (), {})})),
                        ('sector', models.CharField(choices=[('food', 'Food and drink'), ('coffee', 'Coffee'), ('agriculture', 'Agriculture'), ('craft', 'Craft'), ('batik', 'Fashion and batik'), ('experience', 'Classes and visits')], max_length=16)),
                        ('price_min_idr', models.PositiveIntegerField(blank=True, null=True, verbose_name='price from (Rp)')),
                        ('price_max_idr', models.PositiveIntegerField(blank=True, null=True, verbose_name='price up to (Rp)')),
                        ('price_unit', models.CharField(blank=True, help_text="'per piece', 'per kg', 'per person'", max_length=120)),
                        ('price_checked', models.DateField(blank=True, null=True, verbose_name='price checked on')),
                        ('price_source_url', models.URLField(blank=True, max_length=500)),
                        ('min_order_quantity', models.PositiveIntegerField(blank=True, null=True, verbose_name='minimum order')),
                        ('min_order_unit', models.CharField(blank=True, max_length=120)),
                        ('monthly_capacity', models.PositiveIntegerField(blank=True, null=True)),
                        ('capacity_unit', models.CharField(blank=True, max_length=120)),
                        ('capacity_note', models.TextField(blank=True, help_text='Output as the sources state it, and where they disagree.')),
                        ('export_readiness', models.CharField(choices=[('ready', 'Export-ready'), ('developing', 'Developing for export'), ('local', 'Local market only')], default='local', max_length=16)),
                        ('export_markets', models.CharField(blank=True, help_text='Where it is sold today.', max_length=255)),
                        ('featured', models.BooleanField(default=False, help_text='Lead the product hub with it.')),
                        ('featured_order', models.PositiveSmallIntegerField(default=0, help_text='Lower comes first.')),
                        ('featured_until', models.DateField(blank=True, help_text='Last day it is featured.', null=True)),
                        ('centre', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='products', to='products.centrepage')),
                        ('image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                        ('producer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='products', to='products.producer')),
                    ],
                    options={
                        'verbose_name': 'product',
                        'db_table': 'heritage_productpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ProductImage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('caption', models.CharField(blank=True, max_length=250)),
                        ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailimages.image')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='gallery_images', to='products.productpage')),
                    ],
                    options={
                        'db_table': 'heritage_productimage',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ProductCertification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('kind', models.CharField(choices=[('halal', 'Halal'), ('pirt', 'P-IRT'), ('bpom', 'BPOM'), ('sni', 'SNI')], max_length=16)),
                        ('number', models.CharField(blank=True, max_length=120)),
                        ('valid_until', models.DateField(blank=True, null=True)),
                        ('source_url', models.URLField(blank=True, max_length=500)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='certifications', to='products.productpage')),
                    ],
                    options={
                        'db_table': 'heritage_productcertification',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ProductRelatedPlace',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='heritage.placepage')),
                        ('page_from', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='related_places', to='products.productpage')),
                    ],
                    options={
                        'db_table': 'heritage_productrelatedplace',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ProductSource',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('title', models.CharField(max_length=300)),
                        ('url', models.URLField(blank=True, max_length=500)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='products.productpage')),
                    ],
                    options={
                        'db_table': 'heritage_productsource',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
