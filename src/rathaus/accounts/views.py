from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.translation import gettext as _
from django.utils.translation import override

from rathaus.accounts.forms import ProfileForm
from rathaus.accounts.selectors import verified_attributes
from rathaus.accounts.services import user_update_profile
from rathaus.core.navigation import account_links


@login_required
def profile(request):
    return render(
        request,
        "accounts/profile.html",
        {
            "attributes": verified_attributes(request.user).values(),
            "links": account_links(request.user),
        },
    )


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
