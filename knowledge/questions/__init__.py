"""Questions in plain words ("who won in Boulton?", "did Lucy Care get in?") answered from the
loaded results: deterministic, offline, no language model.

    text.py        the question's folded words        lexicon.py   the store's name words
    spotting.py    names found inside the question     intents.py   what can be asked, as data
    recognise.py   the intent that fits best           scope.py     which election
    slots.py       names resolved in that election     *_replies.py the answer and its headline
    answering.py   the pipeline, `answer_question`
"""

from knowledge.questions.answering import answer_question

__all__ = ["answer_question"]
