"""Resolvers: messy text (institution, field of study, degree) to registry facts with a confidence.

Rules never parse strings; resolvers do, and say how sure they are.
"""
