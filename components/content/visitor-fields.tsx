"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { VisitorDraft } from "./audience";

type Props = { value: VisitorDraft; onChange: (visitor: VisitorDraft) => void };

/** A made-up visitor: a first name, where and on what they browse, and any other traits. */
export function VisitorFields({ value, onChange }: Props) {
  const set = (patch: Partial<VisitorDraft>) => onChange({ ...value, ...patch });
  const setTrait = (index: number, patch: Partial<VisitorDraft["traits"][number]>) =>
    set({ traits: value.traits.map((t, i) => (i === index ? { ...t, ...patch } : t)) });
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-3">
        <Field label="first_name">
          <Input value={value.firstName} onChange={(e) => set({ firstName: e.target.value })} maxLength={120} />
        </Field>
        <Field label="Country" hint="Two letters, like DE">
          <Input
            value={value.country}
            onChange={(e) => set({ country: e.target.value })}
            maxLength={2}
            className="uppercase"
          />
        </Field>
        <Field label="Device">
          <Select value={value.device} onChange={(e) => set({ device: e.target.value })}>
            <option value="">Not known</option>
            <option value="desktop">Desktop</option>
            <option value="mobile">Mobile</option>
            <option value="tablet">Tablet</option>
          </Select>
        </Field>
        <Field label="Path">
          <Input value={value.path} onChange={(e) => set({ path: e.target.value })} maxLength={500} placeholder="/" />
        </Field>
      </div>
      {value.traits.map((trait, i) => (
        <div key={i} className="flex items-end gap-2">
          <Field label={`Trait ${i + 1} key`} className="min-w-0 flex-1">
            <Input
              value={trait.key}
              onChange={(e) => setTrait(i, { key: e.target.value })}
              maxLength={120}
              className="font-mono"
            />
          </Field>
          <Field label={`Trait ${i + 1} value`} className="min-w-0 flex-1">
            <Input value={trait.value} onChange={(e) => setTrait(i, { value: e.target.value })} maxLength={500} />
          </Field>
          <Button
            variant="ghost"
            size="sm"
            className="mb-0.5"
            aria-label={`Remove trait ${i + 1}`}
            onClick={() => set({ traits: value.traits.filter((_, j) => j !== i) })}
          >
            <span aria-hidden="true">×</span>
          </Button>
        </div>
      ))}
      <Button variant="secondary" size="sm" onClick={() => set({ traits: [...value.traits, { key: "", value: "" }] })}>
        Add trait
      </Button>
    </div>
  );
}
