import re

# The trunk 0 may follow the country code, as in "+44 (0)7700 900123".
UK_MOBILE = re.compile(r"^(?:(?:\+44|0044)0?|0)(7\d{9})$")


def normalise_uk_mobile(value: str) -> str | None:
    """Return a UK mobile number as +447…, or None if it is not one.

    Spaces, dashes, dots and brackets are ignored, so "07700 900123" and
    "+44 (0)7700-900123" give the same number.
    """
    digits = re.sub(r"[\s\-.()]", "", value or "")
    match = UK_MOBILE.match(digits)
    return f"+44{match.group(1)}" if match else None
