"""Scenario JSON5 text edits shared by the peer scripts (sbml_check.py, roadrunner_compare.py)."""
import re


def with_solver(text, method, rtol, atol):
    """The scenario's JSON5 text with its solver block replaced (or added) by ours."""
    block = f'solver: {{ method: "{method}", rtol: {rtol!r}, atol: {atol!r} }}'
    if re.search(r"\bsolver\s*:", text):
        return re.sub(r"\bsolver\s*:\s*\{[^}]*\}", block, text, count=1)
    end = text.rstrip().rfind("}")
    head = text[:end].rstrip()
    if head.endswith(","):
        head = head[:-1]
    return head + ",\n  " + block + ",\n}\n"
