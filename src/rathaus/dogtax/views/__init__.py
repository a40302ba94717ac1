"""The dog tax's pages: the public calculator, the keeper's dogs, and the tax office's statute,
register and annual assessment."""
