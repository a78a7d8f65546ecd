"""The registration as sections of label and value rows, for the check-answers
page, the registration page and the printed PDF."""

from dataclasses import dataclass

from ects import choices
from ects.models import ECT


@dataclass(frozen=True)
class Section:
    title: str
    step: str
    rows: list[tuple[str, str]]


def _date(value) -> str:
    return f"{value:%-d %B %Y}" if value else "Not given"


def _list(values, options) -> str:
    return ", ".join(choices.labels_for(values or [], options)) or "Not given"


def registration_sections(ect: ECT) -> list[Section]:
    if ect.programme == ECT.Programme.PROVIDER_LED:
        programme_rows = [
            ("Programme", ect.get_programme_display()),
            ("Lead provider", dict(choices.LEAD_PROVIDERS).get(ect.lead_provider, ect.lead_provider) or "Not given"),
            ("Delivery partner", ect.delivery_partner or "Not given"),
        ]
    else:
        programme_rows = [
            ("Programme", ect.get_programme_display() or "Not given"),
            ("How the school delivers the training", ect.programme_details or "Not given"),
        ]
    return [
        Section(
            "Induction type", "induction-type", [("Induction type", ect.get_induction_type_display() or "Not given")]
        ),
        Section(
            "Teacher record",
            "teacher-record",
            [
                ("TRN", ect.trn or "Not given"),
                ("First name", ect.first_name or "Not given"),
                ("Last name", ect.last_name or "Not given"),
                ("Date of birth", _date(ect.date_of_birth)),
                ("Email address", ect.email or "Not given"),
            ],
        ),
        Section(
            "Contract",
            "contract",
            [
                ("Induction start date at this school", _date(ect.induction_start_date)),
                ("Year groups taught", _list(ect.year_groups, choices.YEAR_GROUPS)),
                ("Subjects taught", _list(ect.subjects_taught, choices.SUBJECTS)),
                ("Days per week", f"{ect.days_per_week.normalize():f}"),
                ("Contract", ect.get_contract_type_display()),
                ("Induction tutor", ect.tutor.get_full_name() if ect.tutor else "Not given"),
                ("ECF mentor", ", ".join(filter(None, [ect.mentor_name, ect.mentor_email])) or "Not given"),
            ],
        ),
        Section(
            "Training and qualifications",
            "training",
            [
                ("Teacher training institution", ect.training_institution_name or "Not given"),
                ("Qualified subjects", _list(ect.qualified_subjects, choices.SUBJECTS)),
                (
                    "Qualified age range",
                    dict(choices.QUALIFIED_AGE_RANGES).get(ect.qualified_age_range, ect.qualified_age_range)
                    or "Not given",
                ),
                ("QTS award date", _date(ect.qts_date)),
            ],
        ),
        Section("Home address", "address", [("Address", ", ".join(ect.address_lines) or "Not given")]),
        Section("Training programme", "programme", programme_rows),
    ]
