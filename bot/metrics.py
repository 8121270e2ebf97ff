"""Health and metrics for Prometheus: what the bot answers, how fast, and how its connection is.

Every bot has its own registry (so tests and several clients in one process never collide);
`serve(port)` exposes it on 127.0.0.1 only (METRICS_PORT), for a scraper or a sidecar on the same
machine: the numbers are not secret, but nothing here needs to be reachable from outside.

    election_bot_interactions_total{command,kind,outcome}  answered interactions
    election_bot_answer_seconds{command}                   time from receipt to done (histogram)
    election_bot_gateway_latency_seconds                   heartbeat round trip (all shards)
    election_bot_gateway_reconnects_total                  sessions resumed or re-identified
    election_bot_elections_loaded                          elections in the store
    election_bot_load_errors                               documents that failed to load
    election_bot_ready                                     1 while connected and ready (health)
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

import discord
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

from knowledge import ResultsStore

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 5.0, 10.0)
KINDS = {
    discord.InteractionType.application_command: "command",
    discord.InteractionType.autocomplete: "autocomplete",
    discord.InteractionType.component: "component",
    discord.InteractionType.modal_submit: "modal",
}


class Metrics:
    """The bot's metrics in their own registry."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.interactions = Counter(
            "election_bot_interactions",
            "Interactions handled, by command, kind and outcome (ok, refused, error, undelivered)",
            ["command", "kind", "outcome"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "election_bot_answer_seconds",
            "Seconds from receiving an interaction to finishing its answer",
            ["command"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.gateway_latency = Gauge(
            "election_bot_gateway_latency_seconds",
            "Gateway heartbeat round trip in seconds (averaged over shards)",
            registry=self.registry,
        )
        self.reconnects = Counter(
            "election_bot_gateway_reconnects",
            "Gateway sessions resumed or re-identified after the first connection",
            registry=self.registry,
        )
        self.elections = Gauge(
            "election_bot_elections_loaded", "Elections loaded", registry=self.registry
        )
        self.load_errors = Gauge(
            "election_bot_load_errors", "Documents that failed to load", registry=self.registry
        )
        self.ready = Gauge(
            "election_bot_ready",
            "1 while the bot is connected to Discord and ready, else 0",
            registry=self.registry,
        )
        self._server: Any = None

    def watch(
        self,
        store: Callable[[], ResultsStore],
        latency: Callable[[], float],
        ready: Callable[[], bool] = lambda: False,
    ) -> None:
        """Read the store's counts (the current store: election night swaps it), the gateway
        latency and readiness whenever metrics are scraped."""
        self.ready.set_function(lambda: 1.0 if ready() else 0.0)
        self.elections.set_function(lambda: len(store().elections))
        self.load_errors.set_function(lambda: len(store().errors))

        def gateway() -> float:
            value = latency()
            return value if math.isfinite(value) else float("nan")

        self.gateway_latency.set_function(gateway)

    def observe(self, interaction: discord.Interaction[Any], seconds: float) -> None:
        """Count one finished interaction and its time."""
        command = interaction.command.qualified_name if interaction.command else "-"
        kind = KINDS.get(interaction.type, interaction.type.name)
        outcome = str(interaction.extras.get("outcome", "ok"))
        self.interactions.labels(command, kind, outcome).inc()
        if kind == "command":
            self.latency.labels(command).observe(seconds)

    def serve(self, port: int) -> None:
        """Expose /metrics on http://127.0.0.1:PORT (a daemon thread)."""
        self._server, _ = start_http_server(port, addr=LOOPBACK, registry=self.registry)
        log.info("Metrics on http://%s:%d/metrics", LOOPBACK, port)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
