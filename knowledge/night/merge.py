"""Declarations from a poll merged into a followed election: new, unchanged or corrected.

The content hash decides: the same ballot with the same hash is a re-poll (the source's
`last_updated` overlap makes those common), another hash is a correction, which replaces the
earlier declaration in place so the order of the night is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.night.models import ContestChange, Declaration, FollowedElection


def merge(
    followed: FollowedElection, declarations: Iterable[Declaration]
) -> tuple[FollowedElection, tuple[ContestChange, ...]]:
    """The followed election with `declarations` merged in, and what each one meant.

    A ballot seen twice in one batch counts once, with its last version.
    """
    latest: dict[str, Declaration] = {}
    for declaration in declarations:
        latest[declaration.ballot_paper_id] = declaration
    declared = list(followed.declared)
    index = {d.ballot_paper_id: i for i, d in enumerate(declared)}
    changes = []
    for ballot_id, declaration in latest.items():
        place = index.get(ballot_id)
        if place is None:
            index[ballot_id] = len(declared)
            declared.append(declaration)
            changes.append(ContestChange(kind="new", declaration=declaration))
            continue
        previous = declared[place]
        if previous.content_hash == declaration.content_hash:
            changes.append(ContestChange(kind="unchanged", declaration=previous, previous=previous))
            continue
        declared[place] = declaration
        changes.append(ContestChange(kind="corrected", declaration=declaration, previous=previous))
    return followed.model_copy(update={"declared": tuple(declared)}), tuple(changes)
