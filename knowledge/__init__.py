"""Election results as data: parse documents, derive facts, resolve names, answer commands.

Discord-free by design: the bot's front ends (Discord, the terminal) sit on top of this package.
"""

from typing import TYPE_CHECKING, Any

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
from knowledge.parties import Party, PartyBook
from knowledge.resolve import Match, Resolution
from knowledge.store import ResultsStore

if TYPE_CHECKING:
    from knowledge.parser import parse_document
    from knowledge.questions import answer_question


def __getattr__(name: str) -> Any:
    """Load the question layer on first use: a /command never pays for importing it."""
    if name == "answer_question":
        from knowledge.questions import answer_question

        return answer_question
    if name == "parse_document":  # a compiled store opens without importing the parser
        from knowledge.parser import parse_document

        return parse_document
    raise AttributeError(f"module 'knowledge' has no attribute {name!r}")


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
    "run_command",
    "run_text",
    "suggest",
]
