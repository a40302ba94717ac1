"""FIT-Connect: cases handed to a specialist system through the federal Submission API.

A hand-off outbox (`fitconnect`) behind the engine's outbox registry, off unless the city switches
it on (FIT_CONNECT_ENABLED). See docs/fit-connect.md and ADR 0271.
"""
