"""Public pages of the dog tax."""

from django.shortcuts import render

from rathaus.dogtax.calculator import calculator
from rathaus.dogtax.selectors import current_statute


def calculator_page(request):
    """The dog-tax calculator: works without JavaScript (a GET form, see ``calculator``)."""
    statute = current_statute()
    page = calculator(request.GET, statute=statute)
    return render(request, "dogtax/calculator.html", {"page": page, "statute": statute})
