import { type InputHTMLAttributes, useId } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** Sentences about this field (each names it, as a screen reader reads them alone); shown beside it. */
  errors?: string[] | undefined;
  hint?: string;
  /**
   * A required field's label shows a "*" (explained once by the form's note); `required`
   * alone tells screen readers and the browser, as on forms with a single field.
   */
  markRequired?: boolean;
}

/** A labelled input whose error text is tied to it for screen readers. */
export function Field({ label, errors, hint, id, className, markRequired, ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : undefined, invalid ? errorId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label
        htmlFor={inputId}
        className={markRequired && input.required ? 'field-required' : undefined}
      >
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={errorId} className="field-error">
          {errors!.join('; ')}
        </p>
      )}
    </div>
  );
}
