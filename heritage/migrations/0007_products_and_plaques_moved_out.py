"""Products and plaques moved to apps of their own: heritage lets go of the models, the tables stay."""

from django.db import migrations

class Migration(migrations.Migration):


    dependencies = [
        ('heritage', '0006_backfill_location_precision'),
        ('products', '0001_initial'),
        ('plaques', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are (the models keep their heritage_* names): only Django's idea of
            # which app holds the models changes.
            state_operations=[
                migrations.RemoveField(
                    model_name='centrepage',
                    name='image',
                ),
                migrations.RemoveField(
                    model_name='centrepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='productpage',
                    name='centre',
                ),
                migrations.RemoveField(
                    model_name='centresource',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='producer',
                    name='centre',
                ),
                migrations.RemoveField(
                    model_name='producersource',
                    name='producer',
                ),
                migrations.RemoveField(
                    model_name='productpage',
                    name='producer',
                ),
                migrations.RemoveField(
                    model_name='producercertification',
                    name='producer',
                ),
                migrations.RemoveField(
                    model_name='productcertification',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='productimage',
                    name='image',
                ),
                migrations.RemoveField(
                    model_name='productimage',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='productindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='productpage',
                    name='image',
                ),
                migrations.RemoveField(
                    model_name='productpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='productrelatedplace',
                    name='page_from',
                ),
                migrations.RemoveField(
                    model_name='productsource',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='productrelatedplace',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='scancount',
                    name='short_code',
                ),
                migrations.RemoveField(
                    model_name='shortcode',
                    name='page',
                ),
                migrations.DeleteModel(
                    name='CentreFigure',
                ),
                migrations.DeleteModel(
                    name='CentreSource',
                ),
                migrations.DeleteModel(
                    name='CentrePage',
                ),
                migrations.DeleteModel(
                    name='ProducerSource',
                ),
                migrations.DeleteModel(
                    name='Producer',
                ),
                migrations.DeleteModel(
                    name='ProducerCertification',
                ),
                migrations.DeleteModel(
                    name='ProductCertification',
                ),
                migrations.DeleteModel(
                    name='ProductImage',
                ),
                migrations.DeleteModel(
                    name='ProductIndexPage',
                ),
                migrations.DeleteModel(
                    name='ProductPage',
                ),
                migrations.DeleteModel(
                    name='ProductSource',
                ),
                migrations.DeleteModel(
                    name='ProductRelatedPlace',
                ),
                migrations.DeleteModel(
                    name='ScanCount',
                ),
                migrations.DeleteModel(
                    name='ShortCode',
                ),
            ],
            database_operations=[],
        ),
    ]
