"""An offline directory of demo teacher records, used in place of the Teaching
Record System when TRS_API_URL and TRS_API_KEY are not set.

It holds a record for every demo ECT (from `ectm.demo_data`) and one extra
teacher per response the real service can give, listed in `DEMO_TEACHERS` so the
demo's help text and README can show them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from ects.trs import (
    RecordDeactivated,
    RecordNotFound,
    ServiceUnavailable,
    TeacherRecord,
    deactivated_message,
    not_found_message,
    record_from_json,
    service_unavailable_message,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoTeacher:
    trn: str
    first_name: str
    last_name: str
    date_of_birth: date
    qts_date: date | None
    induction_status: str = "RequiredToComplete"
    prohibition_end: date | None = None
    prohibited: bool = False
    case: str = ""


DEMO_TEACHERS = [
    DemoTeacher("3100001", "Sam", "Rivers", date(1999, 4, 1), date(2026, 7, 15), case="a record that matches"),
    DemoTeacher(
        "3100012",
        "Alex",
        "Moore",
        date(2000, 5, 5),
        date(2026, 7, 15),
        case="the record that TRN 3100002 was merged into",
    ),
    DemoTeacher("3100005", "Jordan", "Lee", date(1998, 2, 2), None, case="no QTS"),
    DemoTeacher(
        "3100006",
        "Casey",
        "Brown",
        date(1997, 6, 6),
        date(2025, 7, 1),
        prohibited=True,
        case="a prohibition from teaching in force",
    ),
    DemoTeacher(
        "3100007",
        "Robin",
        "Green",
        date(1996, 7, 7),
        date(2025, 7, 1),
        prohibited=True,
        prohibition_end=date(2025, 1, 31),
        case="a prohibition that has ended",
    ),
    DemoTeacher(
        "3100008",
        "Taylor",
        "White",
        date(1995, 8, 8),
        date(2020, 7, 1),
        induction_status="Passed",
        case="induction already passed",
    ),
    DemoTeacher(
        "3100009",
        "Morgan",
        "Black",
        date(1994, 9, 9),
        date(2019, 7, 1),
        induction_status="Exempt",
        case="exempt from induction",
    ),
    DemoTeacher(
        "3100010",
        "Jamie",
        "Gray",
        date(1993, 10, 10),
        date(2018, 7, 1),
        induction_status="Failed",
        case="induction failed",
    ),
]

# TRNs merged into another record: the old TRN maps to the new one.
MERGED = {"3100002": "3100012"}
DEACTIVATED = {"3100003"}
# Asking for this TRN behaves as if the service timed out.
UNAVAILABLE = {"3100004"}

DEMO_CASE_NOTES = [
    ("3100002", "a record merged into TRN 3100012 (date of birth 5 May 2000, last name Moore)"),
    ("3100003", "a deactivated record (any date of birth)"),
    ("3100004", "the service not answering (any date of birth)"),
]


def demo_teachers() -> list[DemoTeacher]:
    """Return the extra teachers and a clean record for every demo ECT."""
    from ectm.demo_data import ECTS

    teachers = list(DEMO_TEACHERS)
    for ect in ECTS:
        teachers.append(
            DemoTeacher(ect.trn, ect.first_name, ect.last_name, ect.date_of_birth, demo_qts_date(ect.start))
        )
    return teachers


def demo_qts_date(induction_start: date | None) -> date:
    """Return 10 July before the induction start: the QTS date every demo ECT has."""
    start = induction_start or date(2026, 9, 1)
    return date(start.year if start.month >= 9 else start.year - 1, 7, 10)


def teacher_json(teacher: DemoTeacher) -> dict:
    """Return the teacher as the TRS API's GET /v3/persons/{trn} body."""
    alerts = []
    if teacher.prohibited:
        alerts.append(
            {
                "alertId": f"demo-{teacher.trn}",
                "alertType": {
                    "alertTypeId": "demo-prohibition",
                    "name": "Prohibition from teaching",
                    "alertCategory": {"alertCategoryId": "demo-misconduct", "name": "Teacher misconduct"},
                },
                "startDate": "2024-01-15",
                "endDate": teacher.prohibition_end.isoformat() if teacher.prohibition_end else None,
            }
        )
    return {
        "trn": teacher.trn,
        "firstName": teacher.first_name,
        "lastName": teacher.last_name,
        "dateOfBirth": teacher.date_of_birth.isoformat(),
        "qts": {"holdsFrom": teacher.qts_date.isoformat()} if teacher.qts_date else None,
        "induction": {"status": teacher.induction_status},
        "alerts": alerts,
    }


class OfflineTeacherRecordService:
    """A teacher record service backed by the demo directory, raising the same errors as the HTTP client."""

    def find(self, trn: str, date_of_birth: date) -> TeacherRecord:
        if trn in UNAVAILABLE:
            logger.warning("Demo TRS directory: simulating a timeout for TRN %s", trn)
            raise ServiceUnavailable(service_unavailable_message())
        if trn in DEACTIVATED:
            raise RecordDeactivated(deactivated_message(trn))
        requested_trn = trn
        trn = MERGED.get(trn, trn)
        teacher = next((teacher for teacher in demo_teachers() if teacher.trn == trn), None)
        if teacher is None or teacher.date_of_birth != date_of_birth:
            raise RecordNotFound(not_found_message(requested_trn))
        return record_from_json(teacher_json(teacher), merged_from_trn=requested_trn if requested_trn != trn else "")
