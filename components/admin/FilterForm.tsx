import type { AdminStrings } from "../../content/schema.ts";
import type { FilterValues } from "./types.ts";

export type FilterFormProps = {
  filter: FilterValues;
  actions: readonly string[];
  policyVersions: string[];
  t: AdminStrings;
};

/** GET form: the dashboard's filters and the consent id look-up. Works without JavaScript. */
export function FilterForm({ filter, actions, policyVersions, t }: FilterFormProps) {
  const l = t.dashboard;
  const actionName = (a: string) => t.actions[a as keyof AdminStrings["actions"]] ?? a;
  return (
    <form class="filters" method="get" action="/admin/">
      <label>
        {l.from}
        <input type="date" name="from" value={filter.from} />
      </label>
      <label>
        {l.to}
        <input type="date" name="to" value={filter.to} />
      </label>
      <Select
        label={l.action}
        name="action"
        options={actions.map((a) => [a, actionName(a)])}
        selected={filter.action}
        any={l.any}
      />
      <Select
        label={l.policyVersion}
        name="policy_version"
        options={policyVersions.map((v) => [v, v])}
        selected={filter.policyVersion}
        any={l.any}
      />
      <label>
        {l.consentId}
        <input
          type="search"
          name="consent_id"
          value={filter.consentId}
          size={38}
          spellcheck={false}
          autocomplete="off"
        />
      </label>
      <button type="submit">{l.apply}</button>
      <a href="/admin/">{l.reset}</a>
    </form>
  );
}

type SelectProps = {
  label: string;
  name: string;
  options: [value: string, label: string][];
  selected: string;
  any: string;
};

/** A labelled choice among `options`, or "any" (no filter). */
function Select({ label, name, options, selected, any }: SelectProps) {
  return (
    <label>
      {label}
      <select name={name}>
        <option value="">{any}</option>
        {options.map(([value, text]) => (
          <option value={value} selected={value === selected}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
