import { useT } from '../use-t.ts';

export function NotFoundPage() {
  const t = useT();
  return (
    <section data-testid="not-found">
      <h1>{t('shell.notFound')}</h1>
      <a href="#/">{t('shell.goHome')}</a>
    </section>
  );
}
