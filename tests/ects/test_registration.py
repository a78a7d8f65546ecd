"""Registering an ECT end to end: the wizard, TRS checks, signing, the AB's decision."""

import io
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Membership, Role
from ects import services
from ects.models import ECT, ECTChange
from messaging.models import OutboxEmail
from schedule.models import Report
from signatures.services import signatures_of
from tests.ects import helpers
from tests.factories import ECTFactory, UserFactory
from tests.schedule.samples import academic_year
from tests.schedule.samples import report as sample_report

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_wizard_saves_every_step(home, trs_server):
    tutor = home.user(Role.TUTOR)

    ect_id = helpers.register_through_wizard(client_for(tutor), tutor.pk)

    ect = ECT.objects.get(pk=ect_id)
    assert ect.status == ECT.Status.DRAFT
    assert ect.trn == "1000001"
    assert ect.tutor == tutor
    assert ect.year_groups == ["year_7", "year_8"]
    assert ect.postcode == "NB1 2CD"
    assert ect.training_institution_name == "Northby College"
    assert ect.is_trs_verified
    assert set(ect.completed_steps) == {
        "induction-type",
        "teacher-record",
        "contract",
        "training",
        "address",
        "programme",
    }


def test_trs_outage_keeps_draft(home, trs_server):
    tutor = home.user(Role.TUTOR)
    client = client_for(tutor)
    client.post("/ects/register/", {"induction_type": "starting"})
    ect = ECT.objects.latest("pk")

    response = client.post(f"/ects/register/{ect.pk}/teacher-record/", helpers.teacher_record(trn="1000004"))

    assert response.status_code == 200
    assert "The Teaching Record System is not answering" in response.content.decode()
    assert "Your answers are saved" in response.content.decode()
    ect.refresh_from_db()
    assert ect.trn == "1000004"
    assert ect.last_name == "Rivers"
    assert ect.date_of_birth == date(1999, 4, 1)
    assert "teacher-record" not in ect.completed_steps


def test_last_name_mismatch_shown_on_field(home, trs_server):
    client = client_for(home.user(Role.TUTOR))
    client.post("/ects/register/", {"induction_type": "starting"})
    ect = ECT.objects.latest("pk")

    response = client.post(f"/ects/register/{ect.pk}/teacher-record/", helpers.teacher_record(last_name="Rivera"))

    assert response.status_code == 200
    assert response.context["form"].errors["last_name"][0].startswith("The last name does not match")


def test_merged_trn_replaced(home, trs_server):
    client = client_for(home.user(Role.TUTOR))
    client.post("/ects/register/", {"induction_type": "starting"})
    ect = ECT.objects.latest("pk")

    response = client.post(
        f"/ects/register/{ect.pk}/teacher-record/",
        helpers.teacher_record(trn="1000002", last_name="Moore", date_of_birth=date(2000, 5, 5)),
    )

    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.trn == "1000012"
    assert ect.changes.filter(field="TRN", old_value="1000002", new_value="1000012").exists()


def test_trn_in_induction_elsewhere_refused(home, trs_server):
    other_school = ECTFactory(
        trn="1000001", school__appropriate_body=home.appropriate_body, school__name="Hillside Academy"
    )
    client = client_for(home.user(Role.TUTOR))
    client.post("/ects/register/", {"induction_type": "starting"})
    ect = ECT.objects.latest("pk")

    response = client.post(f"/ects/register/{ect.pk}/teacher-record/", helpers.teacher_record())

    assert response.status_code == 200
    error = response.context["form"].errors["trn"][0]
    assert "already registered for induction at Hillside Academy" in error
    assert other_school.school.name == "Hillside Academy"


def test_trn_typed_with_letters_explained(home, trs_server):
    client = client_for(home.user(Role.TUTOR))
    client.post("/ects/register/", {"induction_type": "starting"})
    ect = ECT.objects.latest("pk")

    response = client.post(f"/ects/register/{ect.pk}/teacher-record/", helpers.teacher_record(trn="12A4567"))

    assert "The TRN must contain only digits" in response.context["form"].errors["trn"][0]
    assert trs_server.requests_seen == []


def test_start_before_qts_rejected_on_training(home, trs_server):
    tutor = home.user(Role.TUTOR)
    client = client_for(tutor)
    ect_id = helpers.register_through_wizard(client, tutor.pk)
    ect = ECT.objects.get(pk=ect_id)

    after_start = ect.induction_start_date + timedelta(days=1)

    response = client.post(
        f"/ects/register/{ect_id}/training/", helpers.training(**helpers.date_fields("qts_date", after_start))
    )

    assert response.status_code == 200
    assert "qts_date" in response.context["form"].errors


def test_new_tutor_added_inline(home, trs_server):
    client = client_for(home.user(Role.TUTOR))
    client.post("/ects/register/", {"induction_type": "starting"})
    ect = ECT.objects.latest("pk")

    response = client.post(
        f"/ects/register/{ect.pk}/contract/",
        helpers.contract(
            "new", new_tutor_first_name="Lee", new_tutor_last_name="Jones", new_tutor_email="lee.jones@example.org"
        ),
    )

    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.tutor.email == "lee.jones@example.org"
    assert Membership.objects.filter(user=ect.tutor, school=home.school, role=Role.TUTOR).exists()


def test_new_tutor_needs_details(home, trs_server):
    client = client_for(home.user(Role.TUTOR))
    client.post("/ects/register/", {"induction_type": "starting"})
    ect = ECT.objects.latest("pk")

    response = client.post(f"/ects/register/{ect.pk}/contract/", helpers.contract("new"))

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"new_tutor_first_name", "new_tutor_last_name", "new_tutor_email"}


def test_full_registration_to_authorisation(home, trs_server):
    tutor = home.user(Role.TUTOR)
    head = home.user(Role.HEAD_TEACHER)
    officer = home.user(Role.AB_ADMIN)
    ect_id = helpers.register_through_wizard(client_for(tutor), tutor.pk)

    response = client_for(tutor).post(f"/ects/register/{ect_id}/check/")
    assert response.status_code == 302
    assert ECT.objects.get(pk=ect_id).status == ECT.Status.AWAITING_SIGNATURE
    assert OutboxEmail.objects.filter(to=head.email, subject__startswith="Please sign").exists()

    # Only the head teacher may sign.
    assert client_for(tutor).post(f"/ects/{ect_id}/registration/sign/", {"confirm": "on"}).status_code == 403
    response = client_for(head).post(f"/ects/{ect_id}/registration/sign/", {"confirm": "on"}, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 302
    ect = ECT.objects.get(pk=ect_id)
    assert ect.status == ECT.Status.AWAITING_AB
    signature = signatures_of(ect).get()
    assert signature.signer == head
    assert signature.role == Role.HEAD_TEACHER
    assert signature.ip_address == "10.1.2.3"
    assert len(signature.digest) == 64

    dashboard = client_for(officer).get("/").content.decode()
    assert "Registrations waiting for a QTS check" in dashboard
    assert ect.full_name in dashboard

    response = client_for(officer).post(f"/ects/{ect_id}/registration/trs-check/")
    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.trs_result["qts_passed"] is True

    response = client_for(officer).post(
        f"/ects/{ect_id}/registration/authorise/", helpers.date_fields("induction_start_date", helpers.start_date())
    )
    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.status == ECT.Status.IN_PROGRESS
    assert ect.user.email == "sam.rivers@example.org"
    assert not ect.user.has_usable_password()
    assert Membership.objects.filter(user=ect.user, role=Role.ECT, school=home.school).exists()
    invite = OutboxEmail.objects.get(to="sam.rivers@example.org")
    assert "/account/set-password/" in invite.body
    assert ect.changes.filter(event="Induction authorised by the appropriate body.").exists()
    assert signatures_of(ect).count() == 1


def submitted_and_signed(home) -> ECT:
    tutor = home.user(Role.TUTOR)
    ect_id = helpers.register_through_wizard(client_for(tutor), tutor.pk)
    client_for(tutor).post(f"/ects/register/{ect_id}/check/")
    client_for(home.user(Role.HEAD_TEACHER)).post(f"/ects/{ect_id}/registration/sign/", {"confirm": "on"})
    return ECT.objects.get(pk=ect_id)


def test_edit_after_signing_withdraws(home, trs_server):
    ect = submitted_and_signed(home)
    tutor = home.user(Role.TUTOR)

    address = {**helpers.address(), "address_line_1": "7 Oak Road"}
    response = client_for(tutor).post(f"/ects/register/{ect.pk}/address/?change=1", address)

    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.status == ECT.Status.AWAITING_SIGNATURE
    signature = signatures_of(ect, include_withdrawn=True).get()
    assert signature.withdrawn_at is not None
    assert signature.withdrawn_reason == "The registration was changed after it was signed."
    page = client_for(tutor).get(f"/ects/{ect.pk}/registration/").content.decode()
    assert "Withdrawn" in page
    assert ect.changes.filter(field="Address line 1", old_value="5 Elm Road", new_value="7 Oak Road").exists()


def test_return_and_resubmit(home, trs_server):
    ect = submitted_and_signed(home)
    officer = home.user(Role.AB_ADMIN)

    response = client_for(officer).post(f"/ects/{ect.pk}/registration/return/", {"reason": "Check the QTS date."})

    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.status == ECT.Status.RETURNED
    tutor_page = client_for(home.user(Role.TUTOR)).get("/").content.decode()
    assert "Check the QTS date." in tutor_page

    client_for(home.user(Role.TUTOR)).post(f"/ects/register/{ect.pk}/check/")
    ect.refresh_from_db()
    assert ect.status == ECT.Status.AWAITING_SIGNATURE
    assert not signatures_of(ect).exists()


def test_authorise_needs_qts_check(home, trs_server):
    ect = submitted_and_signed(home)
    ect.trs_result = {**ect.trs_result, "qts_passed": False}
    ect.save()

    response = client_for(home.user(Role.AB_ADMIN)).post(
        f"/ects/{ect.pk}/registration/authorise/", helpers.date_fields("induction_start_date", helpers.start_date())
    )

    assert response.status_code == 200
    assert "confirms QTS" in response.content.decode()
    ect.refresh_from_db()
    assert ect.status == ECT.Status.AWAITING_AB


def test_print_details_pdf_text(home, trs_server):
    ect = submitted_and_signed(home)
    head = home.user(Role.HEAD_TEACHER)

    response = client_for(home.user(Role.TUTOR)).get(f"/ects/{ect.pk}/print/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Sam Rivers" in text
    assert "1000001" in text
    assert f"Signed by {head.get_full_name()}" in text
    assert signatures_of(ect).get().digest[:32] in text.replace("\n", "")


@pytest.mark.parametrize(
    "path",
    [
        "/ects/{id}/",
        "/ects/{id}/registration/",
        "/ects/{id}/print/",
        "/ects/{id}/personal-details/",
        "/ects/{id}/history/",
        "/ects/register/{id}/check/",
    ],
)
def test_foreign_tutor_gets_404(home, foreign, path):
    response = client_for(foreign.user(Role.TUTOR)).get(path.format(id=home.ect.pk))

    assert response.status_code == 404


def test_personal_details_lock_after_trs(home, trs_server):
    tutor = home.user(Role.TUTOR)
    ect = ECT.objects.get(pk=helpers.register_through_wizard(client_for(tutor), tutor.pk))

    data = {
        **helpers.teacher_record(trn="1234567", date_of_birth=date(1990, 1, 1)),
        **helpers.address(),
        "first_name": "Samuel",
    }
    response = client_for(tutor).post(f"/ects/{ect.pk}/personal-details/", data)

    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.first_name == "Samuel"
    assert ect.trn == "1000001"
    assert ect.date_of_birth == date(1999, 4, 1)
    change = ect.changes.get(field="First name", old_value="Sam")
    assert (change.old_value, change.new_value, change.changed_by) == ("Sam", "Samuel", tutor)


def test_history_page_lists_changes(home):
    tutor = home.user(Role.TUTOR)
    ECTChange.objects.create(ect=home.ect, changed_by=tutor, field="Days per week", old_value="5", new_value="3")

    page = client_for(home.user(Role.AB_ADMIN)).get(f"/ects/{home.ect.pk}/history/").content.decode()

    assert "Days per week" in page
    assert tutor.get_full_name() in page


def test_remove_keeps_signed_record(home, trs_server):
    ect = submitted_and_signed(home)

    response = client_for(home.user(Role.TUTOR)).post(f"/ects/{ect.pk}/remove/", {"reason": "registered_in_error"})

    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.status == ECT.Status.REMOVED
    assert signatures_of(ect).count() == 1
    listing = client_for(home.user(Role.TUTOR)).get("/ects/").content.decode()
    assert ect.full_name not in listing


def test_remove_left_needs_date(home):
    response = client_for(home.user(Role.TUTOR)).post(f"/ects/{home.ect.pk}/remove/", {"reason": "left_school"})

    assert response.status_code == 200
    assert "Enter the date the ECT left the school" in response.content.decode()


def test_previous_school_add_and_remove(home):
    client = client_for(home.user(Role.TUTOR))
    data = {
        "name": "Hillside School",
        "address": "1 Hill Road",
        "appropriate_body_name": "Hill AB",
        **helpers.date_fields("start_date", date(2024, 9, 2)),
        "terms_completed": "1.5",
        "days_absent": "2",
    }

    assert client.post(f"/ects/{home.ect.pk}/previous-schools/", data).status_code == 302
    previous = home.ect.previous_schools.get()
    assert client.post(f"/ects/{home.ect.pk}/previous-schools/{previous.pk}/remove/").status_code == 302
    assert not home.ect.previous_schools.exists()
    assert home.ect.changes.filter(event__startswith="Previous school removed: Hillside School").exists()


def test_ect_list_search_filter_sort(home):
    tutor2 = home.second_tutor.user
    for number in range(30):
        ECTFactory(
            school=home.school,
            first_name=f"Person{number:02d}",
            last_name="Zed",
            tutor=tutor2,
            trn=f"{5000000 + number}",
        )
    client = client_for(home.user(Role.TUTOR))

    first_page = client.get("/ects/", {"tutor": tutor2.pk})
    assert first_page.context["page"].paginator.count == 30
    assert len(first_page.context["page"].object_list) == 25
    assert client.get("/ects/", {"q": "5000003"}).context["page"].paginator.count == 1
    assert client.get("/ects/", {"q": "person07 zed"}).context["page"].paginator.count == 1
    assert client.get("/ects/", {"status": "draft"}).context["page"].paginator.count == 0
    by_start = client.get("/ects/", {"sort": "start"}).context["page"].object_list
    assert by_start[0].induction_start_date >= by_start[len(by_start) - 1].induction_start_date


def test_ect_sees_own_overview(home):
    response = client_for(home.user(Role.ECT)).get(f"/ects/{home.ect.pk}/")

    assert response.status_code == 200
    assert home.ect.full_name in response.content.decode()


def test_dashboard_offers_continue(home, trs_server):
    client = client_for(home.user(Role.TUTOR))
    client.post("/ects/register/", {"induction_type": "starting"})
    ect = ECT.objects.latest("pk")

    page = client.get("/").content.decode()

    assert "Continue registration" in page
    assert f"/ects/register/{ect.pk}/teacher-record/" in page


def test_lead_sends_ect_reset_link(home):
    response = client_for(home.user(Role.INDUCTION_LEAD)).post(f"/ects/{home.ect.pk}/reset-password/")

    assert response.status_code == 302
    email = OutboxEmail.objects.get(to=home.ect.user.email)
    assert "/account/set-password/" in email.body
    assert home.ect.changes.filter(event="Password reset link sent to the ECT.").exists()


def test_tutor_cannot_reset_ect_password(home):
    response = client_for(home.user(Role.TUTOR)).post(f"/ects/{home.ect.pk}/reset-password/")

    assert response.status_code == 403


def test_tutor_resends_login_details(home):
    response = client_for(home.user(Role.TUTOR)).post(f"/ects/{home.ect.pk}/resend-login/")

    assert response.status_code == 302
    email = OutboxEmail.objects.get(to=home.ect.user.email)
    assert f"Your username is: {home.ect.user.username}" in email.body


def test_authorise_reuses_left_ect_account(home, trs_server):
    ect = submitted_and_signed(home)
    former_ect = UserFactory(email=ect.email)
    earlier = ECTFactory(school=home.school, status=ECT.Status.LEFT, user=former_ect, trn="1234000")
    officer = client_for(home.user(Role.AB_ADMIN))
    officer.post(f"/ects/{ect.pk}/registration/trs-check/")

    response = officer.post(
        f"/ects/{ect.pk}/registration/authorise/", helpers.date_fields("induction_start_date", helpers.start_date())
    )

    assert response.status_code == 302
    ect.refresh_from_db()
    earlier.refresh_from_db()
    assert ect.user == former_ect
    assert earlier.user is None


def test_authorisation_schedules_first_report(home, trs_server):
    ect = submitted_and_signed(home)
    academic_year(home)
    officer = home.user(Role.AB_ADMIN)
    client_for(officer).post(f"/ects/{ect.pk}/registration/trs-check/")
    ect.refresh_from_db()

    services.authorise_registration(ect, by=officer, induction_start_date=date(2025, 9, 1))

    report = ect.reports.get()
    assert report.type == Report.Type.PROGRESS_REVIEW
    assert report.period_start == date(2025, 9, 1)
    signature = signatures_of(ect, include_withdrawn=True).get()
    assert signature.withdrawn_reason == "The appropriate body authorised a different induction start date."


def test_overview_lists_reports(home):
    report = sample_report(home)

    page = client_for(home.user(Role.TUTOR)).get(f"/ects/{home.ect.pk}/").content.decode()

    assert "P: Progress review" in page
    assert reverse("reviews:form", args=[report.pk]) in page


def test_started_induction_keeps_days_per_week(home):
    ect = home.ect
    ect.year_groups = ["year_3"]
    ect.subjects_taught = ["english"]
    ect.save()
    data = {
        **helpers.date_fields("induction_start_date", ect.induction_start_date),
        "year_groups": ["year_3"],
        "subjects_taught": ["english"],
        "days_per_week": "2.5",
        "contract_type": "temporary",
    }

    page = client_for(home.user(Role.TUTOR)).get(f"/ects/{ect.pk}/contract/").content.decode()
    response = client_for(home.user(Role.TUTOR)).post(f"/ects/{ect.pk}/contract/", data)

    assert "Record a change of days per week" in page
    assert response.status_code == 302
    ect.refresh_from_db()
    assert ect.days_per_week == 5
    assert ect.contract_type == "temporary"
