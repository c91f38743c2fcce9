import { useT } from '../../use-t.ts';

/** The reason typed before personal data is unmasked or exported (sent with the request, access-logged). */
export function ReasonField({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (reason: string) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <label className="inline-label">
      {t('imports.export.reason')}
      <input
        data-testid={testId}
        value={value}
        maxLength={500}
        placeholder={t('imports.export.reasonPlaceholder')}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
