"""The HTTP interface: the JSON API (``/v1/...``) and the web page, served by ``visarules serve``."""
