"""Child benefit's pages: the public calculator, the Familienkasse's amounts, role and payment file,
and the decision and schedule of a case."""
