"""HTTP to FIT-Connect: token, Routing API, Submission API. Errors sorted by what helps.

A network failure, a timeout, 429 or any 5xx is `Unavailable` (the engine tries again later with
growing pauses); any other 4xx is `DeliveryRefused` (another attempt would be refused the same
way). A 401 drops the cached token and asks once more. The access token is cached until shortly
before it expires, in the shared cache, so every worker uses the same token.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

import requests
from django.core.cache import cache

from rathaus.eservices.outboxes import DeliveryRefused
from rathaus.fitconnect import conf

TOKEN_MARGIN_SECONDS = 30
MAX_EVENT_PAGES = 20


class Unavailable(Exception):
    """FIT-Connect did not answer usefully now; the same request may work later."""


def _detail(response: requests.Response) -> str:
    text = response.text[:300]
    try:
        body = response.json()
    except ValueError:
        return text
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("title") or body.get("error") or text)[:300]
    return text


class Api:
    def __init__(self) -> None:
        self.session = requests.Session()
        self.timeout = conf.timeout()

    # -- token ---------------------------------------------------------------------------------
    def _token_key(self) -> str:
        client = f"{conf.setting('TOKEN_URL')}|{conf.setting('CLIENT_ID')}"
        return "fitconnect:token:" + hashlib.sha256(client.encode()).hexdigest()[:32]

    def token(self) -> str:
        cached = cache.get(self._token_key())
        if cached:
            return cached
        data = {
            "grant_type": "client_credentials",
            "client_id": conf.setting("CLIENT_ID"),
            "client_secret": conf.setting("CLIENT_SECRET"),
        }
        if conf.setting("SCOPE"):
            data["scope"] = conf.setting("SCOPE")
        response = self._send("POST", conf.setting("TOKEN_URL"), data=data)
        body = response.json()
        token = body.get("access_token")
        if not token:
            raise DeliveryRefused("The token endpoint answered without an access token.")
        lifetime = int(body.get("expires_in", 300)) - TOKEN_MARGIN_SECONDS
        if lifetime > 0:
            cache.set(self._token_key(), token, timeout=lifetime)
        return token

    # -- transport -----------------------------------------------------------------------------
    def _send(self, method: str, url: str, *, headers=None, allow=(), **kwargs):
        try:
            response = self.session.request(
                method, url, headers=headers, timeout=self.timeout, **kwargs
            )
        except (requests.ConnectionError, requests.Timeout) as error:
            raise Unavailable(f"{method} {url}: {type(error).__name__}") from None
        if response.status_code in allow or response.status_code < 400:
            return response
        if response.status_code == 429 or response.status_code >= 500:
            raise Unavailable(f"{method} {url} answered {response.status_code}")
        raise DeliveryRefused(
            f"{method} {url} answered {response.status_code}: {_detail(response)}"
        )

    def call(self, method: str, url: str, *, allow=(), headers=None, **kwargs):
        """An authorised request; a refused token is dropped and a fresh one tried once."""
        for _try in range(2):
            authorised = {"Authorization": f"Bearer {self.token()}", **(headers or {})}
            response = self._send(method, url, headers=authorised, allow=(401, *allow), **kwargs)
            if response.status_code != 401:
                return response
            cache.delete(self._token_key())
        raise DeliveryRefused(f"{method} {url}: the client credentials are not accepted.")

    # -- routing -------------------------------------------------------------------------------
    def route(self, *, leika: str, ars: str) -> tuple[str, str]:
        """(destination id, submission URL) of the destination responsible for this service here."""
        url = conf.setting("ROUTING_URL").rstrip("/") + "/v1/routes"
        response = self._send("GET", url, params={"leikaKey": leika, "ars": ars})
        routes = response.json().get("routes") or []
        if not routes:
            raise DeliveryRefused(f"No FIT-Connect destination serves LeiKa {leika} in {ars}.")
        first = routes[0]
        parameters = first.get("destinationParameters") or {}
        return first["destinationId"], parameters.get("submissionUrl") or conf.setting(
            "SUBMISSION_URL"
        )

    # -- submission API ------------------------------------------------------------------------
    @staticmethod
    def _url(base: str, *parts: str) -> str:
        return base.rstrip("/") + "/" + "/".join(quote(part, safe="") for part in parts)

    def destination(self, base: str, destination_id: str) -> dict:
        return self.call("GET", self._url(base, "v1", "destinations", destination_id)).json()

    def destination_key(self, base: str, destination_id: str, kid: str) -> dict:
        url = self._url(base, "v1", "destinations", destination_id, "keys", kid)
        return self.call("GET", url).json()

    def service_keys(self, base: str) -> list[dict]:
        url = base.rstrip("/") + "/.well-known/jwks.json"
        return self._send("GET", url).json().get("keys") or []

    def announce(self, base: str, body: dict) -> dict:
        return self.call("POST", self._url(base, "v1", "submissions"), json=body).json()

    def upload(self, base: str, submission_id: str, attachment_id: str, token: str) -> None:
        url = self._url(base, "v1", "submissions", submission_id, "attachments", attachment_id)
        self.call("PUT", url, data=token.encode(), headers={"Content-Type": "application/jose"})

    def submit(self, base: str, submission_id: str, body: dict) -> bool:
        """True when submitted now; False when the submission had been submitted already (409)."""
        url = self._url(base, "v1", "submissions", submission_id)
        return self.call("PUT", url, json=body, allow=(409,)).status_code != 409

    def event_log(self, base: str, fit_case_id: str) -> list[str]:
        url = self._url(base, "v1", "cases", fit_case_id, "events")
        tokens: list[str] = []
        for _page in range(MAX_EVENT_PAGES):
            body = self.call("GET", url, params={"offset": len(tokens), "limit": 500}).json()
            page = body.get("eventLog") or []
            tokens.extend(page)
            if not page or len(tokens) >= int(body.get("totalCount", len(tokens))):
                break
        return tokens
