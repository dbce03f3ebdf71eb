import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startTestI18n } from '../../../test/i18n';
import { CustomerName, isGuest } from './CustomerName';

const guest = {
  name: 'Guest',
  email: 'guest-01a2474d-bfd1-704a-acc9-8b9e1a42d873@guest.invalid',
};
const person = { name: 'Deniz', email: 'deniz@example.com' };

describe('a customer in the inbox', () => {
  it('tells a guest by its made-up address', () => {
    expect(isGuest(guest)).toBe(true);
    expect(isGuest(person)).toBe(false);
    // Someone whose address merely mentions "guest" is a person.
    expect(isGuest({ email: 'guest@guesthouse.example' })).toBe(false);
  });

  it('shows a guest as just "Guest", never its placeholder address', () => {
    const { container } = render(<CustomerName customer={guest} withEmail />);
    expect(container).toHaveTextContent(/^Guest$/);
    expect(container.textContent).not.toContain('@guest.invalid');
  });

  it('says "Guest" in the agent\'s language', async () => {
    await startTestI18n('tr');
    const { container } = render(<CustomerName customer={{ ...guest, name: 'Guest' }} />);
    expect(container).toHaveTextContent(/^Misafir$/);
  });

  it('shows a person by name, with their address where asked', () => {
    render(<CustomerName customer={person} withEmail />);
    expect(screen.getByText('deniz@example.com')).toBeInTheDocument();
    expect(screen.getByText(/Deniz/)).toBeInTheDocument();
  });
});
