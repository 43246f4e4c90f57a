"""The admin's CSV import: upload a file, read the dry-run report row by row, then confirm the same file.

Step one checks and dry-runs the upload and keeps it (``stash``); step two imports the kept file, so the
report the editor confirmed is the file that is imported. Any rejected row means nothing is imported.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .importer import import_rows
from .layouts import LAYOUTS
from .reading import FileRefused, read_rows
from .stash import StashExpired, discard, stash, unstash

REGISTER_CHOICES = [
    ("people", "People"),
    ("cemeteries", "Cemeteries"),
    ("burials", "Burials"),
    ("losses", "Aircraft losses"),
]


def can_import(user, register: str | None = None) -> bool:
    """Importing creates and changes records: the add and change permissions on the register's model."""
    registers = [register] if register else list(LAYOUTS)
    return any(
        user.has_perms([f"register.add_{model._meta.model_name}", f"register.change_{model._meta.model_name}"])
        for model in (LAYOUTS[key].model for key in registers)
    )


class UploadForm(forms.Form):
    register = forms.ChoiceField(choices=REGISTER_CHOICES, help_text="Which register the file holds.")
    file = forms.FileField(help_text="A CSV file in UTF-8, with the columns in docs/register-csv.md.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.REGISTER_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; the largest accepted here is {filesizeformat(limit)}. "
                "Split it, or ask an administrator to import it with the import_register command."
            )
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("Upload a .csv file (in a spreadsheet: Save as, 'CSV UTF-8').")
        return upload


class RegisterImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "register/import.html"
    page_title = "Import CSV"
    header_icon = "upload"
    form_class = UploadForm

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(request.POST["token"])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        register = form.cleaned_data["register"]
        if not can_import(self.request.user, register):
            raise PermissionDenied
        data = form.cleaned_data["file"].read()
        try:
            report = import_rows(LAYOUTS[register], read_rows(data, LAYOUTS[register]), dry_run=True)
        except FileRefused as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        token = "" if report.rejected else stash(data, register, self.request.user.pk)
        return self.render_to_response(self.get_context_data(form=form, report=report, token=token))

    def confirm(self, token: str):
        try:
            data, register = unstash(token, self.request.user.pk)
        except StashExpired:
            messages.error(self.request, "The uploaded file has expired or is not yours: upload it again.")
            return redirect("register_import")
        if not can_import(self.request.user, register):
            raise PermissionDenied
        report = import_rows(LAYOUTS[register], read_rows(data, LAYOUTS[register]), dry_run=False)
        if not report.applied:
            # The register changed since the dry run (e.g. a referenced record was deleted).
            messages.error(self.request, report.summary())
            return self.render_to_response(self.get_context_data(report=report, token=""))
        discard(token)
        messages.success(self.request, report.summary())
        return redirect("register_import")
