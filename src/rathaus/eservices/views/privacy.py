"""My data: download everything, or delete the account."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rathaus.eservices.services.privacy import (
    AccountNotDeletable,
    account_delete,
    personal_data_export,
)


class DeleteAccountForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Your e-mail address"),
        help_text=gettext_lazy("Type your e-mail address to confirm that you mean it."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(_("This is not the e-mail address of your account."))
        return email


@login_required
def my_data(request):
    return render(
        request, "eservices/privacy/my_data.html", {"form": DeleteAccountForm(user=request.user)}
    )


@login_required
@require_POST
def export(request):
    content = personal_data_export(user=request.user)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="my-data-{timezone.localdate():%Y-%m-%d}.zip"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def delete_account(request):
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "eservices/privacy/my_data.html", {"form": form}, status=400)
    user = request.user
    try:
        account_delete(user=user)
    except AccountNotDeletable:
        messages.error(request, _("Staff accounts are removed by an administrator."))
        return redirect("eservices:my_data")
    logout(request)
    messages.success(request, _("Your account has been deleted."))
    return redirect("core:home")
