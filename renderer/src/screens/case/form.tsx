/** The small forms of the case screen: a field per value, an empty field as null, and calls that report their failure. */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { messageOf } from '../../api.ts';
import { useT } from '../../i18n/index.ts';

type Fields<K extends string> = Record<K, string>;

export function useForm<K extends string>(initial: Fields<K>) {
  const [values, setValues] = useState(initial);
  const { t } = useT();
  const field = (key: K, label: ReactNode, props: { required?: boolean; type?: string; placeholder?: string; multiline?: boolean } = {}) => (
    <label>
      {label}
      {props.multiline ? (
        <textarea value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} required={props.required} rows={2} />
      ) : (
        <input
          type={props.type ?? 'text'}
          value={values[key]}
          onChange={(e) => setValues({ ...values, [key]: e.target.value })}
          required={props.required}
          placeholder={props.placeholder && t('form.example', { example: props.placeholder })}
        />
      )}
    </label>
  );
  return { values, setValues, field, reset: () => setValues(initial) };
}

export const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Runs a call to the back end, showing its failure instead of throwing it. */
export const caller = (onError: (message: string) => void) => (p: Promise<unknown>) => void p.catch((e: unknown) => onError(messageOf(e)));
