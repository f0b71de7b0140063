import { Link } from 'wouter';
import { useI18n } from '../i18n/I18nProvider';
import { useHrefWithSearch } from './useHrefWithSearch';

export function NotFound() {
  const { m } = useI18n();
  const withSearch = useHrefWithSearch();
  return (
    <section className="page notice" aria-labelledby="page-title">
      <h1 id="page-title">{m.notFound.title}</h1>
      <p>{m.notFound.body}</p>
      <Link href={withSearch('/')} className="button">
        {m.comingSoon.back}
      </Link>
    </section>
  );
}
