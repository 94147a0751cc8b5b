import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Patient } from '../../../shared/library-types.ts';
import { fold } from '../../../shared/patient-match.ts';
import { formatDate } from '../format.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import './PatientSwitcher.css';

type Choice = { readonly key: string; readonly label: string; readonly pick: () => void };

const patientLabel = (p: Patient) => (p.dateOfBirth ? currentTranslator().t('patients.born', { name: p.name, date: formatDate(p.dateOfBirth) }) : p.name);

/**
 * Whose records are shown. An advocate with many clients types part of a name (in any order, accents and
 * case ignored) and picks from what matches, with the arrow keys and Enter or the mouse; the list also
 * opens every client's overview and adds a patient. (The ARIA combobox pattern with a list popup.)
 */
export function PatientSwitcher({ patients, patientId, onSelect, onAdd, onPractice }: { patients: readonly Patient[]; patientId: number; onSelect: (id: number) => void; onAdd: () => void; onPractice: () => void }) {
  const current = patients.find((p) => p.id === patientId);
  const [open, setOpen] = useState(false);
  const { t } = useT();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  const choices = useMemo((): Choice[] => {
    const words = fold(typed).split(/\s+/).filter(Boolean);
    const found = patients.filter((p) => {
      const text = fold(`${p.name} ${p.otherNames.join(' ')} ${p.dateOfBirth ?? ''} ${p.dateOfBirth ? formatDate(p.dateOfBirth) : ''}`);
      return words.every((w) => text.includes(w));
    });
    return [
      ...found.map((p) => ({ key: `p${p.id}`, label: patientLabel(p), pick: () => onSelect(p.id) })),
      { key: 'practice', label: t('patients.practice'), pick: onPractice },
      { key: 'add', label: t('patients.add'), pick: onAdd },
    ];
  }, [patients, typed, onSelect, onAdd, onPractice, t]);
  const matches = choices.length - 2;
  useEffect(() => {
    if (open) document.getElementById(`${listId}-${choices[active]?.key}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, choices, listId]);

  const close = () => {
    setOpen(false);
    setTyped('');
    setActive(0);
  };
  const choose = (choice: Choice | undefined) => {
    if (!choice) return;
    close();
    input.current?.blur();
    choice.pick();
  };

  return (
    <div className="patient-switcher">
      <label htmlFor={`${listId}-input`}>{t('patients.label')}</label>
      <div className="patient-combo">
        <input
          id={`${listId}-input`}
          ref={input}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${listId}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${choices[active]?.key}` : undefined}
          aria-describedby={`${listId}-hint`}
          value={open ? typed : current ? patientLabel(current) : ''}
          placeholder={current ? patientLabel(current) : t('patients.find')}
          autoComplete="off"
          spellCheck={false}
          onFocus={() => {
            setOpen(true);
            setActive(Math.max(0, patients.findIndex((p) => p.id === patientId)));
          }}
          onClick={() => setOpen(true)}
          onBlur={close}
          onChange={(e) => {
            setTyped(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, choices.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && open) {
              e.preventDefault();
              choose(choices[active]);
            } else if (e.key === 'Escape' && open) {
              e.preventDefault();
              close();
            }
          }}
        />
        <span id={`${listId}-hint`} className="visually-hidden">
          {t('patients.hint', { count: patients.length })}
        </span>
        {open && (
          <ul id={`${listId}-list`} role="listbox" aria-label={t('patients.list')} className="patient-options">
            {matches === 0 && (
              <li className="patient-none" role="presentation">
                {t('patients.none', { typed: typed.trim() })}
              </li>
            )}
            {choices.map((c, i) => (
              <li
                key={c.key}
                id={`${listId}-${c.key}`}
                role="option"
                aria-selected={i === active}
                className={`${i === active ? 'active' : ''}${c.key === `p${patientId}` ? ' current' : ''}${i === matches ? ' first-action' : ''}`}
                // Chosen on mouse down, before the field's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(c);
                }}
                onMouseMove={() => setActive(i)}
              >
                {c.label}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
