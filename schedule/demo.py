"""The schedule part of the demo world: the AB's term dates for 2024-25 to
2026-27, the seeded absence, and each seeded ECT's reports to date.

`DEMO_AS_AT` is the demo's "today" for reports: the ECTs in demo_data.py are
described as they stand in the autumn term of 2026, so reports whose period
ended before it are seeded as completed and the current one is left open.
"""

from datetime import date


from ects.models import ECT
from schedule import services
from schedule.calendar_rules import TermDates
from schedule.models import Absence, Closure

DEMO_AS_AT = date(2026, 11, 20)

# (start year, [(term, first day, last day, half term first day, half term last day)], [INSET days])
TERM_DATES = [
    (
        2024,
        [
            ("autumn", date(2024, 9, 2), date(2024, 12, 20), date(2024, 10, 28), date(2024, 11, 1)),
            ("spring", date(2025, 1, 6), date(2025, 4, 4), date(2025, 2, 17), date(2025, 2, 21)),
            ("summer", date(2025, 4, 22), date(2025, 7, 22), date(2025, 5, 26), date(2025, 5, 30)),
        ],
        [date(2024, 9, 2), date(2025, 7, 22)],
    ),
    (
        2025,
        [
            ("autumn", date(2025, 9, 1), date(2025, 12, 19), date(2025, 10, 27), date(2025, 10, 31)),
            ("spring", date(2026, 1, 5), date(2026, 3, 27), date(2026, 2, 16), date(2026, 2, 20)),
            ("summer", date(2026, 4, 13), date(2026, 7, 22), date(2026, 5, 25), date(2026, 5, 29)),
        ],
        [date(2025, 9, 1), date(2026, 7, 22)],
    ),
    (
        2026,
        [
            ("autumn", date(2026, 9, 1), date(2026, 12, 18), date(2026, 10, 26), date(2026, 10, 30)),
            ("spring", date(2027, 1, 4), date(2027, 3, 26), date(2027, 2, 15), date(2027, 2, 19)),
            ("summer", date(2027, 4, 12), date(2027, 7, 21), date(2027, 5, 31), date(2027, 6, 4)),
        ],
        [date(2026, 9, 1), date(2027, 7, 21)],
    ),
]

# Absence by TRN: 32 working days of sickness in the spring term of 2026
# (5 January to 13 February is 30 days, then 23 and 24 February after half term).
ABSENCES = {
    "3000116": [(Absence.Kind.SICKNESS, date(2026, 1, 5), date(2026, 2, 24), "Seeded: 32 days of sickness")],
}


def seed_schedule(appropriate_body) -> None:
    """Create the term dates, absence and reports; safe to run again."""
    for start_year, terms, inset_days in TERM_DATES:
        existing = appropriate_body.academic_years.filter(school__isnull=True, start_year=start_year).first()
        if existing is not None:
            continue
        academic_year = services.save_term_dates(
            appropriate_body=appropriate_body,
            school=None,
            start_year=start_year,
            terms=[TermDates(*term) for term in terms],
        )
        for day in inset_days:
            Closure.objects.create(
                academic_year=academic_year, kind=Closure.Kind.INSET, start_date=day, end_date=day, description="INSET day"
            )

    ects = ECT.objects.filter(school__appropriate_body=appropriate_body).select_related("school")
    for ect in ects:
        for kind, start, end, note in ABSENCES.get(ect.trn, []):
            Absence.objects.get_or_create(ect=ect, start_date=start, end_date=end, defaults={"kind": kind, "note": note})
        if ect.status in {ECT.Status.IN_PROGRESS, ECT.Status.LEFT, ECT.Status.PASSED, ECT.Status.FAILED}:
            services.sync_reports(ect, as_at=DEMO_AS_AT)
