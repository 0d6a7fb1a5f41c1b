import type { FilterValues } from "./types.ts";

export type FilterFormProps = { filter: FilterValues; actions: readonly string[]; policyVersions: string[] };

/** GET form: the dashboard's filters and the consent id look-up. Works without JavaScript. */
export function FilterForm({ filter, actions, policyVersions }: FilterFormProps) {
  return (
    <form class="filters" method="get" action="/admin/">
      <label>
        From (UTC)
        <input type="date" name="from" value={filter.from} />
      </label>
      <label>
        To (UTC, included)
        <input type="date" name="to" value={filter.to} />
      </label>
      <Select label="Action" name="action" options={actions} selected={filter.action} />
      <Select label="Policy version" name="policy_version" options={policyVersions} selected={filter.policyVersion} />
      <label>
        Consent id
        <input type="search" name="consent_id" value={filter.consentId} size={38} spellcheck={false} autocomplete="off" />
      </label>
      <button type="submit">Apply</button>
      <a href="/admin/">Reset</a>
    </form>
  );
}

type SelectProps = { label: string; name: string; options: readonly string[]; selected: string };

/** A labelled choice among `options`, or "any" (no filter). */
function Select({ label, name, options, selected }: SelectProps) {
  return (
    <label>
      {label}
      <select name={name}>
        <option value="">any</option>
        {options.map((o) => (
          <option value={o} selected={o === selected}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
