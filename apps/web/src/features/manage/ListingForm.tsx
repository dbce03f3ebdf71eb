import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../../api';
import { FEATURES, PROPERTY_TYPES, RENT_TYPES, TOWN_NAMES, useFormat } from '../../lib/format';
import { FormField } from './FormField';
import {
  CURRENCIES,
  type Currency,
  type FieldErrors,
  type FieldName,
  LIMITS,
  type ListingDraft,
  type ListingFields,
  serverErrors,
  validateDraft,
} from './listing-draft';

/**
 * A listing's fields as a form, for a new listing and for an edit. Each field is checked
 * before sending, and what the server refuses is shown beside its field; either way the
 * first field in error takes focus (and reads its message).
 */
export function ListingForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: ListingDraft;
  submitLabel: string;
  /** Sends the fields; a rejection is shown on the form. */
  onSubmit: (fields: ListingFields) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  // Bumped on each refused submit: focus moves once the messages are on the page.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? notice.current)?.focus();
  }, [refusals]);

  // A field's message goes once it is changed: it spoke of the value that was there.
  const set = <K extends FieldName>(field: K, value: ListingDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => {
      if (!e[field] && !(field === 'lat' || field === 'lng')) return e;
      const rest: FieldErrors = { ...e };
      delete rest[field];
      // Latitude and longitude are judged together.
      if (field === 'lat') delete rest.lng;
      if (field === 'lng') delete rest.lat;
      return rest;
    });
  };
  const toggle = (feature: Feature, on: boolean) =>
    set(
      'features',
      on ? [...draft.features, feature] : draft.features.filter((f) => f !== feature),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // aria-disabled, not disabled: the button keeps focus while the listing is saved.
    if (busy) return;
    const checked = validateDraft(draft, t);
    setErrors(checked.errors);
    setFormError(undefined);
    if (!checked.fields) {
      setRefusals((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(checked.fields);
    } catch (error) {
      const refused = serverErrors(error, t);
      setErrors(refused.fields);
      setFormError(refused.form);
      setRefusals((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  // A listing in a town the list does not name (imported data) keeps its town.
  const towns =
    TOWN_NAMES.includes(initial.location) || !initial.location
      ? TOWN_NAMES
      : [initial.location, ...TOWN_NAMES];
  const text = (field: 'title', props: Record<string, unknown> = {}) => (
    <FormField
      label={t(`manage.fields.${field}`)}
      errors={errors[field]}
      className="field-wide"
      required
    >
      {(control) => (
        <input
          {...control}
          {...props}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </FormField>
  );
  const number = (
    field: 'bedrooms' | 'bathrooms' | 'areaSqm' | 'price' | 'lat' | 'lng',
    inputMode: 'numeric' | 'decimal',
  ) => (
    // A place on the map is optional; every other number is asked for.
    <FormField
      label={t(`manage.fields.${field}`)}
      errors={errors[field]}
      required={field !== 'lat' && field !== 'lng'}
    >
      {(control) => (
        <input
          {...control}
          inputMode={inputMode}
          autoComplete="off"
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <form ref={form} className="listing-form" onSubmit={(e) => void submit(e)} noValidate>
      {formError && (
        <p ref={notice} tabIndex={-1} className="notice notice-error" role="alert">
          {formError}
        </p>
      )}
      <p className="form-note">{t('forms.requiredNote')}</p>
      {text('title', { maxLength: LIMITS.title?.max })}
      <FormField
        label={t('manage.fields.description')}
        errors={errors.description}
        required
        className="field-wide"
      >
        {(control) => (
          <textarea
            {...control}
            rows={5}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </FormField>
      <div className="listing-form-grid">
        <FormField label={t('manage.fields.location')} errors={errors.location} required>
          {(control) => (
            <select
              {...control}
              value={draft.location}
              onChange={(e) => set('location', e.target.value)}
            >
              <option value="">{t('manage.chooseTown')}</option>
              {towns.map((town) => (
                <option key={town} value={town}>
                  {town}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('manage.fields.rentType')} errors={errors.rentType} required>
          {(control) => (
            <select
              {...control}
              value={draft.rentType}
              onChange={(e) => set('rentType', e.target.value as ListingDraft['rentType'])}
            >
              {RENT_TYPES.map((r) => (
                <option key={r} value={r}>
                  {format.rentType(r)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('manage.fields.propertyType')} errors={errors.propertyType} required>
          {(control) => (
            <select
              {...control}
              value={draft.propertyType}
              onChange={(e) => set('propertyType', e.target.value as ListingDraft['propertyType'])}
            >
              {PROPERTY_TYPES.map((p) => (
                <option key={p} value={p}>
                  {format.propertyType(p)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {number('bedrooms', 'numeric')}
        {number('bathrooms', 'numeric')}
        {number('areaSqm', 'numeric')}
        {number('price', 'decimal')}
        <FormField label={t('manage.fields.currency')} errors={errors.currency}>
          {(control) => (
            <select
              {...control}
              value={draft.currency}
              onChange={(e) => set('currency', e.target.value as Currency)}
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="listing-form-features">
        <legend>{t('manage.fields.features')}</legend>
        <div className="listing-form-checks">
          {FEATURES.map((f) => (
            <label key={f} className="checkbox">
              <input
                type="checkbox"
                checked={draft.features.includes(f)}
                onChange={(e) => toggle(f, e.target.checked)}
              />
              {format.feature(f)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('manage.coordinates')}</legend>
        <p className="field-hint">{t('manage.coordinatesHint')}</p>
        <div className="listing-form-grid">
          {number('lat', 'decimal')}
          {number('lng', 'decimal')}
        </div>
      </fieldset>
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {busy ? t('manage.saving') : submitLabel}
      </button>
    </form>
  );
}
