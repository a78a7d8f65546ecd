"""Objects of the schedule app for the access matrix, owned by one organisation."""

from datetime import date

from schedule.models import AcademicYear, Absence, Closure, ContractChange, Report, Term
from tests.conftest import Organisation


def academic_year(home: Organisation) -> AcademicYear:
    year, created = AcademicYear.objects.get_or_create(appropriate_body=home.appropriate_body, school=None, start_year=2025)
    if created:
        Term.objects.create(academic_year=year, name="autumn", start_date=date(2025, 9, 1), end_date=date(2025, 12, 19))
        Term.objects.create(academic_year=year, name="spring", start_date=date(2026, 1, 5), end_date=date(2026, 3, 27))
        Term.objects.create(academic_year=year, name="summer", start_date=date(2026, 4, 13), end_date=date(2026, 7, 22))
    return year


def report(home: Organisation) -> Report:
    return Report.objects.create(
        ect=home.ect,
        type=Report.Type.PROGRESS_REVIEW,
        period_start=date(2025, 9, 1),
        period_end=date(2025, 12, 19),
        earliest_send_date=date(2025, 11, 28),
        due_date=date(2026, 1, 7),
    )


def closure_kwargs(home: Organisation) -> dict:
    year = academic_year(home)
    closure = Closure.objects.create(academic_year=year, start_date=date(2025, 9, 1), end_date=date(2025, 9, 1))
    return {"year_id": year.pk, "closure_id": closure.pk}


def absence_kwargs(home: Organisation) -> dict:
    absence = Absence.objects.create(ect=home.ect, start_date=date(2025, 9, 8), end_date=date(2025, 9, 9))
    return {"ect_id": home.ect.pk, "absence_id": absence.pk}


def contract_change_kwargs(home: Organisation) -> dict:
    change = ContractChange.objects.create(ect=home.ect, starts_on=date(2026, 1, 5), days_per_week=3)
    return {"ect_id": home.ect.pk, "change_id": change.pk}
