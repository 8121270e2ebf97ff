"""Questions in plain words ("who won in Boulton?", "did Lucy Care get in?") answered from the
loaded results: deterministic, offline, no language model.

    words.py       ordinary words, never names          cues.py      cue phrase groups, matching
    intents/       one record per intent: cues, slots, priority, examples (what can be asked)
    registry.py    `@reply(name)`: each record's reply  validate.py  the records check themselves
    conversation.py  follow-ups ("and the lib dems?") rewritten from the previous question
    text.py        the question's folded words          lexicon.py   the store's name words
    spotting.py    names found inside the question      segment.py   a run of words split in names
    recognise.py   the intent that fits best            scope.py     which election
    slots.py       names resolved in that election      context.py   what a reply is given
    *_replies.py, rankings.py, comparisons.py           the answer and its one-sentence headline
    other_councils.py  with several councils loaded, which one an answer is about
    unresolved.py  not found, ambiguous, out of scope   phrasing.py  numbers and names in sentences
    answering.py   the pipeline, `answer_question`
"""

from knowledge.questions.answering import answer_question
from knowledge.questions.lexicon import prepare as prepare_questions

__all__ = ["answer_question", "prepare_questions"]
