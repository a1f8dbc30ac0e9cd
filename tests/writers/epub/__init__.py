"""Tests of the EPUB 3 writer (a package so its helper modules import relatively, without name clashes)."""
