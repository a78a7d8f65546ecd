"""The schedule for stored ECTs: builds engine inputs from the database and
writes Report rows from the timetable.

Other apps use `schedule_summary`, `days_for_period`, `create_next_report`
(when the AB authorises a registration), `complete_report` (when a report's
last signature is in), `record_contract_change` (next term's contract on a
review) and `report_dates`. The arithmetic is in the schedule/engine package.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ects.models import ECT, REGISTRATION_STATUSES, PreviousSchool
from organisations.models import School
from schedule import engine
from schedule.bank_holidays import bank_holidays_in_england
from schedule.models import (
    AcademicYear,
    Absence,
    ContractChange,
    Extension,
    Report,
    ReportRule,
    Term,
)

logger = logging.getLogger(__name__)

# Used when an AB has not set its own rule: (earliest send, due) in working days from the period end.
DEFAULT_REPORT_RULES = {
    Report.Type.PROGRESS_REVIEW: (-15, 10),
    Report.Type.ASSESSMENT: (-15, 10),
    Report.Type.INTERIM_ASSESSMENT: (-10, 10),
}

ENDED_STATUSES = {ECT.Status.PASSED, ECT.Status.FAILED}


# Building engine inputs.


def academic_years_for(school: School) -> list[AcademicYear]:
    """Return the calendar in force for each academic year: the school's own where it
    has one, otherwise its AB's."""
    years = (
        AcademicYear.objects.filter(appropriate_body_id=school.appropriate_body_id)
        .filter(school__isnull=True)
        .prefetch_related("terms", "closures")
    )
    overrides = AcademicYear.objects.filter(school=school).prefetch_related("terms", "closures")
    chosen = {year.start_year: year for year in years}
    chosen.update({year.start_year: year for year in overrides})
    return [chosen[start_year] for start_year in sorted(chosen)]


def build_calendar(years: list[AcademicYear]) -> engine.Calendar:
    terms = []
    closures = []
    for year in years:
        for term in year.terms.all():
            breaks = ()
            if term.half_term_start and term.half_term_end:
                breaks = (engine.DateRange(term.half_term_start, term.half_term_end),)
            terms.append(
                engine.Term(f"{term.get_name_display()} {year.label}", term.start_date, term.end_date, breaks)
            )
        closures.extend(engine.DateRange(closure.start_date, closure.end_date) for closure in year.closures.all())
    if not years:
        return engine.Calendar([])
    holidays = bank_holidays_in_england(years[0].start_year, years[-1].start_year + 1)
    return engine.Calendar(terms, closures, holidays)


def calendar_for_school(school: School) -> engine.Calendar:
    return build_calendar(academic_years_for(school))


def induction_for(ect: ECT) -> engine.Induction | None:
    """Build the engine's view of an ECT, or None before their induction has a start date."""
    if ect.induction_start_date is None:
        return None
    previous_schools = list(PreviousSchool.objects.filter(ect=ect))
    earlier = sum((school.terms_completed for school in previous_schools), Decimal(0))
    extension = sum((row.fte_terms for row in Extension.objects.filter(ect=ect)), Decimal(0))
    return engine.Induction(
        start=ect.induction_start_date,
        days_per_week=engine.as_fraction(ect.days_per_week),
        contract_changes=tuple(
            engine.ContractChange(change.starts_on, engine.as_fraction(change.days_per_week))
            for change in ContractChange.objects.filter(ect=ect)
        ),
        leaving_date=ect.leaving_date,
        absences=tuple(
            engine.Absence(
                absence.start_date,
                absence.end_date,
                engine.AbsenceKind(absence.kind),
                absence.ect_chose_extension,
            )
            for absence in Absence.objects.filter(ect=ect)
        ),
        earlier_fte=engine.as_fraction(earlier),
        earlier_absence_days=sum(school.days_absent for school in previous_schools),
        extension_fte=engine.as_fraction(extension),
    )


def schedule_for(ect: ECT, as_at: date | None = None, calendar: engine.Calendar | None = None):
    """Compute an ECT's schedule, or None before their induction has a start date."""
    induction = induction_for(ect)
    if induction is None:
        return None
    if calendar is None:
        calendar = calendar_for_school(ect.school)
    return engine.compute_schedule(calendar, induction, as_at or timezone.localdate())


# What other pages show.


@dataclass(frozen=True)
class ScheduleSummary:
    """An ECT's FTE terms and reports, ready for a page."""

    fte_completed: Decimal | None
    fte_remaining: Decimal | None
    fte_required: Decimal | None
    absence_extension: Decimal | None
    absence_extension_days: int | None
    reports: list[Report]
    next_report: Report | None
    notes: tuple[str, ...]
    schedule: engine.Schedule | None

    @property
    def has_schedule(self) -> bool:
        return self.schedule is not None


def schedule_summary(ect: ECT, as_at: date | None = None) -> ScheduleSummary:
    """Summarise FTE completed and remaining (one decimal place) and the ECT's reports."""
    reports = list(ect.reports.order_by("period_start", "pk"))
    next_report = next((report for report in reports if report.status != Report.Status.COMPLETED), None)
    if ect.status in REGISTRATION_STATUSES:
        notes = ("The schedule starts when the appropriate body authorises the registration.",)
        return ScheduleSummary(None, None, None, None, None, reports, next_report, notes, None)
    schedule = schedule_for(ect, as_at)
    if schedule is None:
        notes = ("The schedule starts once the induction start date is entered.",)
        return ScheduleSummary(None, None, None, None, None, reports, next_report, notes, None)
    return ScheduleSummary(
        fte_completed=schedule.fte_completed_display,
        fte_remaining=schedule.fte_remaining_display,
        fte_required=engine.one_place_up(schedule.fte_required),
        absence_extension=engine.one_place_up(schedule.absence_extension_fte),
        absence_extension_days=engine.round_half_up(schedule.absence_extension_days),
        reports=reports,
        next_report=next_report,
        notes=schedule.notes,
        schedule=schedule,
    )


def days_for_period(ect: ECT, start: date, end: date) -> engine.PeriodDays | None:
    """Count an ECT's days served and days absent from `start` to `end`, both included.

    `.served` and `.absent` are whole days, and `.served_exact` and `.absent_exact`
    keep the fractions. None before the induction has a start date.
    """
    induction = induction_for(ect)
    if induction is None:
        return None
    return engine.days_for_period(calendar_for_school(ect.school), induction, start, end)


# Report dates and creation.


def add_working_days(day: date, count: int) -> date:
    """Move `count` working days (Monday to Friday, not bank holidays) from `day`."""
    holidays = bank_holidays_in_england(day.year - 1, day.year + 1)
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    while remaining:
        day += timedelta(days=step)
        if day.weekday() < 5 and day not in holidays:
            remaining -= 1
    return day


def report_dates(appropriate_body_id: int, report_type: str, period_end: date) -> tuple[date, date]:
    """Return (earliest send date, due date) for a report under its AB's rule."""
    rule = ReportRule.objects.filter(appropriate_body_id=appropriate_body_id, report_type=report_type).first()
    if rule is None:
        earliest_offset, due_offset = DEFAULT_REPORT_RULES[Report.Type(report_type)]
        working_days = True
    else:
        earliest_offset, due_offset, working_days = rule.earliest_send_offset, rule.due_offset, rule.working_days
    if working_days:
        return add_working_days(period_end, earliest_offset), add_working_days(period_end, due_offset)
    return period_end + timedelta(days=earliest_offset), period_end + timedelta(days=due_offset)


def _report_from_plan(ect: ECT, planned: engine.PlannedReport, period_start: date) -> Report:
    earliest, due = report_dates(ect.school.appropriate_body_id, planned.type.value, planned.period_end)
    return Report(
        ect=ect,
        type=planned.type.value,
        assessment_number=planned.assessment_number,
        period_start=period_start,
        period_end=planned.period_end,
        earliest_send_date=earliest,
        due_date=due,
    )


def _next_planned(timetable, last: Report | None) -> tuple[engine.PlannedReport, date] | None:
    if last is None:
        return (timetable[0], timetable[0].period_start) if timetable else None
    for planned in timetable:
        if planned.period_end > last.period_end:
            return planned, max(planned.period_start, last.period_end + timedelta(days=1))
    return None


@transaction.atomic
def create_next_report(ect: ECT, as_at: date | None = None) -> Report | None:
    """Create the ECT's next report from the timetable.

    Returns the open report instead when one is already waiting, and None when
    induction is complete, has ended, or the term dates do not reach the next period.
    """
    ect = ECT.objects.select_for_update().select_related("school").get(pk=ect.pk)
    reports = list(ect.reports.order_by("period_end", "pk"))
    open_report = next((report for report in reports if report.status != Report.Status.COMPLETED), None)
    if open_report is not None:
        return open_report
    last = reports[-1] if reports else None
    # An extension decided at or after the final assessment reopens the timetable.
    extended = last is not None and ect.extensions.filter(decided_on__gte=last.period_start).exists()
    if ect.status in ENDED_STATUSES or (last is not None and last.is_final_assessment and not extended):
        return None
    if last is not None and last.type == Report.Type.INTERIM_ASSESSMENT:
        return None

    schedule = schedule_for(ect, as_at)
    if schedule is None:
        return None
    found = _next_planned(schedule.timetable, last)
    if found is None:
        logger.info("No next report for ECT %s: timetable has no later period", ect.pk)
        return None
    planned, period_start = found
    report = _report_from_plan(ect, planned, period_start)
    report.save()
    logger.info("Created %s report %s for ECT %s", report.type, report.pk, ect.pk)
    return report


@transaction.atomic
def complete_report(report: Report, as_at: date | None = None) -> Report | None:
    """Mark a report completed and create the ECT's next one; return the next report, if any."""
    report.status = Report.Status.COMPLETED
    report.completed_at = timezone.now()
    report.save(update_fields=["status", "completed_at"])
    logger.info("Report %s completed for ECT %s", report.pk, report.ect_id)
    return create_next_report(report.ect, as_at)


@transaction.atomic
def sync_reports(ect: ECT, as_at: date) -> list[Report]:
    """Create every report of the timetable that has started by `as_at`, marking those
    whose period ended before `as_at` as completed. Does nothing when the ECT already
    has reports, so it is safe to run again (seed_demo uses it)."""
    if ect.reports.exists():
        return []
    schedule = schedule_for(ect, as_at)
    if schedule is None:
        return []
    created = []
    for planned in schedule.timetable:
        if planned.period_start > as_at:
            break
        report = _report_from_plan(ect, planned, planned.period_start)
        if planned.period_end < as_at or ect.status in ENDED_STATUSES | {ECT.Status.LEFT}:
            report.status = Report.Status.COMPLETED
            finished = min(report.due_date, as_at)
            report.completed_at = timezone.make_aware(datetime.combine(finished, time(16, 0)))
        report.save()
        created.append(report)
    return created


# Changes schools and the AB make.


def record_contract_change(ect: ECT, *, starts_on: date, days_per_week: Decimal) -> ContractChange:
    """Record that the ECT works `days_per_week` days a week from `starts_on`,
    replacing any change already recorded for that day."""
    change, _ = ContractChange.objects.update_or_create(
        ect=ect, starts_on=starts_on, defaults={"days_per_week": days_per_week}
    )
    logger.info("Contract change %s for ECT %s: %s days a week from %s", change.pk, ect.pk, days_per_week, starts_on)
    return change


@transaction.atomic
def save_term_dates(
    *,
    appropriate_body,
    school: School | None,
    start_year: int,
    terms: list,
    academic_year: AcademicYear | None = None,
) -> AcademicYear:
    """Create or update an academic year's three terms from checked `TermDates`."""
    if academic_year is None:
        academic_year = AcademicYear(appropriate_body=appropriate_body)
    academic_year.school = school
    academic_year.start_year = start_year
    academic_year.save()
    for dates in terms:
        Term.objects.update_or_create(
            academic_year=academic_year,
            name=dates.name,
            defaults={
                "start_date": dates.start,
                "end_date": dates.end,
                "half_term_start": dates.half_term_start,
                "half_term_end": dates.half_term_end,
            },
        )
    logger.info("Term dates %s saved for AB %s (school %s)", academic_year.label, appropriate_body.pk, school and school.pk)
    return academic_year


def report_rules_for(appropriate_body) -> dict[str, ReportRule]:
    """Return the AB's rule for each report type, unsaved defaults where it has none."""
    rules = {rule.report_type: rule for rule in ReportRule.objects.filter(appropriate_body=appropriate_body)}
    for report_type, (earliest, due) in DEFAULT_REPORT_RULES.items():
        rules.setdefault(
            report_type,
            ReportRule(
                appropriate_body=appropriate_body,
                report_type=report_type,
                earliest_send_offset=earliest,
                due_offset=due,
                working_days=True,
            ),
        )
    return rules


@transaction.atomic
def save_report_rules(appropriate_body, values: dict[str, tuple[int, int, bool]]) -> None:
    for report_type, (earliest, due, working_days) in values.items():
        ReportRule.objects.update_or_create(
            appropriate_body=appropriate_body,
            report_type=report_type,
            defaults={"earliest_send_offset": earliest, "due_offset": due, "working_days": working_days},
        )
    logger.info("Report rules saved for AB %s", appropriate_body.pk)
