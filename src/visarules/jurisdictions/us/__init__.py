"""The United States: the talent and skilled-worker categories a K-visa candidate would weigh
(H-1B with the Proclamation 10973 payment, O-1A, EB-1A/B/C, EB-2 NIW, F-1 OPT and STEM OPT)."""

from visarules.jurisdictions.us import common, eb1, eb2, h1b, o1, opt

MODULES = (h1b, o1, eb1, eb2, opt)
SHARED_PARAMETERS = ("benefits.yaml",)
JURISDICTION = common.JURISDICTION
