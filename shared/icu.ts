/**
 * Saying a catalogue's messages: ICU MessageFormat through intl-messageformat, each message parsed once
 * and kept. Used by the packet's text and the checklist's words (the window has its own, which also
 * puts React elements into messages).
 */
import { IntlMessageFormat } from 'intl-messageformat';

export type MessageValues = Record<string, string | number>;

/** A function that says a catalogue's message with its values put in, in `locale`. */
export function sayer<K extends string>(catalogue: Readonly<Record<K, string>>, locale: string): (key: K, values?: MessageValues) => string {
  const formats = new Map<K, IntlMessageFormat>();
  return (key, values) => {
    let format = formats.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalogue[key], locale);
      formats.set(key, format);
    }
    return String(format.format(values));
  };
}
