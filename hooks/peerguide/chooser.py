"""The model chooser's rules: which models fit a set of answers, and why.

The same rules run in the browser (assets/javascripts/chooser.js), on the data the
page carries; these are the reference, used for the decision table that the page
shows without JavaScript and by the tests, which walk every path through the
questions.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Iterator

from .schema import ChooserFile


@dataclass(frozen=True)
class Result:
    models: tuple[str, ...]  # in the order of models.yml
    conflict: bool  # the answers left no model, and the deciding question decided
    # (question, answer) of the answers that concern the models of the result (an answer that
    # fits every model concerns them all), in the questions' order
    reasons: tuple[tuple[str, str], ...]
    checklist: tuple[str, ...]  # what to put in place: the models' items, then the answers'


def result(chooser: ChooserFile, models: list[str], answers: dict[str, str]) -> Result:
    """The result for one answer to every question ({question: answer})."""
    chosen = [(question, answers[question]) for question in chooser.questions]
    fitting = list(models)
    for question, answer in chosen:
        fits = chooser.questions[question].answers[answer].fits
        if fits:
            fitting = [model for model in fitting if model in fits]
    conflict = not fitting
    if conflict:
        decided = chooser.questions[chooser.decides].answers[answers[chooser.decides]].fits
        fitting = [model for model in models if model in decided]
    items: list[str] = []
    for model in fitting:
        items += chooser.against_risks.get(model, [])
    for question, answer in chosen:
        items += chooser.questions[question].answers[answer].checklist
    reasons = tuple((question, answer) for question, answer in chosen
                    if not chooser.questions[question].answers[answer].fits
                    or set(chooser.questions[question].answers[answer].fits) & set(fitting))
    return Result(tuple(fitting), conflict, reasons, tuple(dict.fromkeys(items)))


def every_path(chooser: ChooserFile) -> Iterator[dict[str, str]]:
    """Every combination of one answer per question."""
    questions = list(chooser.questions)
    for combination in itertools.product(*(chooser.questions[q].answers for q in questions)):
        yield dict(zip(questions, combination))
