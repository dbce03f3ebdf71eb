import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, FakeError, type FakeParley } from '../../../test/fake-parley';
import { listing } from '../../../test/fixtures';
import { startTestI18n } from '../../../test/i18n';
import { renderWithParley } from '../../../test/render';
import { api } from '../../api';
import { ListingForm } from './ListingForm';
import { EMPTY_DRAFT } from './listing-draft';

let fake: FakeParley;
beforeEach(() => {
  fake = createFakeParley();
});

/** The form as the new-listing page uses it: its fields go to `listings.create`. */
function CreateForm() {
  const create = api.listings.create.useMutation();
  return (
    <ListingForm
      initial={EMPTY_DRAFT}
      submitLabel="Publish listing"
      onSubmit={(fields) => create.mutateAsync(fields)}
    />
  );
}

const errorOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')
    ?.textContent;

async function fillValid(u: ReturnType<typeof userEvent.setup>) {
  await u.type(screen.getByLabelText('Title'), 'Harbour flat');
  await u.type(screen.getByLabelText('Description'), 'Two rooms by the sea.');
  await u.selectOptions(screen.getByLabelText('Town'), 'Girne');
  await u.type(screen.getByLabelText('Bedrooms'), '2');
  await u.type(screen.getByLabelText('Bathrooms'), '1');
  await u.type(screen.getByLabelText('Area (m²)'), '85');
  await u.type(screen.getByLabelText('Price'), '750');
}

describe('the listing form', () => {
  it('names each missing field beside it, focuses the first, and sends nothing', async () => {
    const u = userEvent.setup();
    renderWithParley(fake, <CreateForm />);
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    const title = screen.getByLabelText('Title');
    expect(title).toHaveFocus();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(title)).toBe('Title is required');
    expect(errorOf(screen.getByLabelText('Town'))).toBe('Choose a town from the list.');
    expect(errorOf(screen.getByLabelText('Price'))).toBe('Price is required');
    expect(screen.getByLabelText('Latitude')).not.toHaveAttribute('aria-invalid');
    expect(fake.calls.filter((c) => c.path === 'listings.create')).toHaveLength(0);
  });

  it("checks the server's rules before sending: length, whole numbers, decimals, both coordinates", async () => {
    const u = userEvent.setup();
    renderWithParley(fake, <CreateForm />);
    await fillValid(u);
    await u.clear(screen.getByLabelText('Title'));
    await u.type(screen.getByLabelText('Title'), 'ab');
    await u.clear(screen.getByLabelText('Bedrooms'));
    await u.type(screen.getByLabelText('Bedrooms'), '1.5');
    await u.clear(screen.getByLabelText('Price'));
    await u.type(screen.getByLabelText('Price'), '12.345');
    await u.type(screen.getByLabelText('Latitude'), '35.3');
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    // The whole rule, so the person knows what to type: its bounds come from the server's schema.
    expect(errorOf(screen.getByLabelText('Title'))).toBe('Title must be 3 to 200 characters long');
    expect(errorOf(screen.getByLabelText('Bedrooms'))).toBe(
      'Bedrooms must be a whole number from 0 to 50',
    );
    expect(errorOf(screen.getByLabelText('Price'))).toBe('Price may have at most 2 decimal places');
    // The hint above the pair says "both or neither"; the error names the missing half, once.
    expect(errorOf(screen.getByLabelText('Longitude'))).toBe('Longitude is required');
    expect(screen.getAllByText(/both or neither/i)).toHaveLength(1);
    expect(screen.queryByText('Give both latitude and longitude, or neither')).toBeNull();
    expect(fake.calls.filter((c) => c.path === 'listings.create')).toHaveLength(0);
  });

  it('reads a decimal comma (750,50) as a point; a comma that may group thousands is not a number', async () => {
    const u = userEvent.setup();
    fake.on('listings.create', (input) => listing(input));
    renderWithParley(fake, <CreateForm />);
    await fillValid(u);
    await u.clear(screen.getByLabelText('Price'));
    await u.type(screen.getByLabelText('Price'), '1,000');
    await u.clear(screen.getByLabelText('Area (m²)'));
    await u.type(screen.getByLabelText('Area (m²)'), 'abc');
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    expect(errorOf(screen.getByLabelText('Price'))).toBe('Price must be a number');
    expect(errorOf(screen.getByLabelText('Area (m²)'))).toBe(
      'Area (m²) must be a whole number from 1 to 100,000',
    );
    await u.clear(screen.getByLabelText('Price'));
    await u.type(screen.getByLabelText('Price'), '750,50');
    await u.clear(screen.getByLabelText('Area (m²)'));
    await u.type(screen.getByLabelText('Area (m²)'), '85');
    await u.type(screen.getByLabelText('Latitude'), '35,3412');
    await u.type(screen.getByLabelText('Longitude'), '33,32');
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.path === 'listings.create')?.input).toMatchObject({
        price: 750.5,
        areaSqm: 85,
        lat: 35.3412,
        lng: 33.32,
      }),
    );
  });

  it('sends the fields as the API takes them: numbers, chosen features, no coordinates', async () => {
    const u = userEvent.setup();
    fake.on('listings.create', (input) => listing(input));
    renderWithParley(fake, <CreateForm />);
    await fillValid(u);
    await u.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    await u.click(screen.getByRole('checkbox', { name: 'Sea view' }));
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.path === 'listings.create')?.input).toEqual({
        title: 'Harbour flat',
        description: 'Two rooms by the sea.',
        location: 'Girne',
        rentType: 'long_term',
        propertyType: 'apartment',
        bedrooms: 2,
        bathrooms: 1,
        areaSqm: 85,
        price: 750,
        currency: 'EUR',
        features: ['sea_view'],
        lat: null,
        lng: null,
      }),
    );
  });

  it("shows the server's field errors beside their fields, in the language on screen", async () => {
    await startTestI18n('tr');
    const u = userEvent.setup();
    fake.on('listings.create', () => {
      throw new FakeError('BAD_REQUEST', 'location: is not a town Parley knows', {
        fieldErrors: {
          location: ['is not a town Parley knows'],
          title: ['Too small: expected string to have >=3 characters'],
          areaSqm: ['Something the app has never seen'],
        },
      });
    });
    renderWithParley(fake, <CreateForm />);
    await u.type(screen.getByLabelText('Başlık'), 'Harbour flat');
    await u.type(screen.getByLabelText('Açıklama'), 'Deniz kenarı.');
    await u.selectOptions(screen.getByLabelText('Yer'), 'Girne');
    await u.type(screen.getByLabelText('Yatak odası'), '2');
    await u.type(screen.getByLabelText('Banyo'), '1');
    await u.type(screen.getByLabelText('Alan (m²)'), '85');
    await u.type(screen.getByLabelText('Fiyat'), '750');
    // The button's label is the harness's own; the fields and messages are the page's.
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    const title = screen.getByLabelText('Başlık');
    await waitFor(() => expect(title).toHaveFocus());
    expect(errorOf(title)).toBe('Başlık 3 ile 200 karakter arasında olmalı');
    expect(errorOf(screen.getByLabelText('Yer'))).toBe(
      'Yer: Parley bu yeri tanımıyor; listeden birini seçin',
    );
    // A message the app does not know is not shown in English.
    expect(errorOf(screen.getByLabelText('Alan (m²)'))).toBe(
      'Alan (m²) geçerli değil; lütfen kontrol edin',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says each rule in Russian too, its numbers written as Russian writes them', async () => {
    await startTestI18n('ru');
    const u = userEvent.setup();
    renderWithParley(fake, <CreateForm />);
    const [title, bedrooms, area] = ['Заголовок', 'Спальни', 'Площадь (м²)'].map((label) =>
      screen.getByLabelText(label),
    );
    await u.type(title!, 'ab');
    await u.type(bedrooms!, 'abc');
    await u.type(area!, '100001');
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    expect(errorOf(title!)).toBe('Заголовок: от 3 до 200 символов');
    expect(errorOf(bedrooms!)).toBe('Спальни: целое число от 0 до 50');
    expect(errorOf(area!)).toBe('Площадь (м²): целое число от 1 до 100\u00a0000');
  });

  it('marks the fields it asks for (aria-required, and a "*" its note explains)', async () => {
    renderWithParley(fake, <CreateForm />);
    expect(screen.getByText('Fields marked * are required.')).toBeInTheDocument();
    for (const label of ['Title', 'Description', 'Town', 'Bedrooms', 'Area (m²)', 'Price']) {
      const field = screen.getByLabelText(label);
      expect(field).toHaveAttribute('aria-required', 'true');
      expect(document.querySelector(`label[for="${field.id}"]`)).toHaveClass('field-required');
    }
    expect(screen.getByLabelText('Latitude')).not.toHaveAttribute('aria-required');
  });

  it("says the server's messages about a field once each", async () => {
    const u = userEvent.setup();
    fake.on('listings.create', () => {
      throw new FakeError('BAD_REQUEST', 'title: is required', {
        fieldErrors: { title: ['is required', 'must not be blank'] },
      });
    });
    renderWithParley(fake, <CreateForm />);
    await fillValid(u);
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    await waitFor(() => expect(errorOf(screen.getByLabelText('Title'))).toBe('Title is required'));
  });

  it('says a refusal that is not about a field (not allowed) above the form', async () => {
    const u = userEvent.setup();
    fake.on('listings.create', () => {
      throw new FakeError('FORBIDDEN', 'Requires role agent or admin');
    });
    renderWithParley(fake, <CreateForm />);
    await fillValid(u);
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/not allowed|permission/i);
    await waitFor(() => expect(alert).toHaveFocus());
  });
});

describe('after a refused submit', () => {
  it("drops a field's message once the field is changed, and keeps the others", async () => {
    const u = userEvent.setup();
    renderWithParley(fake, <CreateForm />);
    await u.click(screen.getByRole('button', { name: 'Publish listing' }));
    await u.type(screen.getByLabelText('Title'), 'Harbour flat');
    expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Title is required')).not.toBeInTheDocument();
    expect(screen.getByText('Price is required')).toBeInTheDocument();
  });
});
