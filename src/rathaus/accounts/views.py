from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django.views.decorators.http import require_POST

from rathaus.accounts.forms import ProfileForm
from rathaus.accounts.models import ApiToken
from rathaus.accounts.privacy import (
    AccountNotDeletable,
    account_delete,
    personal_data_export,
)
from rathaus.accounts.selectors import verified_attributes
from rathaus.accounts.services import user_update_profile
from rathaus.accounts.tokens import api_token_revoke, tokens_of
from rathaus.core.navigation import account_links


@login_required
def profile(request):
    return render(
        request,
        "accounts/profile.html",
        {
            "attributes": verified_attributes(request.user).values(),
            "tokens": tokens_of(request.user),
            "links": account_links(request.user),
        },
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The API token has been revoked; it no longer works."))
    return redirect("accounts:profile")


@login_required
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = user_update_profile(user=request.user, actor=request.user, **form.cleaned_data)
        with override(user.language):
            messages.success(request, _("Your settings have been saved."))
        # Show the profile in the language just chosen; the prefixed page sets the cookie.
        return redirect(translate_url(reverse("accounts:profile"), user.language))
    return render(request, "accounts/profile_edit.html", {"form": form})


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
    return render(request, "accounts/my_data.html", {"form": DeleteAccountForm(user=request.user)})


@login_required
@require_POST
def my_data_export(request):
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
        return render(request, "accounts/my_data.html", {"form": form}, status=400)
    try:
        account_delete(user=request.user)
    except AccountNotDeletable:
        messages.error(request, _("Staff accounts are removed by an administrator."))
        return redirect("accounts:my_data")
    logout(request)
    messages.success(request, _("Your account has been deleted."))
    return redirect("core:home")
