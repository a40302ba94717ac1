"""Machine endpoints of this domain, outside the language prefix."""

urlpatterns: list = []
