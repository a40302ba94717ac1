import pytest
from django.core.cache import cache

from rathaus.childbenefit.models import BenefitRole
from rathaus.childbenefit.services import role_set
from rathaus.eservices.handlers import handler_for
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.receipts import receipt_store
from tests.childbenefit.applications import CHILD_TAX_IDS, apply, child, kindergeld_service
from tests.factories import UserFactory
from tests.fitconnect.loopback import ARS, CLIENT_ID, CLIENT_SECRET, FitConnectPeer, Keys


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys.make()


@pytest.fixture
def peer(keys):
    with FitConnectPeer(keys) as running:
        yield running


@pytest.fixture
def fitconnect(settings, peer, keys, tmp_path):
    """FIT-Connect switched on against the loopback peer; the destination found by routing."""
    anchors = tmp_path / "anchors.pem"
    anchors.write_bytes(keys.root_pem)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FIT_CONNECT_ENABLED = True
    settings.FIT_CONNECT_TOKEN_URL = f"{peer.url}/token"
    settings.FIT_CONNECT_CLIENT_ID = CLIENT_ID
    settings.FIT_CONNECT_CLIENT_SECRET = CLIENT_SECRET
    settings.FIT_CONNECT_SUBMISSION_URL = peer.url
    settings.FIT_CONNECT_ROUTING_URL = peer.url
    settings.FIT_CONNECT_ARS = ARS
    settings.FIT_CONNECT_DESTINATIONS = {}
    settings.FIT_CONNECT_TRUST_ANCHORS = str(anchors)
    settings.CHILDBENEFIT_HANDOVER_OUTBOX = "fitconnect"
    cache.clear()
    yield peer
    cache.clear()


@pytest.fixture
def handed_over(fitconnect, family_office, administrator):
    """A child-benefit application in the hand-over role, decided "forwarded": one delivery."""
    role_set(actor=administrator, role=BenefitRole.HANDOVER)
    case = apply(
        kindergeld_service(family_office),
        UserFactory(),
        [child("Leo", "2007-02-10", CHILD_TAX_IDS[1], period=("education", "2025-09-01", None))],
    )
    receipt_store(case=case)
    decision = handler_for(case.service).decide_automatically(case=case)
    case_decide(case=case, decision=decision, actor=None)
    return case
