/**
 * The dashboard's erasure action for the consent id looked up (GDPR art. 17): a POST, logged
 * with who.
 */
export function EraseForm({ consentId, records }: { consentId: string; records: number }) {
  if (records === 0) return null;
  return (
    <form method="post" action="/admin/api/erase" class="erase">
      <input type="hidden" name="consent_id" value={consentId} />
      <button type="submit">
        Erase this subject's {records === 1 ? "record" : `${records} records`}
      </button>{" "}
      <span class="muted">
        deletes the record bodies, keeps their leaf hashes (every proof still holds); refuse it
        while the records are needed to defend a claim (art. 17(3)(e)): see the README, Compliance
      </span>
    </form>
  );
}
