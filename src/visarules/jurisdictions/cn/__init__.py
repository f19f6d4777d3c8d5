"""China: the ordinary visas of REG-2013 Art. 6 (as amended), the visa-free schemes and the
foreign-worker points table."""

from visarules.jurisdictions.cn import (
    c,
    common,
    d,
    f,
    g,
    j,
    k,
    l,
    m,
    mutual,
    points,
    q,
    r,
    s,
    transit,
    visa_free,
    x,
    z,
)

MODULES = (c, d, f, g, j, k, l, m, q, r, s, x, z, visa_free, mutual, transit, points)
SHARED_PARAMETERS = ("common.yaml", "benefits.yaml")
JURISDICTION = common.JURISDICTION
