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
      <label>
        Action
        <select name="action">
          <option value="">any</option>
          {actions.map((a) => (
            <option value={a} selected={a === filter.action}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        Policy version
        <select name="policy_version">
          <option value="">any</option>
          {policyVersions.map((v) => (
            <option value={v} selected={v === filter.policyVersion}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        Consent id
        <input type="search" name="consent_id" value={filter.consentId} size={38} spellcheck={false} autocomplete="off" />
      </label>
      <button type="submit">Apply</button>
      <a href="/admin/">Reset</a>
    </form>
  );
}
