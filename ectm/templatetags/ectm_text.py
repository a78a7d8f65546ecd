from django import template

from ectm.text import in_sentence as in_sentence_text

register = template.Library()


@register.filter
def in_sentence(value) -> str:
    """Lower-case a label's first letter for use inside a sentence, unless it starts with an acronym."""
    return in_sentence_text(str(value))
