"""A council followed through its loaded elections: wards, seats, people, parties and trends.

    last_time(store, election_id, ward)       a ward's result against its previous contest
    ward_history / person_history / party_history / council_history / councillors

Everything is computed from the loaded elections and says which elections it compares; where
the loaded data cannot settle something (an election missing, a by-election that does not say
whose seat it filled) the answer says so rather than guessing.
"""

# `knowledge.answers` defines the models the history answers build on, then imports those answers
# back at its end. Importing it here first keeps that cycle in one order, whichever of the two
# modules a caller imports first (the package no longer imports everything eagerly).
import knowledge.answers  # noqa: F401
