import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { LinkView, NodeView } from '../api/protocol';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useLab } from '../lab/LabContext';
import { useLabState } from '../store/useStore';
import { setLinkEdit, setNodeEdit } from './edits';
import { fieldErrors, type FieldErrors } from './fieldErrors';
import { linkChanges, linkFields, type LinkFields } from './labUnits';
import {
  newService,
  nodeChanges,
  nodeFields,
  speaksIp,
  withInterfaceAdded,
  withInterfaceRemoved,
  type NodeFields,
  type ServiceFields,
} from './nodeForm';
import { ErrorLine, RemoveButton, RowList } from './RowList';
import { useEditor, type TopologyEditor } from './topologyEditor';

type Outcome = { kind: 'none' } | { kind: 'applying' } | { kind: 'applied' } | { kind: 'failed'; errors: FieldErrors };

/**
 * What is selected, to edit (shown above the side panel's tabs, so that selecting never resizes or covers the
 * canvas under the pointer): a node's interfaces (added and removed) and addresses, gateway, static routes, name
 * servers, hosts lines and services (an http server's port; a dns server's port, recursion, root servers and zones;
 * added and removed), or a cable's
 * bandwidth, delay, jitter, loss, MTU, queue and whether it is plugged in. Apply sends the changed keys as one
 * topology edit (undoable); the server checks them as the lab file they make, and each error it names is shown
 * under its field.
 */
export function PropertiesPanel({ editor, onOpenTerminal }: { editor: TopologyEditor; onOpenTerminal: (node: string) => void }) {
  const { t } = useI18n();
  const { store } = useLab();
  const selection = useEditor(editor, (s) => s.selection);
  const nodes = useLabState(store, (s) => s.nodes);
  const links = useLabState(store, (s) => s.links);
  const lab = useLabState(store, (s) => s.lab);
  const routes = useLabState(store, (s) => s.routes);
  const node = selection?.kind === 'node' ? nodes.find((n) => n.id === selection.id) : undefined;
  const link = selection?.kind === 'link' ? links.find((l) => l.name === selection.id) : undefined;
  if (!node && !link) return null;

  return (
    <aside class="props-panel" data-testid="props-panel" aria-label={t('props.label')}>
      <div class="props-head">
        <h2 data-testid="props-title">
          {node ? t('props.node', { node: node.id, kind: kindName(t, node.kind) }) : t('props.link', { link: link!.name })}
        </h2>
        <button type="button" class="tool small" data-testid="props-close" aria-label={t('props.close')} title={t('props.close')} onClick={() => editor.select(null)}>
          ×
        </button>
      </div>
      {node ? (
        <NodeForm
          key={`${node.id}:${JSON.stringify(nodeFields(node, lab?.nodes[node.id], routes))}`}
          node={node}
          fields={nodeFields(node, lab?.nodes[node.id], routes)}
          editor={editor}
          onOpenTerminal={onOpenTerminal}
        />
      ) : (
        <LinkForm key={`${link!.name}:${JSON.stringify(linkFields(link!))}`} link={link!} editor={editor} />
      )}
    </aside>
  );
}

function kindName(t: (k: MessageKey) => string, kind: string): string {
  return ['host', 'server', 'switch', 'hub', 'router'].includes(kind) ? t(`kind.${kind}` as MessageKey) : kind;
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={error ? 'props-field invalid' : 'props-field'}>
      <label for={`props-${id}`}>{label}</label>
      {children}
      {error && (
        <p class="props-error" id={`props-${id}-error`} role="alert" data-testid={`props-error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

function Status({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  if (outcome.kind === 'applying') return <p class="props-status" aria-busy="true">{t('props.applying')}</p>;
  if (outcome.kind === 'applied')
    return (
      <p class="props-status ok" role="status" data-testid="props-applied">
        {t('props.applied')}
      </p>
    );
  if (outcome.kind === 'failed' && outcome.errors.general)
    return (
      <p class="props-error" role="alert" data-testid="props-general-error">
        {t('props.invalid', { reason: outcome.errors.general })}
      </p>
    );
  return null;
}

/** Apply (sends the changed keys; off while nothing changed or an edit is on its way) and Revert (back to the node or cable as it is). */
function ApplyRevert({ dirty, busy, onRevert }: { dirty: boolean; busy: boolean; onRevert: () => void }) {
  const { t } = useI18n();
  return (
    <div class="props-actions">
      <button type="submit" class="tool small primary" data-testid="props-apply" disabled={!dirty || busy}>
        {t('props.apply')}
      </button>
      <button type="button" class="tool small" data-testid="props-revert" disabled={!dirty} onClick={onRevert}>
        {t('props.revert')}
      </button>
    </div>
  );
}

function NodeForm({
  node,
  fields,
  editor,
  onOpenTerminal,
}: {
  node: NodeView;
  fields: NodeFields;
  editor: TopologyEditor;
  onOpenTerminal: (node: string) => void;
}) {
  const { t } = useI18n();
  const busy = useEditor(editor, (s) => s.busy);
  const [form, setForm] = useState<NodeFields>(fields);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const errors = outcome.kind === 'failed' ? outcome.errors.fields : {};
  const changes = useMemo(() => nodeChanges(fields, form), [fields, form]);
  const dirty = Object.keys(changes.set).length > 0;

  const setInterfaceIp = (i: number, ip: string) =>
    setForm((f) => ({ ...f, interfaces: f.interfaces.map((x, j) => (j === i ? { ...x, ip } : x)) }));
  const setRoute = (i: number, key: 'to' | 'via', value: string) =>
    setForm((f) => ({ ...f, routes: f.routes.map((r, j) => (j === i ? { ...r, [key]: value } : r)) }));
  const setService = (i: number, change: (s: ServiceFields) => ServiceFields) =>
    setForm((f) => ({ ...f, services: f.services.map((x, j) => (j === i ? change(x) : x)) }));
  const setHost = (i: number, key: 'name' | 'address', value: string) =>
    setForm((f) => ({ ...f, hosts: f.hosts.map((h, j) => (j === i ? { ...h, [key]: value } : h)) }));

  const apply = async (e: Event) => {
    e.preventDefault();
    if (!dirty) return;
    setOutcome({ kind: 'applying' });
    const error = await editor.make(setNodeEdit(node.id, changes.undo, changes.set), { report: false });
    setOutcome(error ? { kind: 'failed', errors: fieldErrors(error) } : { kind: 'applied' });
  };

  const actions = (
    <div class="props-actions">
      <button type="button" class="tool small" data-testid="props-terminal" onClick={() => onOpenTerminal(node.id)}>
        {t('props.openTerminal')}
      </button>
      <button type="button" class="tool small danger" data-testid="props-delete" disabled={busy} onClick={() => void editor.deleteSelection()}>
        {t('props.delete.node')}
      </button>
    </div>
  );

  if (!speaksIp(node.kind)) {
    return (
      <div class="props-body">
        <p class="note">{t('props.switchNote', { kind: t(`kind.${node.kind}` as MessageKey) })}</p>
        <p class="props-ports" data-testid="props-ports">
          {t('props.ports')}: {node.interfaces.map((i) => `${i.name}${i.link ? '' : ' –'}`).join(', ') || '—'}
        </p>
        {actions}
      </div>
    );
  }

  const error = (key: string) => errors[key];
  return (
    <form class="props-body" onSubmit={apply} data-testid="props-node-form">
      {form.addressKey === 'ip' ? (
        <Field id="ip" label={t('props.ip')} error={error('ip')}>
          <input
            id="props-ip"
            data-testid="props-ip"
            value={form.interfaces[0]!.ip}
            spellcheck={false}
            aria-invalid={!!error('ip')}
            aria-describedby={error('ip') ? 'props-ip-error' : undefined}
            onInput={(e) => setInterfaceIp(0, e.currentTarget.value)}
          />
        </Field>
      ) : (
        form.interfaces.map((iface, i) => (
          <Field key={iface.name} id={`interfaces.${i}.ip`} label={t('props.interface', { name: iface.name })} error={error(`interfaces.${i}.ip`) ?? (i === 0 ? error('interfaces') : undefined)}>
            <div class="if-row">
              <input
                id={`props-interfaces.${i}.ip`}
                data-testid={`props-if-${iface.name}`}
                value={iface.ip}
                placeholder="10.0.1.1/24"
                spellcheck={false}
                aria-invalid={!!error(`interfaces.${i}.ip`)}
                onInput={(e) => setInterfaceIp(i, e.currentTarget.value)}
              />
              <RemoveButton
                label={t('props.interface.remove', { name: iface.name })}
                testId={`props-if-${iface.name}-remove`}
                disabled={form.interfaces.length === 1}
                onClick={() => setForm((f) => withInterfaceRemoved(f, i))}
              />
            </div>
          </Field>
        ))
      )}
      <button type="button" class="tool small" data-testid="props-if-add" onClick={() => setForm(withInterfaceAdded)}>
        + {t('props.interface.add')}
      </button>
      <Field id="gateway" label={t('props.gateway')} error={error('gateway')}>
        <input
          id="props-gateway"
          data-testid="props-gateway"
          value={form.gateway}
          placeholder="10.0.0.254"
          spellcheck={false}
          aria-invalid={!!error('gateway')}
          onInput={(e) => {
            const gateway = e.currentTarget.value;
            setForm((f) => ({ ...f, gateway }));
          }}
        />
      </Field>
      <RowList
        legend={t('props.routes')}
        testId="props-route"
        errorKey="routes"
        rows={form.routes}
        columns={[
          { key: 'to', label: t('props.route.to') },
          { key: 'via', label: t('props.route.via') },
        ]}
        error={error}
        rowErrors
        removeLabel={t('props.route.remove')}
        addLabel={t('props.route.add')}
        onInput={setRoute}
        onRemove={(i) => setForm((f) => ({ ...f, routes: f.routes.filter((_, j) => j !== i) }))}
        onAdd={() => setForm((f) => ({ ...f, routes: [...f.routes, { to: '', via: '' }] }))}
      />
      <Field id="dns" label={t('props.dns')} error={error('dns')}>
        <input
          id="props-dns"
          data-testid="props-dns"
          value={form.dns}
          placeholder="10.0.0.53, 10.0.0.54"
          spellcheck={false}
          aria-invalid={!!error('dns')}
          aria-describedby={error('dns') ? 'props-dns-error' : 'props-dns-hint'}
          onInput={(e) => {
            const dns = e.currentTarget.value;
            setForm((f) => ({ ...f, dns }));
          }}
        />
        <p class="note" id="props-dns-hint">{t('props.dns.hint')}</p>
      </Field>
      <RowList
        legend={t('props.hosts')}
        testId="props-host"
        errorKey="hosts"
        rows={form.hosts}
        columns={[
          { key: 'name', label: t('props.host.name') },
          { key: 'address', label: t('props.host.address') },
        ]}
        error={error}
        removeLabel={t('props.host.remove')}
        addLabel={t('props.host.add')}
        onInput={setHost}
        onRemove={(i) => setForm((f) => ({ ...f, hosts: f.hosts.filter((_, j) => j !== i) }))}
        onAdd={() => setForm((f) => ({ ...f, hosts: [...f.hosts, { name: '', address: '' }] }))}
      />
      <fieldset class="props-routes" data-testid="props-services">
        <legend>{t('props.services')}</legend>
        {form.services.length === 0 && <p class="note">{t('props.services.none')}</p>}
        {form.services.map((svc, i) => (
          <ServiceBox
            key={i}
            index={i}
            service={svc}
            error={error(`services.${i}`)}
            onChange={(change) => setService(i, change)}
            onRemove={() => setForm((f) => ({ ...f, services: f.services.filter((_, j) => j !== i) }))}
          />
        ))}
        <ErrorLine errorKey="services" error={error('services')} />
        <div class="props-actions">
          <button
            type="button"
            class="tool small"
            data-testid="props-service-add-http"
            onClick={() => setForm((f) => ({ ...f, services: [...f.services, newService('http')] }))}
          >
            + {t('props.service.addHttp')}
          </button>
          <button
            type="button"
            class="tool small"
            data-testid="props-service-add-dns"
            onClick={() => setForm((f) => ({ ...f, services: [...f.services, newService('dns')] }))}
          >
            + {t('props.service.addDns')}
          </button>
        </div>
        <p class="note">{t('props.services.hint')}</p>
      </fieldset>
      <Status outcome={outcome} />
      <ApplyRevert
        dirty={dirty}
        busy={busy}
        onRevert={() => {
          setForm(fields);
          setOutcome({ kind: 'none' });
        }}
      />
      {actions}
    </form>
  );
}

/** One service of a node: its name, the fields a learner changes, and a button that takes it out of the list. */
function ServiceBox({
  index,
  service,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  service: ServiceFields;
  error: string | undefined;
  onChange: (change: (s: ServiceFields) => ServiceFields) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = `props-service-${index}`;
  const name = service.service === 'other' ? service.name : service.service;
  return (
    <div class={error ? 'service-box invalid' : 'service-box'} data-testid={id} data-service={name}>
      <div class="if-row">
        <strong>{service.service === 'other' ? name : t(`props.service.${service.service}`)}</strong>
        <RemoveButton label={t('props.service.remove', { name })} testId={`${id}-remove`} onClick={onRemove} />
      </div>
      {service.service !== 'other' && (
        <label class="props-label">
          {t('props.service.port')}
          <input
            data-testid={`${id}-port`}
            value={service.port}
            inputMode="numeric"
            spellcheck={false}
            aria-invalid={!!error}
            onInput={(e) => {
              const port = e.currentTarget.value;
              onChange((s) => (s.service === 'other' ? s : { ...s, port }));
            }}
          />
        </label>
      )}
      {service.service === 'other' && <p class="note">{t('props.service.kept')}</p>}
      {service.service === 'dns' && (
        <>
          <label class="toggle">
            <input
              type="checkbox"
              data-testid={`${id}-recursive`}
              checked={service.recursive}
              onChange={(e) => {
                const recursive = e.currentTarget.checked;
                onChange((s) => (s.service === 'dns' ? { ...s, recursive } : s));
              }}
            />
            <span>{t('props.service.recursive')}</span>
          </label>
          <label class="props-label">
            {t('props.service.root')}
            <input
              data-testid={`${id}-root`}
              value={service.root}
              placeholder="10.0.0.1"
              spellcheck={false}
              onInput={(e) => {
                const root = e.currentTarget.value;
                onChange((s) => (s.service === 'dns' ? { ...s, root } : s));
              }}
            />
          </label>
          {service.zones.map((z, k) => (
            <div key={k} class="zone-box" data-testid={`${id}-zone-${k}`}>
              <div class="if-row">
                <input
                  aria-label={t('props.service.zone')}
                  placeholder={t('props.service.zone')}
                  data-testid={`${id}-zone-${k}-origin`}
                  value={z.origin}
                  spellcheck={false}
                  onInput={(e) => {
                    const origin = e.currentTarget.value;
                    onChange((s) => (s.service === 'dns' ? { ...s, zones: s.zones.map((x, j) => (j === k ? { ...x, origin } : x)) } : s));
                  }}
                />
                <RemoveButton
                  label={t('props.service.zone.remove', { zone: z.origin })}
                  testId={`${id}-zone-${k}-remove`}
                  onClick={() => onChange((s) => (s.service === 'dns' ? { ...s, zones: s.zones.filter((_, j) => j !== k) } : s))}
                />
              </div>
              <textarea
                aria-label={t('props.service.records')}
                data-testid={`${id}-zone-${k}-records`}
                rows={3}
                value={z.records}
                placeholder={'www A 10.0.0.80\n@ MX 10 mail'}
                spellcheck={false}
                onInput={(e) => {
                  const records = e.currentTarget.value;
                  onChange((s) => (s.service === 'dns' ? { ...s, zones: s.zones.map((x, j) => (j === k ? { ...x, records } : x)) } : s));
                }}
              />
            </div>
          ))}
          <button
            type="button"
            class="tool small"
            data-testid={`${id}-zone-add`}
            onClick={() => onChange((s) => (s.service === 'dns' ? { ...s, zones: [...s.zones, { origin: '', records: '' }] } : s))}
          >
            + {t('props.service.zone.add')}
          </button>
          <p class="note">{t('props.service.records.hint')}</p>
        </>
      )}
      <ErrorLine errorKey={`services.${index}`} error={error} />
    </div>
  );
}

const LINK_KEYS = ['bandwidth', 'delay', 'jitter', 'loss', 'mtu', 'queue'] as const;

function LinkForm({ link, editor }: { link: LinkView; editor: TopologyEditor }) {
  const { t } = useI18n();
  const busy = useEditor(editor, (s) => s.busy);
  const fields = useMemo(() => linkFields(link), [link]);
  const [form, setForm] = useState<LinkFields>(fields);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const errors = outcome.kind === 'failed' ? outcome.errors.fields : {};
  const set = useMemo(() => linkChanges(fields, form), [fields, form]);
  const dirty = Object.keys(set).length > 0;

  const apply = async (e: Event) => {
    e.preventDefault();
    if (!dirty) return;
    const undo: Record<string, unknown> = {};
    const before = linkChanges(form, fields); // the same keys, as they were
    for (const key of Object.keys(set)) undo[key] = before[key];
    setOutcome({ kind: 'applying' });
    const error = await editor.make(setLinkEdit(link.name, undo, set), { report: false });
    setOutcome(error ? { kind: 'failed', errors: fieldErrors(error) } : { kind: 'applied' });
  };

  return (
    <form class="props-body" onSubmit={apply} data-testid="props-link-form">
      <p class="note">{t('props.unit.hint')}</p>
      {LINK_KEYS.map((key) => (
        <Field key={key} id={key} label={t(`props.${key}`)} error={errors[key]}>
          <input
            id={`props-${key}`}
            data-testid={`props-${key}`}
            value={form[key]}
            spellcheck={false}
            aria-invalid={!!errors[key]}
            aria-describedby={errors[key] ? `props-${key}-error` : undefined}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setForm((f) => ({ ...f, [key]: value }));
            }}
          />
        </Field>
      ))}
      <div class={errors.up ? 'props-field invalid' : 'props-field'}>
        <label class="toggle">
          <input
            type="checkbox"
            data-testid="props-up"
            checked={form.up}
            onChange={(e) => {
              const up = e.currentTarget.checked;
              setForm((f) => ({ ...f, up }));
            }}
          />
          <span>{t('props.up')}</span>
        </label>
        {errors.up && (
          <p class="props-error" role="alert" data-testid="props-error-up">
            {errors.up}
          </p>
        )}
      </div>
      <Status outcome={outcome} />
      <ApplyRevert
        dirty={dirty}
        busy={busy}
        onRevert={() => {
          setForm(fields);
          setOutcome({ kind: 'none' });
        }}
      />
      <div class="props-actions">
        <button type="button" class="tool small danger" data-testid="props-delete" disabled={busy} onClick={() => void editor.deleteSelection()}>
          {t('props.delete.link')}
        </button>
      </div>
    </form>
  );
}
