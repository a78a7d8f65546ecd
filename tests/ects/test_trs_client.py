"""The TRS client against a stand-in TRS API served on 127.0.0.1."""

from datetime import date

import pytest

from ects.trs import (
    API_VERSION,
    HttpTeacherRecordService,
    RecordDeactivated,
    RecordNotFound,
    ServiceUnavailable,
    check_teacher,
    teacher_record_service,
)
from tests.ects.trs_server import API_KEY

TODAY = date(2026, 12, 4)


@pytest.fixture
def client(trs_server):
    return HttpTeacherRecordService(trs_server.url, API_KEY, timeout_seconds=0.5)


def check(client, trn, date_of_birth, last_name):
    return check_teacher(client, trn=trn, date_of_birth=date_of_birth, last_name=last_name, today=TODAY)


def test_found_record_passes(client, trs_server):
    record = client.find("1000001", date(1999, 4, 1))

    assert record.trn == "1000001"
    assert record.last_name == "Rivers"
    assert record.qts_date == date(2026, 7, 10)
    assert record.induction_status == "RequiredToComplete"
    request = trs_server.requests_seen[-1]
    assert request["path"] == "/v3/persons/1000001"
    assert request["query"] == {"dateOfBirth": ["1999-04-01"], "include": ["Induction,Alerts"]}
    assert request["headers"]["authorization"] == f"Bearer {API_KEY}"
    assert request["headers"]["x-api-version"] == API_VERSION == "20260120"


def test_match_gives_passed_outcome(client):
    outcome = check(client, "1000001", date(1999, 4, 1), "rivers")

    assert outcome.passed
    assert outcome.qts_passed
    assert outcome.errors == []


def test_unknown_trn_not_found(client):
    with pytest.raises(RecordNotFound, match="No teacher record matches TRN 1999999"):
        client.find("1999999", date(1999, 4, 1))


def test_date_of_birth_mismatch_not_found(client):
    outcome = check(client, "1000001", date(1999, 4, 2), "Rivers")

    assert not outcome.passed
    assert outcome.error_field == "trn"
    assert "Check the TRN and the date of birth" in outcome.errors[0]


def test_last_name_mismatch_names_field(client):
    outcome = check(client, "1000001", date(1999, 4, 1), "Rivera")

    assert not outcome.passed
    assert outcome.error_field == "last_name"
    assert "The last name does not match" in outcome.errors[0]


def test_last_name_ignores_case_and_spaces(client):
    outcome = check(client, "1000013", date(1992, 12, 12), "  van der   BERG ")

    assert outcome.passed


def test_merged_record_keeps_new_trn(client, trs_server):
    record = client.find("1000002", date(2000, 5, 5))

    assert record.trn == "1000012"
    assert record.merged_from_trn == "1000002"
    assert [seen["path"] for seen in trs_server.requests_seen] == ["/v3/persons/1000002", "/v3/persons/1000012"]


def test_deactivated_record_raises(client):
    with pytest.raises(RecordDeactivated, match="deactivated"):
        client.find("1000003", date(1990, 1, 1))


def test_timeout_is_service_unavailable(client):
    with pytest.raises(ServiceUnavailable, match="Your answers are saved"):
        client.find("1000004", date(1999, 4, 1))


def test_server_error_is_service_unavailable(client):
    outcome = check(client, "1000014", date(1999, 4, 1), "Rivers")

    assert outcome.service_unavailable
    assert not outcome.passed


def test_refused_connection_is_service_unavailable():
    client = HttpTeacherRecordService("http://127.0.0.1:9", API_KEY, timeout_seconds=0.5)

    with pytest.raises(ServiceUnavailable):
        client.find("1000001", date(1999, 4, 1))


@pytest.mark.parametrize("trn", ["1000005", "1000015"])
def test_no_qts_fails_qts_check_only(client, trn):
    outcome = check(client, trn, date(1998, 2, 2), "Lee")

    assert outcome.passed
    assert not outcome.qts_passed
    assert "No QTS" in outcome.warnings[0]


@pytest.mark.parametrize("trn", ["1000006", "1000016"])
def test_prohibition_in_force_blocks(client, trn):
    outcome = check(client, trn, date(1997, 6, 6), "Brown")

    assert not outcome.passed
    assert "prohibition from teaching" in outcome.errors[0]


def test_ended_prohibition_does_not_block(client):
    outcome = check(client, "1000007", date(1996, 7, 7), "Green")

    assert outcome.passed
    assert len(outcome.record.alerts) == 1


@pytest.mark.parametrize(
    "trn, date_of_birth, last_name, shown",
    [
        ("1000008", date(1995, 8, 8), "White", "Passed"),
        ("1000009", date(1994, 9, 9), "Black", "Exempt"),
        ("1000010", date(1993, 10, 10), "Gray", "Failed"),
        ("1000011", date(1993, 11, 11), "Hill", "Failed in Wales"),
    ],
)
def test_finished_induction_blocks(client, trn, date_of_birth, last_name, shown):
    outcome = check(client, trn, date_of_birth, last_name)

    assert not outcome.passed
    assert f"induction status on the Teaching Record System is {shown}" in outcome.errors[0]


def test_settings_choose_http_client(trs_server):
    assert isinstance(teacher_record_service(), HttpTeacherRecordService)


def test_offline_directory_without_settings(settings):
    settings.TRS_API_URL = ""
    settings.TRS_API_KEY = ""
    service = teacher_record_service()

    assert check(service, "3100001", date(1999, 4, 1), "Rivers").passed
    assert service.find("3100002", date(2000, 5, 5)).trn == "3100012"
    assert not check(service, "3100005", date(1998, 2, 2), "Lee").qts_passed
    assert not check(service, "3100006", date(1997, 6, 6), "Brown").passed
    assert check(service, "3100007", date(1996, 7, 7), "Green").passed
    assert not check(service, "3100008", date(1995, 8, 8), "White").passed
    assert not check(service, "3100009", date(1994, 9, 9), "Black").passed
    with pytest.raises(RecordDeactivated):
        service.find("3100003", date(1990, 1, 1))
    with pytest.raises(ServiceUnavailable):
        service.find("3100004", date(1990, 1, 1))
    with pytest.raises(RecordNotFound):
        service.find("3100001", date(1999, 4, 2))
