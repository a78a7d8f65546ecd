"""The schedule for stored ECTs: calendars from the database, summaries,
report creation and the demo seeding."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from ects.models import ECT, PreviousSchool
from schedule import services
from schedule.calendar_rules import TermDates
from schedule.demo import TERM_DATES
from schedule.models import AcademicYear, Absence, Closure, ContractChange, Extension, Report, ReportRule
from tests.conftest import Organisation
from tests.factories import ECTFactory


def load_term_dates(appropriate_body, school=None):
    for start_year, terms, _ in TERM_DATES:
        services.save_term_dates(
            appropriate_body=appropriate_body,
            school=school,
            start_year=start_year,
            terms=[TermDates(*term) for term in terms],
        )


@pytest.fixture
def calendar_loaded(home: Organisation) -> Organisation:
    load_term_dates(home.appropriate_body)
    return home


def complete(report: Report) -> None:
    report.status = Report.Status.COMPLETED
    report.save(update_fields=["status"])


def test_summary_counts_full_time_terms(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))

    summary = services.schedule_summary(ect, as_at=date(2026, 7, 31))

    assert summary.fte_completed == Decimal("3.0")
    assert summary.fte_remaining == Decimal("3.0")


def test_summary_part_time_uses_days_per_week(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1), days_per_week=Decimal("3"))

    summary = services.schedule_summary(ect, as_at=date(2026, 7, 31))

    assert summary.fte_completed == Decimal("1.8")
    assert summary.fte_remaining == Decimal("4.2")


def test_summary_without_start_date(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=None)

    summary = services.schedule_summary(ect)

    assert summary.fte_completed is None
    assert not summary.has_schedule


def test_summary_waits_for_authorisation(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1), status=ECT.Status.AWAITING_AB)

    summary = services.schedule_summary(ect, as_at=date(2026, 7, 31))

    assert summary.fte_completed is None
    assert summary.notes == ("The schedule starts when the appropriate body authorises the registration.",)


def test_summary_counts_contract_change_and_extension(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))
    ContractChange.objects.create(ect=ect, starts_on=date(2026, 1, 5), days_per_week=Decimal("2.5"))
    Extension.objects.create(ect=ect, fte_terms=Decimal("1.0"), decided_on=date(2026, 7, 1))

    summary = services.schedule_summary(ect, as_at=date(2026, 7, 31))

    assert summary.fte_completed == Decimal("2.0")
    assert summary.fte_remaining == Decimal("5.0")


def test_summary_counts_previous_schools(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))
    PreviousSchool.objects.create(
        ect=ect,
        name="Hill School",
        address="1 Hill Road",
        appropriate_body_name="Southshire",
        start_date=date(2024, 9, 2),
        terms_completed=Decimal("1.5"),
    )

    summary = services.schedule_summary(ect, as_at=date(2025, 12, 19))

    assert summary.fte_completed == Decimal("2.5")
    assert summary.fte_remaining == Decimal("3.5")


def test_record_contract_change_replaces_same_day(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))

    services.record_contract_change(ect, starts_on=date(2026, 1, 5), days_per_week=Decimal("3"))
    services.record_contract_change(ect, starts_on=date(2026, 1, 5), days_per_week=Decimal("2.5"))

    assert list(ect.contract_changes.values_list("days_per_week", flat=True)) == [Decimal("2.5")]
    assert services.schedule_summary(ect, as_at=date(2026, 3, 27)).fte_completed == Decimal("1.5")


def test_summary_shows_absence_extension(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))
    Absence.objects.create(ect=ect, kind=Absence.Kind.SICKNESS, start_date=date(2026, 1, 5), end_date=date(2026, 2, 24))

    summary = services.schedule_summary(ect, as_at=date(2026, 7, 31))

    assert summary.absence_extension_days == 32
    assert summary.fte_remaining == Decimal("3.6")


def test_days_for_period_uses_closures(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))
    before = services.days_for_period(ect, date(2025, 9, 1), date(2025, 9, 12))
    year = AcademicYear.objects.get(appropriate_body=calendar_loaded.appropriate_body, start_year=2025)
    Closure.objects.create(academic_year=year, start_date=date(2025, 9, 1), end_date=date(2025, 9, 2))

    after = services.days_for_period(ect, date(2025, 9, 1), date(2025, 9, 12))

    assert before.served == 10
    assert after.served == 8
    assert after.absent == 0


def test_school_override_replaces_ab_calendar(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))
    own_terms = [
        TermDates("autumn", date(2025, 9, 8), date(2025, 12, 19)),
        TermDates("spring", date(2026, 1, 5), date(2026, 3, 27)),
        TermDates("summer", date(2026, 4, 13), date(2026, 7, 22)),
    ]
    services.save_term_dates(
        appropriate_body=calendar_loaded.appropriate_body, school=calendar_loaded.school, start_year=2025, terms=own_terms
    )

    days = services.days_for_period(ect, date(2025, 9, 1), date(2025, 9, 12))

    assert days.served == 5


def test_report_dates_default_and_rule(home):
    assert services.report_dates(home.appropriate_body.pk, "P", date(2026, 12, 18)) == (
        date(2026, 11, 27),
        date(2027, 1, 6),  # 10 working days, skipping Christmas, Boxing Day (substitute 28th) and New Year
    )
    ReportRule.objects.create(
        appropriate_body=home.appropriate_body, report_type="P", earliest_send_offset=-7, due_offset=14, working_days=False
    )

    assert services.report_dates(home.appropriate_body.pk, "P", date(2026, 12, 18)) == (
        date(2026, 12, 11),
        date(2027, 1, 1),
    )


def test_create_next_report_walks_the_timetable(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))
    created = []

    report = services.create_next_report(ect)
    while report is not None:
        created.append((report.type, report.assessment_number, report.period_start, report.period_end))
        complete(report)
        report = services.create_next_report(ect)

    # The term dates end in July 2027, so all six reports fit.
    assert [(kind, number) for kind, number, _, _ in created] == [
        ("P", None), ("P", None), ("A", 1), ("P", None), ("P", None), ("A", 2)
    ]
    assert created[0][2:] == (date(2025, 9, 1), date(2025, 12, 19))
    assert created[-1][2:] == (date(2027, 4, 12), date(2027, 7, 21))


def test_complete_report_creates_next(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))
    first = services.create_next_report(ect)

    second = services.complete_report(first)

    first.refresh_from_db()
    assert first.status == Report.Status.COMPLETED
    assert first.completed_at is not None
    assert (second.type, second.period_start, second.period_end) == ("P", date(2026, 1, 5), date(2026, 3, 27))
    assert second.status == Report.Status.NOT_STARTED


def test_create_next_report_returns_open_report(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))

    first = services.create_next_report(ect)
    again = services.create_next_report(ect)

    assert again == first
    assert ect.reports.count() == 1


def test_create_next_report_follows_ab_change(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))
    first = services.create_next_report(ect)
    first.period_end = date(2026, 1, 16)
    first.status = Report.Status.COMPLETED
    first.save()

    second = services.create_next_report(ect)

    assert second.period_start == date(2026, 1, 17)
    assert second.period_end == date(2026, 3, 27)


def test_create_next_report_none_after_interim(calendar_loaded):
    ect = ECTFactory(
        school=calendar_loaded.school, induction_start_date=date(2025, 9, 1), leaving_date=date(2026, 3, 27)
    )
    complete(services.create_next_report(ect))
    interim = services.create_next_report(ect)
    complete(interim)

    assert interim.type == Report.Type.INTERIM_ASSESSMENT
    assert services.create_next_report(ect) is None


def test_create_next_report_none_without_term_dates(home):
    ect = ECTFactory(school=home.school, induction_start_date=date(2025, 9, 1))

    assert services.create_next_report(ect) is None


def test_sync_reports_runs_once(calendar_loaded):
    ect = ECTFactory(school=calendar_loaded.school, induction_start_date=date(2025, 9, 1))

    first = services.sync_reports(ect, as_at=date(2026, 5, 1))
    second = services.sync_reports(ect, as_at=date(2026, 5, 1))

    assert [report.status for report in first] == ["completed", "completed", "not_started"]
    assert second == []


@pytest.mark.django_db
def test_seed_demo_reports_match_history(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")

    expected = {
        # TRN: (reports in order, FTE completed on 20 November 2026)
        "3000105": ("P", "0.0"),
        "3000106": ("PP", "1.6"),
        "3000107": ("PPA", "2.7"),
        "3000108": ("PPAP", "3.7"),
        "3000109": ("PPAPP", "4.7"),
        "3000110": ("PPAPPA", "5.7"),
        "3000111": ("PPPP", "2.2"),
        "3000112": ("PPP", "1.3"),
        "3000113": ("PI", "2.0"),
        "3000114": ("PPAPPA", "6.0"),
        "3000115": ("PPAPPA", "6.0"),
        "3000116": ("PPPA", "3.7"),
    }
    for trn, (types, fte) in expected.items():
        ect = ECT.objects.get(trn=trn)
        reports = list(ect.reports.order_by("period_start"))
        # A form the demo completes this term has already created the next
        # report, which starts after 20 November 2026.
        reports_so_far = [report for report in reports if report.period_start <= date(2026, 11, 20)]
        summary = services.schedule_summary(ect, as_at=date(2026, 11, 20))

        assert "".join(report.type for report in reports_so_far) == types, trn
        assert str(summary.fte_completed) == fte, trn
        open_reports = [report for report in reports if report.status != Report.Status.COMPLETED]
        if ect.status == ECT.Status.IN_PROGRESS:
            assert len(open_reports) == 1, trn
            assert open_reports[0] == reports[-1], trn
        else:
            assert open_reports == [], trn
    assert not Report.objects.filter(ect__status__in=["draft", "awaiting_signature", "awaiting_ab", "returned"]).exists()
