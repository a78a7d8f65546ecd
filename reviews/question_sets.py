"""Changes to an AB's question sets, keeping every version a form has used.

Each change goes to the newest version. If a form has started with that
version, the change is made to a copy, which becomes the next version.
"""

import logging

from django.db import transaction
from django.db.models import Max

from accounts.models import User
from organisations.models import AppropriateBody
from reviews.models import Question, QuestionSet
from reviews.services import current_question_set

logger = logging.getLogger(__name__)


@transaction.atomic
def editable_question_set(appropriate_body: AppropriateBody, report_type: str, *, by: User) -> QuestionSet:
    """Return the newest version if no form uses it yet, else a new version copied from it."""
    current = current_question_set(appropriate_body, report_type)
    current = QuestionSet.objects.select_for_update().get(pk=current.pk)
    if not current.in_use:
        return current

    copy = QuestionSet.objects.create(
        appropriate_body=appropriate_body,
        report_type=report_type,
        version=current.version + 1,
        support_plan_as_document=current.support_plan_as_document,
        created_by=by,
    )
    for question in current.questions.all():
        question.pk = None
        question.question_set = copy
        question.save()
    logger.info("Question set %s copied to version %s by user %s", current.pk, copy.version, by.pk)
    return copy


def counterpart(question: Question, question_set: QuestionSet) -> Question:
    """Return the question at the same position in `question_set` (itself, if the set is unchanged)."""
    if question.question_set_id == question_set.pk:
        return question
    return question_set.questions.get(position=question.position)


@transaction.atomic
def add_question(appropriate_body: AppropriateBody, report_type: str, *, fields: dict, by: User) -> Question:
    question_set = editable_question_set(appropriate_body, report_type, by=by)
    last = question_set.questions.aggregate(last=Max("position"))["last"] or 0
    return Question.objects.create(question_set=question_set, position=last + 1, **fields)


@transaction.atomic
def update_question(question: Question, *, fields: dict, by: User) -> Question:
    question_set = editable_question_set(question.question_set.appropriate_body, question.question_set.report_type, by=by)
    target = counterpart(question, question_set)
    for name, value in fields.items():
        setattr(target, name, value)
    target.save()
    return target


@transaction.atomic
def delete_question(question: Question, *, by: User) -> None:
    question_set = editable_question_set(question.question_set.appropriate_body, question.question_set.report_type, by=by)
    counterpart(question, question_set).delete()
    _renumber(question_set)


@transaction.atomic
def move_question(question: Question, *, up: bool, by: User) -> None:
    question_set = editable_question_set(question.question_set.appropriate_body, question.question_set.report_type, by=by)
    questions = list(question_set.questions.all())
    target = counterpart(question, question_set)
    index = next(i for i, item in enumerate(questions) if item.pk == target.pk)
    swap_with = index - 1 if up else index + 1
    if 0 <= swap_with < len(questions):
        questions[index], questions[swap_with] = questions[swap_with], questions[index]
    _renumber(question_set, questions)


@transaction.atomic
def set_support_plan_as_document(appropriate_body: AppropriateBody, report_type: str, *, as_document: bool, by: User):
    question_set = editable_question_set(appropriate_body, report_type, by=by)
    question_set.support_plan_as_document = as_document
    question_set.save(update_fields=["support_plan_as_document"])
    return question_set


def _renumber(question_set: QuestionSet, ordered: list[Question] | None = None) -> None:
    for position, question in enumerate(ordered or list(question_set.questions.all()), start=1):
        if question.position != position:
            question.position = position
            question.save(update_fields=["position"])
