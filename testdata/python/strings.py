"""Calls in comments, strings, docstrings and f-string text are not evaluations; calls in
f-string replacement fields are."""
import waffle

PREFIX = "fixture"


def view(request, log):
    """Docstring: waffle.flag_is_active(request, "doc") is prose."""
    # waffle.flag_is_active(request, "comment")
    text = 'waffle.flag_is_active(request, "string")'
    raw = r"waffle.switch_is_active('raw')"
    data = b"waffle.switch_is_active('bytes')"
    multi = """
    waffle.switch_is_active("triple")
    """
    message = f"waffle.switch_is_active('fstring-text') {{waffle.switch_is_active('escaped')}}"
    if waffle.flag_is_active(request, "outer"):
        if waffle.flag_is_active(request, "middle"):
            log(f"state: {waffle.flag_is_active(request, 'inner')!r:>10}")  # expect: nested-flag
            log(f"{'on' if waffle.switch_is_active(f'{PREFIX}-x') else 'off'}")  # expect: nested-flag, dynamic-flag-key
            log(f"""{
                waffle.sample_is_active("multi-line-field")  # expect: nested-flag
            }""")
    return text, raw, data, multi, message
