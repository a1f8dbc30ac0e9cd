"""Collation: aligning a witness's text with the copy-text and drafting ``variants`` entries from it."""
