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
          <Field
            label="Waiting room opens (minutes before sales)"
            name="prequeueMinutes"
            type="number"
            min={1}
            value={values.prequeueMinutes}
            onChange={set('prequeueMinutes')}
            error={errors.prequeueMinutes}
          />
          <Field
            label="Admitted per minute"
            name="outflowPerMinute"
            type="number"
            min={1}
            value={values.outflowPerMinute}
            onChange={set('outflowPerMinute')}
            error={errors.outflowPerMinute}
          />
          <Field
            label="Shoppers at once (max)"
            name="maxActiveShoppers"
            type="number"
            min={1}
            value={values.maxActiveShoppers}
            onChange={set('maxActiveShoppers')}
            error={errors.maxActiveShoppers}
          />
          <Field
            label="No-show timeout (minutes)"
            name="noShowMinutes"
            type="number"
            min={1}
            max={60}
            value={values.noShowMinutes}
            onChange={set('noShowMinutes')}
            error={errors.noShowMinutes}
            hint="A place is released if its holder does not come in within this time."
          />
          <Field
            label="Time to choose seats (minutes)"
            name="shoppingMinutes"
            type="number"
            min={1}
            max={120}
            value={values.shoppingMinutes}
            onChange={set('shoppingMinutes')}
            error={errors.shoppingMinutes}
            hint="How long someone let in may hold seats before they must queue again."
          />
        </div>
      )}
    </fieldset>
  );
}
