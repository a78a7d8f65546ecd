import pytest

from tests.ects.trs_server import API_KEY, StandInTRS


@pytest.fixture
def trs_server(settings):
    """Start the stand-in TRS API and point the settings at it."""
    with StandInTRS() as server:
        settings.TRS_API_URL = server.url
        settings.TRS_API_KEY = API_KEY
        settings.TRS_TIMEOUT_SECONDS = 0.5
        yield server
