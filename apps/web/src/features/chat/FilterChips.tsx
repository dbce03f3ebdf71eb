import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchFacts } from '../../api';
import { useFormat } from '../../lib/format';
import { paramsFromFilters } from '../listings/search-params';

/** What the assistant understood, as chips, with a link to the same search on the listings page. */
export function FilterChips({ filters }: { filters: SearchFacts }) {
  const { t } = useTranslation();
  const labels = useFormat().facts(filters);
  if (labels.length === 0) return null;
  return (
    <div className="chips-row">
      <ul className="chips" aria-label={t('chat.appliedFilters')}>
        {labels.map((label) => (
          <li key={label} className="chip">
            {label}
          </li>
        ))}
      </ul>
      <Link className="small" to={`/listings?${paramsFromFilters(filters)}`}>
        {t('chat.browseAll')}
      </Link>
    </div>
  );
}
