import type { DraftIssue } from '../../api/campaigns.ts';

export const pathKey = (path: readonly (string | number)[]): string => path.join('.');

/** Issues at `prefix` or under it (`templates.0` matches `templates.0.text`). */
export function issuesAt(issues: readonly DraftIssue[], prefix: string): DraftIssue[] {
  return issues.filter((i) => {
    const k = pathKey(i.path);
    return k === prefix || k.startsWith(`${prefix}.`);
  });
}

/** The Korean messages of the issues at `prefix`, under the field they belong to. */
export function FieldIssues({ issues, at }: { issues: readonly DraftIssue[]; at: string }) {
  const mine = issuesAt(issues, at);
  if (mine.length === 0) return null;
  return (
    <ul className="field-issues" data-testid={`issues-${at}`}>
      {mine.map((i) => (
        <li key={`${pathKey(i.path)}:${i.message}`} className="field-error" role="alert">
          {i.message}
        </li>
      ))}
    </ul>
  );
}
