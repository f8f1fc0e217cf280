"""The office translates, and sees one set of groups and one workflow.

- The office's editors and moderators may submit pages for translation and sync translations
  (wagtail-localize's `submit_translation`), on sites seeded before this migration. (`seed_malang` gives it
  to the groups it creates on a new site.)
- Wagtail's own default groups ("Editors", "Moderators") and workflow ("Moderators approval") sit beside
  the office's and confuse the choice in the admin. They are removed when nothing depends on them: a default
  group with members is kept (an office that uses it keeps it), and the default workflow is kept while a
  page is in moderation under it, and switched off rather than deleted when it has a history.
"""

from django.db import migrations

OFFICE_GROUPS = ("Tourism office editors", "Tourism office moderators")
DEFAULT_GROUPS = ("Editors", "Moderators")
DEFAULT_WORKFLOW = "Moderators approval"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    for group in Group.objects.filter(name__in=OFFICE_GROUPS):
        group.permissions.add(permission)

    for group in Group.objects.filter(name__in=DEFAULT_GROUPS):
        if not group.user_set.exists():
            group.delete()

    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        if WorkflowState.objects.filter(workflow=workflow, status="in_progress").exists():
            continue
        if WorkflowState.objects.filter(workflow=workflow).exists():
            # Its history of approvals stays: the workflow is only switched off and taken off its pages.
            WorkflowPage.objects.filter(workflow=workflow).delete()
            WorkflowContentType.objects.filter(workflow=workflow).delete()
            workflow.active = False
            workflow.save(update_fields=["active"])
            continue
        task_ids = list(WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True))
        workflow.delete()  # its pages (WorkflowPage) and task links go with it
        for task in Task.objects.filter(pk__in=task_ids, name=DEFAULT_WORKFLOW):
            if not WorkflowTask.objects.filter(task=task).exists():
                task.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
