"""Election results as data: parse documents, derive facts, resolve names, answer commands.

Discord-free by design: the bot's front ends (Discord, the terminal) sit on top of this package.

Every name below is loaded on first use (PEP 562 `__getattr__`), not when the package is
imported: `import knowledge.store` runs this file first, and a cold `python -m bot ask` should
import only the modules its answer needs (the question layer, the parser, the command layer
are each loaded by whoever uses them).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.answers import Answer
    from knowledge.commands import (
        COMMANDS,
        CommandCall,
        CommandSpec,
        OptionSpec,
        Suggestion,
        help_answer,
        parse_command,
        run_command,
        run_text,
        suggest,
    )
    from knowledge.errors import DataError, KnowledgeError, ParseError
    from knowledge.models import Election, ParseWarning
    from knowledge.parser import parse_document
    from knowledge.parties import Party, PartyBook
    from knowledge.questions import answer_question, prepare_questions
    from knowledge.resolve import Match, Resolution
    from knowledge.store import ResultsStore

_HOMES = {
    "Answer": "knowledge.answers",
    "COMMANDS": "knowledge.commands",
    "CommandCall": "knowledge.commands",
    "CommandSpec": "knowledge.commands",
    "OptionSpec": "knowledge.commands",
    "Suggestion": "knowledge.commands",
    "help_answer": "knowledge.commands",
    "parse_command": "knowledge.commands",
    "run_command": "knowledge.commands",
    "run_text": "knowledge.commands",
    "suggest": "knowledge.commands",
    "DataError": "knowledge.errors",
    "KnowledgeError": "knowledge.errors",
    "ParseError": "knowledge.errors",
    "Election": "knowledge.models",
    "ParseWarning": "knowledge.models",
    "parse_document": "knowledge.parser",
    "Party": "knowledge.parties",
    "PartyBook": "knowledge.parties",
    "answer_question": "knowledge.questions",
    "prepare_questions": "knowledge.questions",
    "Match": "knowledge.resolve",
    "Resolution": "knowledge.resolve",
    "ResultsStore": "knowledge.store",
}
"""Where each public name lives."""


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use, then keep the name here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "COMMANDS",
    "Answer",
    "CommandCall",
    "CommandSpec",
    "DataError",
    "Election",
    "KnowledgeError",
    "Match",
    "OptionSpec",
    "ParseError",
    "ParseWarning",
    "Party",
    "PartyBook",
    "Resolution",
    "ResultsStore",
    "Suggestion",
    "answer_question",
    "help_answer",
    "parse_command",
    "parse_document",
    "prepare_questions",
    "run_command",
    "run_text",
    "suggest",
]
