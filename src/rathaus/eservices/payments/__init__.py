"""Payments toolkit: GiroCode (EPC QR), SEPA direct debits (pain.008), bank statements (camt.053).

Pure or nearly pure modules without models; the engine's services call them. See
docs/eservices-documents-payments.md.
"""
