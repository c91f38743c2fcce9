import type { ImportProblem } from '../../api/imports.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';

/** Every problem with its line and column, in the UI language; English detail only in English. */
export function ProblemList({ problems, total }: { problems: readonly ImportProblem[]; total: number }) {
  const t = useT();
  const { lang } = useI18n();
  if (total === 0)
    return (
      <p className="ok" data-testid="import-no-problems">
        {t('imports.problemsNone')}
      </p>
    );
  return (
    <>
      <ul className="problems" data-testid="import-problems">
        {problems.map((p) => (
          <li key={`${p.line}:${p.column ?? ''}:${p.code}:${p.message}`} data-testid="import-problem">
            <span className="where">
              {p.column === undefined
                ? t('imports.problem.whereLine', { line: p.line })
                : t('imports.problem.where', { line: p.line, column: p.column })}
            </span>
            <span>{p.message}</span>
            {lang === 'en' && p.detail !== p.message ? <span className="muted small"> ({p.detail})</span> : null}
          </li>
        ))}
      </ul>
      {total > problems.length ? (
        <p className="muted small">{t('imports.problemsMore', { count: formatNumber(total - problems.length) })}</p>
      ) : null}
    </>
  );
}
