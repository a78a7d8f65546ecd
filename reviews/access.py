"""Access helpers for forms and question sets: the object, or 404 outside the active membership's reach."""

from django.http import Http404, HttpRequest

from accounts.access import access_appropriate_body, ects_for
from reviews.models import Question
from schedule.models import Report


def reports_for(membership):
    return Report.objects.filter(ect__in=ects_for(membership))


def access_report(request: HttpRequest, report_id: int) -> Report:
    try:
        return reports_for(request.membership).select_related("ect__school", "ect__tutor", "ect__user").get(pk=report_id)
    except Report.DoesNotExist:
        raise Http404("No such report.")


def access_question(request: HttpRequest, question_id: int) -> Question:
    appropriate_body = access_appropriate_body(request)
    try:
        return Question.objects.select_related("question_set").get(
            pk=question_id, question_set__appropriate_body=appropriate_body
        )
    except Question.DoesNotExist:
        raise Http404("No such question.")
