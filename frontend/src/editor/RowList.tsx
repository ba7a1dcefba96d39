/**
 * The pieces the node form's lists are made of (interfaces, static routes, hosts lines, services, a dns server's
 * zones): a row's × button, the server's error under a row or a list, and a fieldset of rows of text inputs. One
 * copy of each, so that every list keeps the same test ids, labels and error placement.
 */

/** The × that takes one row out of its list; `label` is both its accessible name and its tooltip. */
export function RemoveButton({ label, testId, disabled, onClick }: { label: string; testId: string; disabled?: boolean; onClick: () => void }) {
  return (
    <button type="button" class="tool small" aria-label={label} title={label} data-testid={testId} disabled={disabled} onClick={onClick}>
      ×
    </button>
  );
}

/** The server's error for one key of the lab file (`routes`, `routes.0`, `services.1`), or nothing. */
export function ErrorLine({ errorKey, error }: { errorKey: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="props-error" role="alert" data-testid={`props-error-${errorKey}`}>
      {error}
    </p>
  );
}

/**
 * A fieldset of rows, each a text input per column (the column's label is its accessible name and placeholder) and
 * a × button, then the list's error and an add button. Test ids are `${testId}-${i}`, `${testId}-${i}-${column}`,
 * `${testId}-${i}-remove` and `${testId}-add`. With `rowErrors`, a row the server names (`${errorKey}.${i}`) is
 * marked invalid and shows its error under its inputs.
 */
export function RowList<K extends string>({
  legend,
  testId,
  errorKey,
  rows,
  columns,
  error,
  rowErrors = false,
  removeLabel,
  addLabel,
  onInput,
  onRemove,
  onAdd,
}: {
  legend: string;
  testId: string;
  errorKey: string;
  rows: readonly Readonly<Record<K, string>>[];
  columns: readonly { key: K; label: string }[];
  error: (key: string) => string | undefined;
  rowErrors?: boolean;
  removeLabel: string;
  addLabel: string;
  onInput: (i: number, key: K, value: string) => void;
  onRemove: (i: number) => void;
  onAdd: () => void;
}) {
  return (
    <fieldset class="props-routes">
      <legend>{legend}</legend>
      {rows.map((row, i) => {
        const rowError = rowErrors ? error(`${errorKey}.${i}`) : undefined;
        return (
          <div key={i} class={rowError ? 'route-row invalid' : 'route-row'} data-testid={`${testId}-${i}`}>
            {columns.map(({ key, label }) => (
              <input
                key={key}
                aria-label={label}
                placeholder={label}
                data-testid={`${testId}-${i}-${key}`}
                value={row[key]}
                spellcheck={false}
                onInput={(e) => onInput(i, key, e.currentTarget.value)}
              />
            ))}
            <RemoveButton label={removeLabel} testId={`${testId}-${i}-remove`} onClick={() => onRemove(i)} />
            <ErrorLine errorKey={`${errorKey}.${i}`} error={rowError} />
          </div>
        );
      })}
      <ErrorLine errorKey={errorKey} error={error(errorKey)} />
      <button type="button" class="tool small" data-testid={`${testId}-add`} onClick={onAdd}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
