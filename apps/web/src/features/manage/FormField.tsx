import { type ReactNode, useId } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

/**
 * A label, a control of any kind (input, select, textarea) and the field's errors beside
 * it, tied to the control so a screen reader reads them with it.
 */
export function FormField({
  label,
  errors,
  hint,
  required,
  className,
  children,
}: {
  label: string;
  /** Marked on its label (a "*" the form's note explains) and told to screen readers. */
  required?: boolean;
  errors?: string[] | undefined;
  hint?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={required ? 'field-required' : undefined}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy || undefined,
        'aria-required': required || undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}
