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


def with_parameters(text, overrides):
    """The scenario's JSON5 text with a `parameters:` block of `overrides` (name -> value) added;
    a scenario that already has one is refused (merging two blocks is not needed by the checks)."""
    if re.search(r"\bparameters\s*:", text):
        raise ValueError("the scenario already has a parameters block")
    block = "parameters: { " + ", ".join(f'"{k}": {v!r}' for k, v in overrides.items()) + " }"
    end = text.rstrip().rfind("}")
    head = text[:end].rstrip()
    if head.endswith(","):
        head = head[:-1]
    return head + ",\n  " + block + ",\n}\n"
