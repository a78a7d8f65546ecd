"""The AB's term date, closure, report rule and report pages, and an ECT's schedule page."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from schedule.models import AcademicYear, Absence, Closure, Report, ReportRule
from tests.conftest import Organisation
from tests.schedule.test_services import load_term_dates


def client_for(organisation: Organisation, role: Role) -> Client:
    client = Client()
    client.force_login(organisation.user(role))
    return client


def date_fields(name: str, day: date | None) -> dict:
    if day is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def year_form(start_year=2025, school="", **overrides) -> dict:
    dates = {
        "autumn_start": date(2025, 9, 1),
        "autumn_end": date(2025, 12, 19),
        "autumn_half_term_start": date(2025, 10, 27),
        "autumn_half_term_end": date(2025, 10, 31),
        "spring_start": date(2026, 1, 5),
        "spring_end": date(2026, 3, 27),
        "spring_half_term_start": None,
        "spring_half_term_end": None,
        "summer_start": date(2026, 4, 13),
        "summer_end": date(2026, 7, 22),
        "summer_half_term_start": None,
        "summer_half_term_end": None,
    }
    dates.update(overrides)
    data = {"start_year": str(start_year), "school": school}
    for name, day in dates.items():
        data.update(date_fields(name, day))
    return data


def days_served(html: str) -> list[int]:
    return [int(value) for value in re.findall(r'data-testid="days-served">(\d+)<', html)]


def test_ab_adds_term_dates(home):
    client = client_for(home, Role.AB_ADMIN)

    response = client.post(reverse("schedule:term_dates_add"), year_form())

    year = AcademicYear.objects.get(appropriate_body=home.appropriate_body)
    assert response.status_code == 302
    assert response["Location"] == reverse("schedule:term_dates_edit", args=[year.pk])
    assert [term.name for term in year.terms.all()] == ["autumn", "spring", "summer"]
    assert year.terms.get(name="autumn").half_term_start == date(2025, 10, 27)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"spring_start": date(2025, 12, 1)}, "spring_start", "Spring term must start after the autumn term ends (19 December 2025)."),
        ({"autumn_end": date(2025, 8, 1)}, "autumn_end", "Autumn term must end after it starts (1 September 2025)."),
        ({"autumn_start": date(2025, 8, 20)}, "autumn_start", "Autumn term must start inside the academic year 2025-26: 1 September 2025 to 31 August 2026."),
        ({"summer_end": date(2026, 9, 2)}, "summer_end", "Summer term must end inside the academic year 2025-26: 1 September 2025 to 31 August 2026."),
        ({"autumn_half_term_start": date(2025, 12, 22), "autumn_half_term_end": date(2025, 12, 24)}, "autumn_half_term_start", "The autumn term half term must fall inside the term, between 1 September 2025 and 19 December 2025."),
        ({"autumn_half_term_end": date(2025, 10, 20)}, "autumn_half_term_end", "The autumn term half term must end after it starts."),
        ({"spring_half_term_start": date(2026, 2, 16)}, "spring_half_term_end", "Enter the date the spring term half term ends, or clear both half-term dates."),
        ({"summer_start": None}, "summer_start", "Enter the date the summer term starts"),
    ],
)
def test_term_dates_rejected_with_clear_message(home, overrides, field, message):
    client = client_for(home, Role.AB_ADMIN)

    response = client.post(reverse("schedule:term_dates_add"), year_form(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert not AcademicYear.objects.exists()


def test_invalid_date_keeps_other_answers(home):
    client = client_for(home, Role.AB_ADMIN)
    data = year_form()
    data["spring_end_0"] = "31"
    data["spring_end_1"] = "2"

    response = client.post(reverse("schedule:term_dates_add"), data)

    html = response.content.decode()
    assert response.context["form"].errors["spring_end"] == ["Enter the date the spring term ends as a real date, like 1 9 2025"]
    assert 'name="summer_end_0" value="22"' in html


def test_duplicate_academic_year_rejected(home):
    load_term_dates(home.appropriate_body)
    client = client_for(home, Role.AB_ADMIN)

    response = client.post(reverse("schedule:term_dates_add"), year_form())

    assert response.context["form"].errors["start_year"] == [
        "Term dates for 2025-26 for every school already exist. Change those instead."
    ]


def test_school_override_allowed_beside_ab_dates(home):
    load_term_dates(home.appropriate_body)
    client = client_for(home, Role.AB_ADMIN)

    response = client.post(reverse("schedule:term_dates_add"), year_form(school=str(home.school.pk)))

    assert response.status_code == 302
    assert AcademicYear.objects.filter(school=home.school, start_year=2025).exists()


def test_editing_term_date_changes_days_served(home):
    load_term_dates(home.appropriate_body)
    home.ect.induction_start_date = date(2025, 9, 1)
    home.ect.save()
    ab = client_for(home, Role.AB_ADMIN)
    tutor = client_for(home, Role.TUTOR)
    schedule_url = reverse("schedule:ect_schedule", args=[home.ect.pk])
    before = days_served(tutor.get(schedule_url).content.decode())
    year = AcademicYear.objects.get(appropriate_body=home.appropriate_body, start_year=2025)

    data = year_form(
        autumn_start=date(2025, 9, 8),
        spring_half_term_start=date(2026, 2, 16),
        spring_half_term_end=date(2026, 2, 20),
        summer_half_term_start=date(2026, 5, 25),
        summer_half_term_end=date(2026, 5, 29),
    )
    response = ab.post(reverse("schedule:term_dates_edit", args=[year.pk]), data)
    after = days_served(tutor.get(schedule_url).content.decode())

    assert response.status_code == 302
    assert before[0] == 75
    assert after[0] == 70
    assert before[1:3] == after[1:3]


def test_closure_added_and_rejected_outside_term(home):
    load_term_dates(home.appropriate_body)
    year = AcademicYear.objects.get(appropriate_body=home.appropriate_body, start_year=2025)
    client = client_for(home, Role.AB_ADMIN)
    url = reverse("schedule:closure_add", args=[year.pk])

    outside = client.post(url, {"kind": "other", **date_fields("start_date", date(2025, 12, 24)), **date_fields("end_date", date(2025, 12, 24))})
    inside = client.post(url, {"kind": "other", "description": "Snow", **date_fields("start_date", date(2026, 1, 6)), **date_fields("end_date", date(2026, 1, 6))})
    overlapping = client.post(url, {"kind": "inset", **date_fields("start_date", date(2026, 1, 5)), **date_fields("end_date", date(2026, 1, 7))})

    assert outside.context["form"].errors["start_date"] == [
        "A closure must fall inside one term of this academic year. Check the term dates."
    ]
    assert inside.status_code == 302
    assert overlapping.context["form"].errors["start_date"] == [
        "This closure overlaps the closure from 6 January 2026 to 6 January 2026."
    ]
    assert list(Closure.objects.values_list("description", flat=True)) == ["Snow"]


def test_foreign_ab_cannot_open_term_dates(home, foreign):
    load_term_dates(home.appropriate_body)
    year = AcademicYear.objects.get(appropriate_body=home.appropriate_body, start_year=2025)

    response = client_for(foreign, Role.AB_ADMIN).get(reverse("schedule:term_dates_edit", args=[year.pk]))

    assert response.status_code == 404


def test_report_rules_saved(home):
    client = client_for(home, Role.AB_ADMIN)
    data = {"P_earliest": "-10", "P_due": "5", "P_working_days": "on", "A_earliest": "-20", "A_due": "10", "I_earliest": "-5", "I_due": "15"}

    response = client.post(reverse("schedule:report_rules"), data)

    assert response.status_code == 302
    rule = ReportRule.objects.get(appropriate_body=home.appropriate_body, report_type="A")
    assert (rule.earliest_send_offset, rule.due_offset, rule.working_days) == (-20, 10, False)


def test_report_rule_due_before_earliest_rejected(home):
    client = client_for(home, Role.AB_ADMIN)
    data = {"P_earliest": "10", "P_due": "5", "A_earliest": "-20", "A_due": "10", "I_earliest": "-5", "I_due": "15"}

    response = client.post(reverse("schedule:report_rules"), data)

    assert response.context["form"].errors["P_due"] == [
        "The progress review cannot be due before the earliest date it may go to the ECT."
    ]
    assert not ReportRule.objects.exists()


def make_report(home) -> Report:
    return Report.objects.create(
        ect=home.ect,
        type=Report.Type.PROGRESS_REVIEW,
        period_start=date(2025, 9, 1),
        period_end=date(2025, 12, 19),
        earliest_send_date=date(2025, 11, 28),
        due_date=date(2026, 1, 7),
    )


def report_form(report_type="A", number="1", **dates) -> dict:
    values = {
        "period_start": date(2025, 9, 1),
        "period_end": date(2026, 1, 16),
        "earliest_send_date": date(2026, 1, 5),
        "due_date": date(2026, 1, 30),
    }
    values.update(dates)
    data = {"type": report_type, "assessment_number": number}
    for name, day in values.items():
        data.update(date_fields(name, day))
    return data


def test_ab_changes_report_type_and_dates(home):
    report = make_report(home)
    client = client_for(home, Role.AB_ADMIN)

    response = client.post(reverse("schedule:report_edit", args=[report.pk]), report_form())

    report.refresh_from_db()
    assert response.status_code == 302
    assert (report.type, report.assessment_number, report.period_end, report.due_date) == (
        "A", 1, date(2026, 1, 16), date(2026, 1, 30)
    )


def test_report_change_rejects_end_before_start(home):
    report = make_report(home)
    client = client_for(home, Role.AB_ADMIN)

    response = client.post(
        reverse("schedule:report_edit", args=[report.pk]), report_form("P", "", period_end=date(2025, 8, 1))
    )

    assert response.context["form"].errors["period_end"] == ["The period must end on or after the day it starts."]
    report.refresh_from_db()
    assert report.period_end == date(2025, 12, 19)


def test_report_change_needs_assessment_number(home):
    report = make_report(home)

    response = client_for(home, Role.AB_ADMIN).post(reverse("schedule:report_edit", args=[report.pk]), report_form("A", ""))

    assert response.context["form"].errors["assessment_number"] == ["Choose which formal assessment this is."]


def test_tutor_records_absence(home):
    client = client_for(home, Role.TUTOR)
    data = {"kind": "sickness", **date_fields("start_date", date(2026, 1, 5)), **date_fields("end_date", date(2026, 1, 9))}

    response = client.post(reverse("schedule:absence_add", args=[home.ect.pk]), data)

    assert response.status_code == 302
    assert Absence.objects.get(ect=home.ect).end_date == date(2026, 1, 9)


def test_absence_overlap_and_choice_rejected(home):
    Absence.objects.create(ect=home.ect, start_date=date(2026, 1, 5), end_date=date(2026, 1, 9))
    client = client_for(home, Role.TUTOR)
    data = {
        "kind": "sickness",
        "ect_chose_extension": "on",
        **date_fields("start_date", date(2026, 1, 8)),
        **date_fields("end_date", date(2026, 1, 12)),
    }

    response = client.post(reverse("schedule:absence_add", args=[home.ect.pk]), data)

    errors = response.context["form"].errors
    assert errors["start_date"] == ["This absence overlaps the one from 05 January 2026 to 09 January 2026. Change that one instead."]
    assert errors["ect_chose_extension"][0].startswith("Only statutory leave is the ECT's choice.")


def test_ect_sees_own_schedule_without_edit_links(home):
    load_term_dates(home.appropriate_body)
    make_report(home)

    response = client_for(home, Role.ECT).get(reverse("schedule:ect_schedule", args=[home.ect.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="fte-completed"' in html
    assert "Record absence" not in html
    assert reverse("schedule:report_edit", args=[Report.objects.get().pk]) not in html


def test_ab_sees_report_change_link(home):
    load_term_dates(home.appropriate_body)
    report = make_report(home)

    response = client_for(home, Role.AB_ADMIN).get(reverse("schedule:ect_schedule", args=[home.ect.pk]))

    assert reverse("schedule:report_edit", args=[report.pk]) in response.content.decode()


def test_tutor_records_contract_change(home):
    load_term_dates(home.appropriate_body)
    home.ect.induction_start_date = date(2025, 9, 1)
    home.ect.save()
    client = client_for(home, Role.TUTOR)
    data = {**date_fields("starts_on", date(2026, 1, 5)), "days_per_week": "2.5"}

    response = client.post(reverse("schedule:contract_change_add", args=[home.ect.pk]), data)
    page = client.get(reverse("schedule:ect_schedule", args=[home.ect.pk])).content.decode()

    assert response.status_code == 302
    assert days_served(page)[:2] == [75, 28]


@pytest.mark.parametrize(
    ("starts_on", "days_per_week", "field", "message"),
    [
        (date(2025, 9, 1), "3", "starts_on", "The change must start after induction starts (1 September 2025). Change the days per week on the contract instead."),
        (date(2026, 1, 5), "6", "days_per_week", "Days per week must be 5 or fewer"),
        (date(2026, 1, 5), "2.55", "days_per_week", "Enter the days per week to one decimal place, like 2.5"),
        (date(2026, 1, 5), "three", "days_per_week", "Enter the days per week as a number, like 2.5"),
    ],
)
def test_contract_change_rejected_with_clear_message(home, starts_on, days_per_week, field, message):
    home.ect.induction_start_date = date(2025, 9, 1)
    home.ect.save()
    data = {**date_fields("starts_on", starts_on), "days_per_week": days_per_week}

    response = client_for(home, Role.TUTOR).post(reverse("schedule:contract_change_add", args=[home.ect.pk]), data)

    assert response.context["form"].errors[field] == [message]
