"""Reads of the online-services engine: querysets and values, without N+1 queries."""
