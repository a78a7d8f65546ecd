import logging

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.access import AB_ONLY, ALL_ROLES, SCHOOL_STAFF, access_ect, allow, schools_for
from accounts.models import SCHOOL_ROLES, Role, role_in_sentence
from ectm.net import client_ip
from reviews import outcomes, services, steps
from reviews.access import access_report
from reviews.dashboard import forms_to_sign, upcoming_reports
from reviews.forms import BulkSignForm, FormSignForm, NoteForm, OutcomeForm, SendForm, VerifyForm
from reviews.models import ReportForm
from reviews.pdf import render_form_pdf, verify_pdf
from schedule.models import Report
from signatures.services import signatures_of

logger = logging.getLogger(__name__)


def existing_form(report: Report) -> ReportForm | None:
    return ReportForm.objects.filter(report=report).select_related("question_set").first()


def unsaved_form(report: Report) -> ReportForm:
    """Return a form not yet started, to show its first pages before anything is saved."""
    question_set = services.current_question_set(report.ect.school.appropriate_body, report.type)
    return ReportForm(report=report, question_set=question_set, answers=services.days_for_report(report), version=0)


def posted_version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def ect_record_url(report: Report) -> str | None:
    try:
        return reverse("ects:overview", args=[report.ect_id])
    except NoReverseMatch:
        return None


def report_withdrawals(request: HttpRequest, withdrawn) -> None:
    for signature in withdrawn:
        messages.warning(
            request,
            f"{signature.signer.get_full_name()}'s signature as {role_in_sentence(signature.role)} was withdrawn "
            "because the form changed. They have been asked to sign again.",
        )


# Reading a form.


@allow(ALL_ROLES)
def form_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request, report_id)
    form = existing_form(report)
    context = {
        "report": report,
        "form": form,
        "ect": report.ect,
        "role": request.membership.role,
        "first_step": steps.steps_for(report)[0].key,
    }
    if form is not None:
        role, reason = services.signing_role(form, request.user, request.membership)
        context.update(
            sections=steps.answer_sections(form),
            signatures=signatures_of(form, include_withdrawn=True),
            can_edit=request.membership.role in SCHOOL_STAFF and not form.is_locked,
            can_comment=(
                request.membership.role == Role.ECT and form.stage != ReportForm.Stage.DRAFT and not form.is_locked
            ),
            signing_role=role,
            not_signing_reason=reason,
            sign_form=sign_form_for(request, form, role) if role else None,
            revisions=form.revisions.select_related("changed_by").order_by("-version")[:20],
        )
        if request.membership.role == Role.AB_ADMIN:
            context["note_form"] = NoteForm(initial={"note": form.ab_note})
            context["is_final_assessment"] = report.is_final_assessment
    return render(request, "reviews/form_detail.html", context)


def sign_form_for(request: HttpRequest, form: ReportForm, role: Role, data=None) -> FormSignForm:
    return FormSignForm(
        data=data,
        initial={"version": form.version},
        signer_name=request.user.get_full_name() or request.user.username,
        role_label=role.label,
        what=f"this {form.report.get_type_display().lower()}",
    )


# Filling in a form, page by page.


@allow(SCHOOL_STAFF)
def form_step(request: HttpRequest, report_id: int, step: str) -> HttpResponse:
    report = access_report(request, report_id)
    page = steps.step_by_key(report, step)
    if page is None:
        raise Http404("No such page of this form.")
    form = existing_form(report)
    if form is not None and form.is_locked:
        messages.info(request, "Everyone has signed this form, so it can no longer be changed.")
        return redirect("reviews:form", report_id=report.pk)

    if request.method != "POST":
        step_form = steps.build_step_form(page, form or unsaved_form(report))
        return render_step(request, report, form, page, step_form)

    if form is None:
        form = services.start_form(report, by=request.user)
    base_version = posted_version(request)
    step_form = steps.build_step_form(page, form, data=request.POST)

    try:
        form, withdrawn = services.save_answers(
            form,
            answers=steps.raw_answers(step_form, request.POST),
            base_version=base_version,
            by=request.user,
            description=f"Saved the page \"{page.title}\"",
        )
    except services.StaleSave as stale:
        typed = steps.raw_answers(step_form, request.POST)
        step_form = steps.build_step_form(page, stale.form, kept_input=typed)
        return render_step(request, report, stale.form, page, step_form, conflict=stale.changes)
    except services.WorkflowError as error:
        logger.info("Save of report %s by user %s rejected: %s", report.pk, request.user.pk, error)
        messages.error(request, str(error))
        return redirect("reviews:form", report_id=report.pk)

    upload = request.FILES.get("support_plan_document")
    if upload is not None:
        file_form = steps.build_step_form(page, form, data=request.POST, files=request.FILES)
        if not file_form.is_valid() and "support_plan_document" in file_form.errors:
            report_withdrawals(request, withdrawn)
            return render_step(request, report, form, page, file_form)
        form, more_withdrawn = services.attach_support_plan(form, upload=upload, by=request.user)
        withdrawn = [*withdrawn, *more_withdrawn]
    report_withdrawals(request, withdrawn)

    if "save_for_later" in request.POST:
        messages.success(request, "Your answers are saved. You can come back to this form at any time.")
        return redirect("reviews:form", report_id=report.pk)

    step_form = steps.build_step_form(page, form, data=request.POST)
    if not step_form.is_valid():
        return render_step(request, report, form, page, step_form)

    if page.key == "contract" and step_form.cleaned_data.get("staying_next_term") == "no":
        services.convert_to_interim(form, by=request.user)
        messages.success(
            request,
            "The ECT is leaving, so an interim assessment replaces this progress review. "
            "Your answers so far are kept.",
        )
        return redirect("reviews:step", report_id=report.pk, step=steps.steps_for(report)[0].key)
    return redirect(next_url(report, page))


def next_url(report: Report, page: steps.Step) -> str:
    pages = steps.steps_for(report)
    index = [item.key for item in pages].index(page.key)
    if index + 1 < len(pages):
        return reverse("reviews:step", kwargs={"report_id": report.pk, "step": pages[index + 1].key})
    return reverse("reviews:finish", kwargs={"report_id": report.pk})


def render_step(request, report, form, page, step_form, conflict=None) -> HttpResponse:
    pages = steps.steps_for(report)
    return render(
        request,
        "reviews/form_step.html",
        {
            "report": report,
            "ect": report.ect,
            "form_record": form,
            "page": page,
            "pages": pages,
            "page_number": pages.index(page) + 1,
            "step_form": step_form,
            "form": step_form,
            "conflict": conflict,
            "ect_record_url": ect_record_url(report),
            "entitlements": steps.STATUTORY_ENTITLEMENTS,
        },
    )


@require_POST
@allow(SCHOOL_STAFF)
def form_autosave(request: HttpRequest, report_id: int, step: str) -> JsonResponse:
    """Save a page in the background and respond with JSON: the new version, or the conflicting changes."""
    report = access_report(request, report_id)
    page = steps.step_by_key(report, step)
    if page is None:
        raise Http404("No such page of this form.")
    form = existing_form(report)
    step_form = steps.build_step_form(page, form or unsaved_form(report), data=request.POST)
    fields = [name for name in step_form.fields if name != "version"]
    return autosave(request, report, form, fields)


@require_POST
@allow(Role.ECT)
def comments_autosave(request: HttpRequest, report_id: int) -> JsonResponse:
    report = access_report(request, report_id)
    form = existing_form(report)
    if form is None:
        return JsonResponse({"saved": False, "message": "This form has not been started."})
    return autosave(request, report, form, ["ect_comments"])


def autosave(request: HttpRequest, report: Report, form: ReportForm | None, fields: list[str]) -> JsonResponse:
    answers = {name: request.POST.get(name, "").strip() for name in fields if name in request.POST}
    if not answers:
        return JsonResponse({"saved": False, "message": "Nothing to save."})

    if form is None:
        form = services.start_form(report, by=request.user)
    base_version = posted_version(request)
    try:
        form, withdrawn = services.save_answers(
            form, answers=answers, base_version=base_version, by=request.user, description="Saved automatically"
        )
    except services.StaleSave as stale:
        return JsonResponse(
            {
                "saved": False,
                "conflict": True,
                "message": "Someone else saved this form after you opened it, so your latest changes were not "
                "saved. They are still on this page. Save the page to see what changed.",
                "changes": [
                    {"label": change.label, "value": change.value, "by": change.changed_by}
                    for change in stale.changes
                ],
            }
        )
    except services.WorkflowError as error:
        return JsonResponse({"saved": False, "message": str(error)})
    return JsonResponse(
        {
            "saved": True,
            "version": form.version,
            "saved_at": timezone.localtime().strftime("%H:%M:%S"),
            "withdrawn": [signature.get_role_display() for signature in withdrawn],
        }
    )


@allow(SCHOOL_STAFF)
def form_finish(request: HttpRequest, report_id: int) -> HttpResponse:
    """Check every answer, then send the form to the ECT, or leave it to finish later."""
    report = access_report(request, report_id)
    form = existing_form(report)
    if form is None:
        messages.info(request, "Start the form before sending it.")
        return redirect("reviews:step", report_id=report.pk, step=steps.steps_for(report)[0].key)

    send_form = SendForm(data=request.POST or None, initial={"version": form.version})
    if request.method == "POST" and form.stage == ReportForm.Stage.DRAFT:
        try:
            services.send_to_ect(
                form, by=request.user, base_version=posted_version(request), today=timezone.localdate()
            )
        except services.StaleSave as stale:
            messages.error(request, "Someone else changed this form after you opened this page. Check the answers below, then send it again.")
            send_form = SendForm(initial={"version": stale.form.version})
            form = stale.form
        except services.WorkflowError as error:
            logger.info("Sending report %s by user %s rejected: %s", report.pk, request.user.pk, error)
            send_form.add_error(None, str(error))
        else:
            messages.success(request, f"The form is with {report.ect.full_name} for comments and a signature.")
            return redirect("reviews:form", report_id=report.pk)

    return render(
        request,
        "reviews/form_finish.html",
        {
            "report": report,
            "ect": report.ect,
            "form_record": form,
            "form": send_form,
            "sections": steps.answer_sections(form),
            "incomplete": steps.step_errors(form),
            "too_early": timezone.localdate() < report.earliest_send_date,
        },
    )


@allow(Role.ECT)
def form_comments(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request, report_id)
    form = existing_form(report)
    if form is None or form.stage == ReportForm.Stage.DRAFT or form.is_locked:
        messages.info(request, "You can add comments once your tutor has sent you the form, until it is fully signed.")
        return redirect("reviews:form", report_id=report.pk)

    comments_form = steps.CommentsForm(
        data=request.POST or None, initial={"ect_comments": form.answers.get("ect_comments", ""), "version": form.version}
    )
    conflict = None
    if request.method == "POST" and comments_form.is_valid():
        try:
            form, withdrawn = services.save_answers(
                form,
                answers={"ect_comments": comments_form.cleaned_data["ect_comments"]},
                base_version=posted_version(request),
                by=request.user,
                description="ECT's comments saved",
            )
        except services.StaleSave as stale:
            comments_form = steps.CommentsForm(
                initial={"ect_comments": comments_form.cleaned_data["ect_comments"], "version": stale.form.version}
            )
            conflict = stale.changes
        else:
            report_withdrawals(request, withdrawn)
            messages.success(request, "Your comments are saved.")
            return redirect("reviews:form", report_id=report.pk)

    return render(
        request,
        "reviews/form_comments.html",
        {"report": report, "ect": report.ect, "form_record": form, "form": comments_form, "conflict": conflict},
    )


# Signing.


@require_POST
@allow(SCHOOL_ROLES)
def form_sign(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request, report_id)
    form = existing_form(report)
    if form is None:
        raise Http404("This form has not been started.")
    role, reason = services.signing_role(form, request.user, request.membership)
    if role is None:
        messages.error(request, reason)
        return redirect("reviews:form", report_id=report.pk)

    sign_form = sign_form_for(request, form, role, data=request.POST)
    if not sign_form.is_valid():
        return form_detail_with_errors(request, report, form, sign_form)
    try:
        services.sign_form(
            form,
            user=request.user,
            membership=request.membership,
            seen_version=sign_form.cleaned_data["version"],
            ip_address=client_ip(request),
        )
    except services.WorkflowError as error:
        logger.info("Signature on report %s by user %s rejected: %s", report.pk, request.user.pk, error)
        messages.error(request, str(error))
    else:
        messages.success(request, f"You have signed this {report.get_type_display().lower()}.")
    return redirect("reviews:form", report_id=report.pk)


def form_detail_with_errors(request, report, form, sign_form) -> HttpResponse:
    return render(
        request,
        "reviews/form_detail.html",
        {
            "report": report,
            "form": form,
            "ect": report.ect,
            "role": request.membership.role,
            "sections": steps.answer_sections(form),
            "signatures": signatures_of(form, include_withdrawn=True),
            "signing_role": True,
            "sign_form": sign_form,
        },
    )


@require_POST
@allow(SCHOOL_ROLES)
def sign_many(request: HttpRequest) -> HttpResponse:
    """Sign several forms: the first post chooses them, the second confirms and signs each separately."""
    signable = {form.report_id: form for form in forms_to_sign(request.user, request.membership)}
    chosen = [int(value) for value in request.POST.getlist("reports") if value.isdigit() and int(value) in signable]
    if not chosen:
        messages.error(request, "Select at least one form to sign.")
        return redirect("dashboard")

    bulk_form = BulkSignForm(
        data=request.POST if "confirm_step" in request.POST else None,
        initial={"reports": chosen},
        report_choices=list(signable),
        signer_name=request.user.get_full_name() or request.user.username,
        role_label=request.membership.get_role_display(),
        what=f"these {len(chosen)} forms" if len(chosen) > 1 else "this form",
    )
    if bulk_form.is_bound and bulk_form.is_valid():
        signed, failed = 0, []
        for report_id in bulk_form.cleaned_data["reports"]:
            form = signable[report_id]
            try:
                services.sign_form(
                    form, user=request.user, membership=request.membership, seen_version=None,
                    ip_address=client_ip(request),
                )
                signed += 1
            except services.WorkflowError as error:
                logger.info("Signature on report %s by user %s rejected: %s", report_id, request.user.pk, error)
                failed.append(f"{form}: {error}")
        if signed:
            messages.success(request, f"You have signed {signed} form{'s' if signed != 1 else ''}.")
        for failure in failed:
            messages.error(request, failure)
        return redirect("dashboard")

    return render(
        request,
        "reviews/sign_many.html",
        {"form": bulk_form, "chosen": [signable[report_id] for report_id in chosen]},
    )


# Printing and verifying.


@allow(ALL_ROLES)
def form_pdf(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request, report_id)
    form = existing_form(report)
    if form is None:
        raise Http404("This form has not been started, so there is nothing to print.")
    data = render_form_pdf(form, issued_to=request.user)
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"{report.get_type_display()} {report.ect.full_name} {report.period_start:%Y-%m} v{form.version}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@allow(signed_in=True)
def verify(request: HttpRequest) -> HttpResponse:
    verify_form = VerifyForm(data=request.POST or None, files=request.FILES or None)
    result = None
    if request.method == "POST" and verify_form.is_valid():
        result = verify_pdf(verify_form.cleaned_data["pdf"].read())
    visible = False
    if result is not None and result.form is not None:
        try:
            access_report(request, result.form.report_id)
            visible = True
        except Http404:
            visible = False
    return render(request, "reviews/verify.html", {"form": verify_form, "result": result, "visible": visible})


# Lists.


@allow(SCHOOL_ROLES)
def upcoming(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/upcoming.html", {"upcoming": upcoming_reports(request.membership)})


@allow(AB_ONLY)
def ab_forms(request: HttpRequest) -> HttpResponse:
    """List the forms that have reached the AB, filtered by school and type."""
    forms = ReportForm.objects.filter(
        stage=ReportForm.Stage.SUBMITTED, report__ect__school__in=schools_for(request.membership)
    ).select_related("report__ect__school")
    schools = schools_for(request.membership).order_by("name")
    school_id = request.GET.get("school", "")
    report_type = request.GET.get("type", "")
    if school_id.isdigit():
        forms = forms.filter(report__ect__school_id=int(school_id))
    if report_type in Report.Type.values:
        forms = forms.filter(report__type=report_type)
    return render(
        request,
        "reviews/ab_forms.html",
        {
            "forms": forms.order_by("-submitted_at"),
            "schools": schools,
            "types": Report.Type.choices,
            "chosen_school": school_id,
            "chosen_type": report_type,
            "outcomes_due": outcomes.outcomes_due(request.membership.appropriate_body_id),
        },
    )


@require_POST
@allow(AB_ONLY)
def form_note(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request, report_id)
    form = existing_form(report)
    if form is None:
        raise Http404("This form has not been started.")
    note_form = NoteForm(data=request.POST)
    if note_form.is_valid():
        services.save_ab_note(form, note=note_form.cleaned_data["note"], by=request.user)
        messages.success(request, "Your note is saved.")
    return redirect("reviews:form", report_id=report.pk)


@allow(AB_ONLY)
def record_outcome(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    outcome_form = OutcomeForm(data=request.POST or None)
    final, refusal = None, None
    try:
        final = outcomes.check_can_record(ect)
    except services.WorkflowError as error:
        refusal = str(error)

    if request.method == "POST" and refusal is None and outcome_form.is_valid():
        try:
            outcomes.record_outcome(
                ect=ect,
                decision=outcome_form.cleaned_data["decision"],
                extension_terms=outcome_form.cleaned_data["extension_terms"],
                by=request.user,
            )
        except services.WorkflowError as error:
            logger.info("Outcome for ECT %s by user %s rejected: %s", ect.pk, request.user.pk, error)
            outcome_form.add_error(None, str(error))
        else:
            messages.success(request, f"The outcome for {ect.full_name} is recorded and the school has been emailed.")
            return redirect("reviews:outcome", ect_id=ect.pk)

    ect.refresh_from_db()
    return render(
        request,
        "reviews/outcome.html",
        {
            "ect": ect,
            "form": outcome_form,
            "final": final,
            "deadline": outcomes.decision_deadline(final) if final else None,
            "refusal": refusal,
            "recorded": ect.outcomes.select_related("final_assessment__report", "recorded_by"),
        },
    )


@allow(ALL_ROLES)
def ect_forms(request: HttpRequest, ect_id: int) -> HttpResponse:
    """List every report of one ECT, with links to fill in, read, sign and print each form."""
    ect = access_ect(request, ect_id)
    reports = ect.reports.select_related("form").order_by("period_start")
    rows = []
    for report in reports:
        form = existing_form(report)
        role, _ = services.signing_role(form, request.user, request.membership) if form else (None, "")
        rows.append({"report": report, "form": form, "can_sign": role is not None})
    return render(
        request,
        "reviews/ect_forms.html",
        {"ect": ect, "rows": rows, "can_fill_in": request.membership.role in SCHOOL_STAFF},
    )


@allow(ALL_ROLES)
def support_plan_document(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request, report_id)
    form = existing_form(report)
    if form is None or not form.support_plan_file:
        messages.info(request, "No support plan document has been uploaded for this form.")
        return redirect("reviews:form", report_id=report.pk)
    name = form.answers.get("support_plan_document", "").split(" (SHA-256", 1)[0] or "support-plan"
    return FileResponse(form.support_plan_file.open("rb"), as_attachment=True, filename=name)
