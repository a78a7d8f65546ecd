"""The AB's pages for its own questions, one set per type of report."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.access import AB_ONLY, access_appropriate_body, allow
from reviews import question_sets
from reviews.access import access_question
from reviews.forms import QuestionForm
from reviews.models import QuestionSet
from reviews.services import current_question_set
from schedule.models import Report


def report_type_or_404(report_type: str) -> Report.Type:
    if report_type not in Report.Type.values:
        raise Http404("No such type of report.")
    return Report.Type(report_type)


@allow(AB_ONLY)
def question_set_list(request: HttpRequest) -> HttpResponse:
    appropriate_body = access_appropriate_body(request)
    sets = [current_question_set(appropriate_body, report_type) for report_type in Report.Type.values]
    return render(request, "reviews/question_set_list.html", {"sets": sets})


@allow(AB_ONLY)
def question_set_detail(request: HttpRequest, report_type: str) -> HttpResponse:
    appropriate_body = access_appropriate_body(request)
    report_type = report_type_or_404(report_type)
    current = current_question_set(appropriate_body, report_type)
    versions = QuestionSet.objects.filter(appropriate_body=appropriate_body, report_type=report_type)
    shown = current
    requested = request.GET.get("version", "")
    if requested.isdigit():
        shown = versions.filter(version=int(requested)).first() or current
    return render(
        request,
        "reviews/question_set_detail.html",
        {
            "report_type": report_type,
            "current": current,
            "shown": shown,
            "questions": shown.questions.all(),
            "versions": versions.order_by("-version"),
        },
    )


@allow(AB_ONLY)
def question_add(request: HttpRequest, report_type: str) -> HttpResponse:
    appropriate_body = access_appropriate_body(request)
    report_type = report_type_or_404(report_type)
    form = QuestionForm(data=request.POST or None, initial={"kind": "long_text", "required": True})
    if request.method == "POST" and form.is_valid():
        question_sets.add_question(appropriate_body, report_type, fields=form.cleaned_data, by=request.user)
        messages.success(request, "The question is added. Forms started from now on will ask it.")
        return redirect("reviews:question_set", report_type=report_type)
    return render(request, "reviews/question_edit.html", {"form": form, "report_type": report_type, "adding": True})


@allow(AB_ONLY)
def question_edit(request: HttpRequest, question_id: int) -> HttpResponse:
    question = access_question(request, question_id)
    report_type = Report.Type(question.question_set.report_type)
    form = QuestionForm(data=request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        question_sets.update_question(question, fields=form.cleaned_data, by=request.user)
        messages.success(request, "The question is changed. Forms already started keep the wording they began with.")
        return redirect("reviews:question_set", report_type=report_type)
    return render(request, "reviews/question_edit.html", {"form": form, "report_type": report_type, "question": question})


@allow(AB_ONLY)
def question_delete(request: HttpRequest, question_id: int) -> HttpResponse:
    question = access_question(request, question_id)
    report_type = Report.Type(question.question_set.report_type)
    if request.method == "POST":
        question_sets.delete_question(question, by=request.user)
        messages.success(request, "The question is removed. Forms already started still show it.")
        return redirect("reviews:question_set", report_type=report_type)
    return render(request, "reviews/question_delete.html", {"question": question, "report_type": report_type})


@require_POST
@allow(AB_ONLY)
def question_move(request: HttpRequest, question_id: int) -> HttpResponse:
    question = access_question(request, question_id)
    question_sets.move_question(question, up=request.POST.get("direction") == "up", by=request.user)
    return redirect("reviews:question_set", report_type=question.question_set.report_type)


@require_POST
@allow(AB_ONLY)
def support_plan_mode(request: HttpRequest, report_type: str) -> HttpResponse:
    appropriate_body = access_appropriate_body(request)
    report_type = report_type_or_404(report_type)
    as_document = request.POST.get("support_plan_as_document") == "yes"
    question_sets.set_support_plan_as_document(appropriate_body, report_type, as_document=as_document, by=request.user)
    if as_document:
        messages.success(request, "Schools will upload the support plan as a document on forms started from now on.")
    else:
        messages.success(request, "Schools will type the support plan into forms started from now on.")
    return redirect("reviews:question_set", report_type=report_type)
