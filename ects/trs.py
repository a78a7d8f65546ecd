"""The gateway to the Teaching Record System (TRS), the Department for
Education's record of teachers, through its API version 3.

`teacher_record_service()` returns the HTTP client when TRS_API_URL and
TRS_API_KEY are set, and otherwise the offline directory of demo records in
`ects.trs_demo`, which returns the same cases. Both return `TeacherRecord`
value objects and raise the `TRSError` subclasses below.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

# The API version this client is written against, sent in every request.
API_VERSION = "20260120"

# Induction statuses on the TRS with which a teacher cannot start induction.
BLOCKING_INDUCTION_STATUSES = frozenset({"Passed", "Failed", "FailedInWales", "Exempt"})

# How each induction status of the TRS API reads on a page.
INDUCTION_STATUS_LABELS = {
    "None": "No induction recorded",
    "RequiredToComplete": "Required to complete",
    "InProgress": "In progress",
    "Passed": "Passed",
    "Failed": "Failed",
    "FailedInWales": "Failed in Wales",
    "Exempt": "Exempt",
}


class TRSError(Exception):
    """A TRS lookup that gave no usable record, with a message fit to show the school."""


class RecordNotFound(TRSError):
    """No record has this TRN, or its date of birth is not the one given (the API does not say which)."""


class RecordDeactivated(TRSError):
    """The record was deactivated on the TRS."""


class ServiceUnavailable(TRSError):
    """The TRS request timed out, failed to connect, or returned a server error."""


@dataclass(frozen=True)
class Alert:
    type_name: str
    category_name: str
    start_date: date | None
    end_date: date | None

    @property
    def is_prohibition(self) -> bool:
        return "prohibition" in f"{self.type_name} {self.category_name}".lower()

    def is_in_force(self, today: date) -> bool:
        return self.end_date is None or self.end_date > today


@dataclass(frozen=True)
class TeacherRecord:
    trn: str
    first_name: str
    last_name: str
    date_of_birth: date
    qts_date: date | None
    induction_status: str
    alerts: tuple[Alert, ...] = ()
    # The requested TRN, when the TRS returned a merged record under a new TRN.
    merged_from_trn: str = ""

    @property
    def has_qts(self) -> bool:
        return self.qts_date is not None

    def prohibitions_in_force(self, today: date) -> list[Alert]:
        return [alert for alert in self.alerts if alert.is_prohibition and alert.is_in_force(today)]


class TeacherRecordService(Protocol):
    def find(self, trn: str, date_of_birth: date) -> TeacherRecord: ...


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def record_from_json(data: dict, *, merged_from_trn: str = "") -> TeacherRecord:
    """Build a TeacherRecord from the JSON body of GET /v3/persons/{trn}."""
    qts = data.get("qts") or {}
    induction = data.get("induction") or {}
    alerts = []
    for alert in data.get("alerts") or []:
        alert_type = alert.get("alertType") or {}
        alerts.append(
            Alert(
                type_name=alert_type.get("name", ""),
                category_name=(alert_type.get("alertCategory") or {}).get("name", ""),
                start_date=parse_date(alert.get("startDate")),
                end_date=parse_date(alert.get("endDate")),
            )
        )
    return TeacherRecord(
        trn=data["trn"],
        first_name=data.get("firstName", ""),
        last_name=data.get("lastName", ""),
        date_of_birth=parse_date(data.get("dateOfBirth")),
        qts_date=parse_date(qts.get("holdsFrom")),
        induction_status=induction.get("status") or "None",
        alerts=tuple(alerts),
        merged_from_trn=merged_from_trn,
    )


class HttpTeacherRecordService:
    """The real TRS API client."""

    def __init__(self, base_url: str, api_key: str, timeout_seconds: float = 10.0):
        self.base_url = base_url.rstrip("/") + "/"
        self.api_key = api_key
        self.timeout_seconds = timeout_seconds

    def find(self, trn: str, date_of_birth: date) -> TeacherRecord:
        """Fetch the record for `trn` whose date of birth is `date_of_birth`.

        A 308 answer means the record was merged into another: the client
        follows its Location once and keeps the new TRN.
        """
        url = urljoin(self.base_url, f"v3/persons/{trn}")
        response = self._get(url, date_of_birth)
        merged_from = ""
        if response.status_code == 308:
            location = response.headers.get("Location", "")
            if not location:
                logger.warning("TRS returned 308 for TRN %s with no Location header", trn)
                raise ServiceUnavailable(service_unavailable_message())
            logger.info("TRS record for TRN %s was merged; following %s", trn, location)
            merged_from = trn
            # The query is sent again from our own parameters, so drop any the Location carries.
            response = self._get(urljoin(url, urlsplit(location).path), date_of_birth)

        if response.status_code == 200:
            try:
                return record_from_json(response.json(), merged_from_trn=merged_from)
            except (ValueError, KeyError, TypeError) as error:
                logger.warning("TRS response for TRN %s has an invalid body: %s", trn, error)
                raise ServiceUnavailable(service_unavailable_message()) from error
        if response.status_code == 404:
            raise RecordNotFound(not_found_message(trn))
        if response.status_code == 410:
            raise RecordDeactivated(deactivated_message(trn))
        logger.warning("TRS request for TRN %s failed with HTTP %s", trn, response.status_code)
        raise ServiceUnavailable(service_unavailable_message())

    def _get(self, url: str, date_of_birth: date) -> requests.Response:
        try:
            return requests.get(
                url,
                params={"dateOfBirth": date_of_birth.isoformat(), "include": "Induction,Alerts"},
                headers={
                    "Authorization": f"Bearer {self.api_key}",
                    "X-Api-Version": API_VERSION,
                    "Accept": "application/json",
                },
                timeout=self.timeout_seconds,
                allow_redirects=False,
            )
        except requests.RequestException as error:
            logger.warning("TRS request to %s failed: %s", url, type(error).__name__)
            raise ServiceUnavailable(service_unavailable_message()) from error


def not_found_message(trn: str) -> str:
    return (
        f"No teacher record matches TRN {trn} with this date of birth. "
        "Check the TRN and the date of birth with the ECT."
    )


def deactivated_message(trn: str) -> str:
    return (
        f"The teacher record for TRN {trn} has been deactivated. "
        "Ask the ECT for their current TRN, or contact your appropriate body."
    )


def service_unavailable_message() -> str:
    return "The Teaching Record System is not answering at the moment. Your answers are saved: try again later."


def teacher_record_service() -> TeacherRecordService:
    """Return the HTTP client when TRS_API_URL and TRS_API_KEY are set, else the offline demo directory."""
    if settings.TRS_API_URL and settings.TRS_API_KEY:
        return HttpTeacherRecordService(settings.TRS_API_URL, settings.TRS_API_KEY, settings.TRS_TIMEOUT_SECONDS)

    from ects.trs_demo import OfflineTeacherRecordService

    return OfflineTeacherRecordService()


@dataclass
class CheckOutcome:
    """The result of a TRS lookup for a registration: the record, blocking errors and warnings for the AB."""

    record: TeacherRecord | None = None
    # Problems that stop the registration, each naming the value to check.
    errors: list[str] = field(default_factory=list)
    # Problems the AB must see, which do not stop the school.
    warnings: list[str] = field(default_factory=list)
    # A field the error belongs to, so a form can show it there.
    error_field: str = ""
    service_unavailable: bool = False

    @property
    def passed(self) -> bool:
        return self.record is not None and not self.errors

    @property
    def qts_passed(self) -> bool:
        return self.passed and self.record.has_qts


def normalise_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def assess_record(record: TeacherRecord, *, last_name: str, today: date) -> CheckOutcome:
    """Compare a record with the school's answers and apply the rules that block induction."""
    outcome = CheckOutcome(record=record)
    if normalise_name(record.last_name) != normalise_name(last_name):
        outcome.errors.append(
            f"The last name does not match the teacher record for TRN {record.trn}. "
            "Check the ECT's last name as the Teaching Record System holds it, for example a previous name."
        )
        outcome.error_field = "last_name"
    if record.induction_status in BLOCKING_INDUCTION_STATUSES:
        status = INDUCTION_STATUS_LABELS.get(record.induction_status, record.induction_status)
        outcome.errors.append(
            f"This teacher cannot start induction: their induction status on the Teaching Record System is "
            f"{status}. Contact your appropriate body if you think this is wrong."
        )
    if record.prohibitions_in_force(today):
        outcome.errors.append(
            "This teacher cannot be registered: the Teaching Record System holds a prohibition from teaching "
            "that is in force. Contact your appropriate body."
        )
    if not record.has_qts:
        outcome.warnings.append("No QTS: the Teaching Record System holds no date for qualified teacher status.")
    return outcome


def check_teacher(
    service: TeacherRecordService, *, trn: str, date_of_birth: date, last_name: str, today: date
) -> CheckOutcome:
    """Look the teacher up and assess the record; lookup failures become errors on the outcome."""
    try:
        record = service.find(trn, date_of_birth)
    except ServiceUnavailable as error:
        return CheckOutcome(errors=[str(error)], service_unavailable=True)
    except TRSError as error:
        return CheckOutcome(errors=[str(error)], error_field="trn")
    return assess_record(record, last_name=last_name, today=today)


def outcome_as_json(outcome: CheckOutcome) -> dict:
    """Return the outcome in the form stored on the ECT and shown to the AB."""
    record = outcome.record
    return {
        "passed": outcome.passed,
        "qts_passed": outcome.qts_passed,
        "errors": outcome.errors,
        "warnings": outcome.warnings,
        "record": None
        if record is None
        else {
            "trn": record.trn,
            "first_name": record.first_name,
            "last_name": record.last_name,
            "date_of_birth": record.date_of_birth.isoformat() if record.date_of_birth else None,
            "qts_date": record.qts_date.isoformat() if record.qts_date else None,
            "induction_status": record.induction_status,
            "induction_status_label": INDUCTION_STATUS_LABELS.get(record.induction_status, record.induction_status),
            "merged_from_trn": record.merged_from_trn,
        },
    }
