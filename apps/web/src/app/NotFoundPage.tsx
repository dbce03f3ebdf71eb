import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. Try the <Link to="/listings">listings</Link> or the{' '}
        <Link to="/chat">chat</Link>.
      </p>
    </div>
  );
}
