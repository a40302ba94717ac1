"""Language selection: URL prefix for pages, cookie or Accept-Language for everything else.

- Pages live under `i18n_patterns`: German without a prefix, English under `/en/`.
- A first visit to a German page from a browser that prefers English (and has no language
  cookie yet) is redirected to the English page; once a person switches language, the cookie
  decides.
- Visiting a page under a prefix keeps the language cookie in step, so pages outside the
  prefixes (sign-in, API) speak the language the person is browsing in.
- Machine endpoints (API, health, OGC, catalogue) follow the cookie, then `Accept-Language`.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers


def _is_page_path(request) -> bool:
    """True when the unprefixed path is a page that also exists under a language prefix."""
    urlconf = getattr(request, "urlconf", None)
    other = next(code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE)
    # The language prefix pattern only matches the prefix of the active language.
    with translation.override(other):
        return bool(is_valid_path(f"/{other}{request.path_info}", urlconf))


class PreferredLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        path_language = translation.get_language_from_path(request.path_info)
        is_page = bool(path_language) or _is_page_path(request)
        if path_language:
            language = path_language
        elif is_page:
            language = settings.LANGUAGE_CODE
            preferred = translation.get_language_from_request(request, check_path=False)
            if preferred != language and request.method in ("GET", "HEAD"):
                target = f"/{preferred}{request.get_full_path()}"
                response = HttpResponseRedirect(target)
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        else:
            language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        request.keeps_language_cookie = is_page
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(request, "keeps_language_cookie", False):
            patch_vary_headers(response, ("Cookie",))
            language = translation.get_language()
            if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                    secure=settings.SESSION_COOKIE_SECURE,
                )
        return response
