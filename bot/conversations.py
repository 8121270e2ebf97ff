"""Follow-up questions in Discord: one conversation per (channel, user), for a few minutes.

"@bot who won in Abbey?" then "@bot who came second there?" reads the second as a follow-up of
the first (see `knowledge.questions.conversation`). A conversation lasts `ttl` seconds from its
last question, and belongs to one user in one channel, so two people asking in the same channel
never follow up each other's questions. The rewritten question is what gets answered (and
cached), so the answer cache stays keyed by whole questions.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from knowledge.answers import Answer
from knowledge.questions.conversation import Turn, follow, turn_of
from knowledge.store import ResultsStore

Key = tuple[int, int]
"""(channel id, user id)."""
TTL_SECONDS = 300.0
"""How long a conversation waits for a follow-up."""
MAX_CONVERSATIONS = 4096
"""The oldest conversations are forgotten past this many."""


class Conversations:
    """The previous question of each (channel, user), forgotten after `ttl` seconds."""

    def __init__(
        self,
        store: ResultsStore,
        ttl: float = TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self.clock = clock
        self._turns: OrderedDict[Key, tuple[Turn, float]] = OrderedDict()

    def question(self, key: Key, text: str, election: str | None = None) -> tuple[str, str | None]:
        """The whole question to answer for `text` from this channel and user, and its default
        election (a follow-up keeps the previous question's)."""
        found = self._turns.get(key)
        if found is None or self.clock() - found[1] > self.ttl:
            self._turns.pop(key, None)
            return text, election
        return follow(self.store, found[0], text, election)

    def remember(self, key: Key, question: str, answer: Answer) -> None:
        """Keep the answered question for a follow-up (an unanswered one keeps the previous)."""
        turn = turn_of(self.store, question, answer)
        if turn is None:
            return
        self._turns[key] = (turn, self.clock())
        self._turns.move_to_end(key)
        while len(self._turns) > MAX_CONVERSATIONS:
            self._turns.popitem(last=False)
