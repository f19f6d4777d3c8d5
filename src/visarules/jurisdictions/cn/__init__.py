"""China: the ordinary visas of REG-2013 Art. 6 (as amended), the visa-free schemes and the
foreign-worker points table."""

from visarules.jurisdictions.cn import c, d, f, g, j, k, l, m, points, q, r, s, visa_free, x, z

MODULES = (c, d, f, g, j, k, l, m, q, r, s, x, z, visa_free, points)
SHARED_PARAMETERS = ("common.yaml",)
