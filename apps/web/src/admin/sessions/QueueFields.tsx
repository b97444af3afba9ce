import type { FieldErrors } from '../../api/client.ts';
import { Field } from '../../ui/Field.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import type { QueueMode, SessionValues } from './sessionValues.ts';

const modes: Record<QueueMode, { label: string; hint: string }> = {
  off: { label: 'Off', hint: 'Buyers go straight to the seat map.' },
  scheduled: {
    label: 'Scheduled',
    hint: 'A waiting room opens before sales; at the on-sale everyone present gets a random place in line.',
  },
  auto: { label: 'Automatic', hint: 'The waiting room switches on by itself when demand exceeds capacity.' },
};

type QueueNumber =
  | 'prequeueMinutes'
  | 'outflowPerMinute'
  | 'maxActiveShoppers'
  | 'noShowMinutes'
  | 'shoppingMinutes';

const queueNumbers: { name: QueueNumber; label: string; max?: number; hint?: string }[] = [
  { name: 'prequeueMinutes', label: 'Waiting room opens (minutes before sales)' },
  { name: 'outflowPerMinute', label: 'Admitted per minute' },
  { name: 'maxActiveShoppers', label: 'Shoppers at once (max)' },
  {
    name: 'noShowMinutes',
    label: 'No-show timeout (minutes)',
    max: 60,
    hint: 'A place is released if its holder does not come in within this time.',
  },
  {
    name: 'shoppingMinutes',
    label: 'Time to choose seats (minutes)',
    max: 120,
    hint: 'How long someone let in may hold seats before they must queue again.',
  },
];

/** The waiting-room mode and, when it is on, how fast people are let in. */
export function QueueFields({
  values,
  errors,
  set,
}: {
  values: SessionValues;
  errors: FieldErrors;
  set: (field: keyof SessionValues) => (e: { target: { value: string } }) => void;
}) {
  return (
    <fieldset className="admin-fieldset">
      <legend>Waiting room</legend>
      <SelectField
        label="Queue mode"
        name="queueMode"
        value={values.queueMode}
        onChange={set('queueMode')}
        error={errors.queueMode ?? errors.queueSettings}
        hint={modes[values.queueMode].hint}
      >
        {(Object.keys(modes) as QueueMode[]).map((m) => (
          <option key={m} value={m}>
            {modes[m].label}
          </option>
        ))}
      </SelectField>
      {values.queueMode === 'off' ? null : (
        <div className="form-grid">
          {queueNumbers.map((f) => (
            <Field
              key={f.name}
              label={f.label}
              name={f.name}
              type="number"
              min={1}
              max={f.max}
              value={values[f.name]}
              onChange={set(f.name)}
              error={errors[f.name]}
              hint={f.hint}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}
