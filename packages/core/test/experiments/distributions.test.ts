import { lgamma } from '@dalbit/core/math/special/log-gamma';
import { chiSquareSurvival } from '@dalbit/core/math/stats/chi-square';
import { regularizedBeta } from '@dalbit/core/math/stats/incomplete-beta';
import { noncentralTCdf } from '@dalbit/core/math/stats/noncentral-t';
import { normalCdf, normalQuantile } from '@dalbit/core/math/stats/normal';
import { studentTCdf, studentTQuantile } from '@dalbit/core/math/stats/student-t';
import { describe, it } from 'vitest';
import { expectClose, R } from './reference.ts';

// Every value is compared with base R 4.2 (pnorm, qnorm, pt, qt, pchisq, pbeta, lgamma),
// written by scripts/r/reference.R into fixtures/r-reference.json; tolerance 1e-6 relative.
type Case = Record<string, number>;
const d = R.distributions as Record<string, Case[]>;

describe('distribution functions match R', () => {
  it.each(d.pnorm ?? [])('pnorm($x)', (c) => expectClose(normalCdf(c.x ?? 0), c.p ?? 0));
  it.each(d.qnorm ?? [])('qnorm($p)', (c) => expectClose(normalQuantile(c.p ?? 0), c.q ?? 0));
  it.each(d.pt ?? [])('pt($t, $df)', (c) => expectClose(studentTCdf(c.t ?? 0, c.df ?? 0), c.p ?? 0));
  it.each(d.qt ?? [])('qt($p, $df)', (c) => expectClose(studentTQuantile(c.p ?? 0, c.df ?? 0), c.q ?? 0));
  it.each(d.pchisq_upper ?? [])('pchisq($x, $df, lower = FALSE)', (c) =>
    expectClose(chiSquareSurvival(c.x ?? 0, c.df ?? 0), c.p ?? 0),
  );
  it.each(d.pbeta ?? [])('pbeta($x, $a, $b)', (c) =>
    expectClose(regularizedBeta({ x: c.x ?? 0, a: c.a ?? 0, b: c.b ?? 0 }).lower, c.p ?? 0),
  );
  it.each(d.pt_noncentral ?? [])('pt($t, $df, ncp = $ncp)', (c) =>
    expectClose(noncentralTCdf(c.t ?? 0, c.df ?? 0, c.ncp ?? 0), c.p ?? 0),
  );
  it.each(d.lgamma ?? [])('lgamma($x)', (c) => expectClose(lgamma(c.x ?? 0), c.value ?? 0));
});
