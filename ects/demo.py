"""The registration part of the demo world: every demo ECT gets registration
answers to match its stage, and the signed ones get the head teacher's
signature and a Teaching Record System check."""

from django.utils import timezone

from accounts.models import Membership, Role
from ectm import demo_data
from ects import services, wizard
from ects.models import ECT
from ects.trs import check_teacher, outcome_as_json
from ects.trs_demo import OfflineTeacherRecordService, demo_qts_date
from signatures.services import sign

# The steps a draft has finished: it stops before the contract step.
DRAFT_STEPS = ["induction-type", "teacher-record"]
RETURNED_REASON = (
    "The date of birth does not match the Teaching Record System. "
    "Check it with the ECT and send the registration again."
)


def registration_answers(row: demo_data.DemoECT) -> dict:
    primary = row.school in {"oak", "willow"}
    return {
        "induction_type": ECT.InductionType.STARTING,
        "year_groups": ["year_3", "year_4"] if primary else ["year_7", "year_9"],
        "subjects_taught": ["primary"] if primary else ["mathematics"],
        "contract_type": ECT.ContractType.PERMANENT,
        "mentor_name": "Jo Mentor",
        "mentor_email": f"mentor@{row.school}.example",
        "training_institution": "edge_hill" if primary else "ucl_ioe",
        "qualified_subjects": ["primary"] if primary else ["mathematics"],
        "qualified_age_range": "5-11" if primary else "11-16",
        "qts_date": demo_qts_date(row.start),
        "dbs_checked": True,
        "references_sought": True,
        "address_line_1": f"{10 + int(row.trn[-2:])} Station Road",
        "town": "Northby",
        "postcode": "NB9 9ZZ",
        "programme": ECT.Programme.PROVIDER_LED,
        "lead_provider": "ambition",
        "delivery_partner": "Northshire Teaching School Hub",
    }


def seed_registrations() -> None:
    """Fill in each demo ECT's registration once; running again changes nothing."""
    for row in demo_data.ECTS:
        ect = ECT.objects.select_related("school").get(trn=row.trn, school__urn=school_urn(row.school))
        if ect.completed_steps:
            continue
        for name, value in registration_answers(row).items():
            setattr(ect, name, value)
        ect.completed_steps = DRAFT_STEPS if row.status == ECT.Status.DRAFT else list(wizard.STEP_SLUGS)
        if row.status == ECT.Status.DRAFT:
            ect.programme = ""
            ect.lead_provider = ""
            ect.delivery_partner = ""
        if row.status == ECT.Status.RETURNED:
            ect.returned_reason = RETURNED_REASON
            ect.returned_at = timezone.now()
        ect.save()
        services.log_event(ect, by=None, event="Demo registration created.")

        outcome = check_teacher(
            OfflineTeacherRecordService(),
            trn=ect.trn,
            date_of_birth=ect.date_of_birth,
            last_name=ect.last_name,
            today=timezone.localdate(),
        )
        ect.trs_checked_at = timezone.now()
        ect.trs_result = outcome_as_json(outcome)
        ect.trs_verified_at = ect.trs_checked_at if outcome.passed else None
        ect.save(update_fields=["trs_checked_at", "trs_result", "trs_verified_at"])

        if row.status not in {ECT.Status.DRAFT, ECT.Status.AWAITING_SIGNATURE, ECT.Status.RETURNED}:
            head = Membership.objects.active().filter(school=ect.school, role=Role.HEAD_TEACHER).first()
            if head is not None:
                sign(
                    subject=ect,
                    signer=head.user,
                    role=Role.HEAD_TEACHER,
                    content=services.registration_content(ect),
                    ip_address="127.0.0.1",
                )


def school_urn(key: str) -> str:
    return next(school["urn"] for school in demo_data.SCHOOLS if school["key"] == key)
