"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { fieldMessages } from "./field-messages";
import { useTimeZones } from "./use-time-zones";

export type Schedule = { startsAt: string; endsAt: string; timeZone: string };

type Props = { value: Schedule; onChange: (schedule: Schedule) => void; errors: Record<string, string[]> };

/** When an experience may be served: optional local start and end times in a time zone. */
export function ScheduleFields({ value, onChange, errors }: Props) {
  const zones = useTimeZones();
  const options = zones.includes(value.timeZone) ? zones : [value.timeZone, ...zones];
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-gray-900">Schedule</legend>
      <p className="text-xs text-gray-500">Optional: leave both empty to serve it whenever it is live.</p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Starts" error={fieldMessages(errors["schedule.startsAt"])}>
          <Input
            type="datetime-local"
            value={value.startsAt}
            onChange={(e) => onChange({ ...value, startsAt: e.target.value.slice(0, 16) })}
          />
        </Field>
        <Field label="Ends" error={fieldMessages(errors["schedule.endsAt"])}>
          <Input
            type="datetime-local"
            value={value.endsAt}
            onChange={(e) => onChange({ ...value, endsAt: e.target.value.slice(0, 16) })}
          />
        </Field>
        <Field label="Time zone" error={fieldMessages(errors["schedule.timeZone"])}>
          <Select value={value.timeZone} onChange={(e) => onChange({ ...value, timeZone: e.target.value })}>
            {options.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </fieldset>
  );
}
