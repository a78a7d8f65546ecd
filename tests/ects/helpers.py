"""Post the registration steps as a browser would."""

from datetime import date, timedelta

from django.utils import timezone


def date_fields(name: str, value: date) -> dict:
    return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}


def start_date() -> date:
    return timezone.localdate() + timedelta(days=30)


def qts_date() -> date:
    return timezone.localdate() - timedelta(days=150)


def teacher_record(trn="1000001", last_name="Rivers", date_of_birth=date(1999, 4, 1), **extra) -> dict:
    return {
        "trn": trn,
        "first_name": "Sam",
        "last_name": last_name,
        "email": "sam.rivers@example.org",
        **date_fields("date_of_birth", date_of_birth),
        **extra,
    }


def contract(tutor_pk, **extra) -> dict:
    return {
        **date_fields("induction_start_date", start_date()),
        "year_groups": ["year_7", "year_8"],
        "subjects_taught": ["mathematics"],
        "days_per_week": "5.0",
        "contract_type": "permanent",
        "tutor_choice": str(tutor_pk),
        "mentor_name": "Pat Mentor",
        "mentor_email": "pat@example.org",
        **extra,
    }


def training(**extra) -> dict:
    return {
        "training_institution": "other",
        "training_institution_other": "Northby College",
        "qualified_subjects": ["mathematics"],
        "qualified_age_range": "11-16",
        **date_fields("qts_date", qts_date()),
        **extra,
    }


def address() -> dict:
    return {"address_line_1": "5 Elm Road", "town": "Northby", "postcode": "nb1  2cd"}


def programme() -> dict:
    return {"programme": "provider_led", "lead_provider": "ambition", "delivery_partner": "Northby Partnership"}


def register_through_wizard(client, tutor_pk) -> int:
    """Post every step as the signed-in client; return the new ECT's id."""
    from ects.models import ECT

    response = client.post("/ects/register/", {"induction_type": "starting"})
    assert response.status_code == 302, response.content
    ect_id = ECT.objects.latest("pk").pk
    for step, data in [
        ("teacher-record", teacher_record()),
        ("contract", contract(tutor_pk)),
        ("training", training()),
        ("address", address()),
        ("programme", programme()),
    ]:
        response = client.post(f"/ects/register/{ect_id}/{step}/", data)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    return ect_id
