"""Creating a page when another request takes its slug first (issue 13).

Wagtail 8 autosaves a new page, so the first autosave, the editor's own "Save draft", a second tab or a
colleague may post a page with the same slug under the same parent at nearly the same time. Wagtail's form
checks that the slug is free; if a page takes it before this one is saved, `Page.full_clean` raises a
ValidationError that nothing catches: a 500. This view is Wagtail's own create view, with the save made all or
nothing and such an error given back to the editor on the form (or, for an autosave, as its JSON error).
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.admin.views.pages.create import CreateView


class RaceSafeCreateView(CreateView):
    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            fields = getattr(error, "error_dict", None) or {None: error.error_list}
            for field, errors in fields.items():
                form.add_error(field if field in form.fields else None, errors)
            # Back to a page that was never saved: the form shows what the editor typed, with the reason.
            self.page = form.instance
            self.page.pk = self.page.id = None
            return self.form_invalid(form)
