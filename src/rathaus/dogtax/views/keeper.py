"""The keeper's own dogs in their account: tag, status, tax account and the notices naming it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from rathaus.dogtax.selectors import keeper_overview


@login_required
def my_dogs(request):
    """Only the keeper's own household; anyone without one (another citizen, staff) gets 404."""
    account, dogs = keeper_overview(request.user)
    if account is None:
        raise Http404
    return render(request, "dogtax/keeper/my_dogs.html", {"account": account, "dogs": dogs})
