"""Small helpers for writing labels into sentences."""


def in_sentence(text: str) -> str:
    """Return a label for use inside a sentence: "head teacher", but "ECT" and "QTS award date" keep capitals."""
    first_word = text.split(" ", 1)[0]
    if not first_word or any(character.isupper() for character in first_word[1:]):
        return text
    return text[:1].lower() + text[1:]
