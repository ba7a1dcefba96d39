import { parse } from 'yaml';
import type { LocalizedText } from '../api/types';

/** One guided step of a lab, in both languages. */
export interface LabStep {
  text: LocalizedText;
  hint: LocalizedText | null;
  /** Whether the lab file gives the step a check (its verdict comes over the WebSocket). */
  checked: boolean;
}

/**
 * What the lab view shows that a snapshot does not carry: the lab's title, summary, steps and where the author
 * placed each node. Read from the instance's lab file (`GET /api/instances/{id}/lab-file`), which protocol 1 is
 * the only source of.
 */
export interface LabInfo {
  id: string;
  title: LocalizedText;
  summary: LocalizedText | null;
  steps: LabStep[];
  /** Node id → position as written in the file; nodes without one are laid out by the UI. */
  positions: Record<string, { x: number; y: number }>;
  /**
   * Node id → the node as the lab file writes it (kind, ip or interfaces, gateway, dns, routes, services…): what the
   * properties panel shows, and what undoing a node's removal puts back.
   */
  nodes: Record<string, Record<string, unknown>>;
}

/** A lab file's `text`: a string (English) or `{en, ko}` where a missing `ko` shows the English. */
function text(value: unknown): LocalizedText | null {
  if (typeof value === 'string') return { en: value, ko: value };
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const en = typeof v.en === 'string' ? v.en : '';
    const ko = typeof v.ko === 'string' && v.ko !== '' ? v.ko : en;
    return { en, ko };
  }
  return null;
}

/** Reads a lab file's text as far as the lab view needs it; anything unexpected is left out, never thrown. */
export function parseLabInfo(labFile: string): LabInfo {
  let doc: unknown;
  try {
    doc = parse(labFile);
  } catch {
    doc = null;
  }
  const root = (doc && typeof doc === 'object' ? doc : {}) as Record<string, unknown>;
  const steps: LabStep[] = [];
  if (Array.isArray(root.steps)) {
    for (const s of root.steps) {
      if (!s || typeof s !== 'object') continue;
      const step = s as Record<string, unknown>;
      const t = text(step.text);
      if (t) steps.push({ text: t, hint: text(step.hint), checked: step.check !== undefined && step.check !== null });
    }
  }
  const positions: LabInfo['positions'] = {};
  const nodes: LabInfo['nodes'] = {};
  if (Array.isArray(root.nodes)) {
    for (const n of root.nodes) {
      if (!n || typeof n !== 'object') continue;
      const node = n as Record<string, unknown>;
      if (typeof node.id === 'string') nodes[node.id] = node;
      const p = node.position as Record<string, unknown> | undefined;
      if (typeof node.id === 'string' && p && typeof p.x === 'number' && typeof p.y === 'number') {
        positions[node.id] = { x: p.x, y: p.y };
      }
    }
  }
  return {
    id: typeof root.id === 'string' ? root.id : '',
    title: text(root.title) ?? { en: '', ko: '' },
    summary: text(root.summary),
    steps,
    positions,
    nodes,
  };
}
