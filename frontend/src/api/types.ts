// Shapes of the JSON the server sends. Hand-kept in one place; the server side
// lives in backend/server (dev.packetlab.server.labs) and docs/ describes both.

/** A text in every UI language; lab files carry both. */
export interface LocalizedText {
  en: string;
  ko: string;
}

/** One entry of `GET /api/labs`. */
export interface LabSummary {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  /** Number of nodes (hosts, switches, hubs, routers) in the lab's topology. */
  nodes: number;
}

/** RFC 9457 problem detail, as every /api error is returned. */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** Each field that is wrong: a request body's, or the place in a lab file (`links[0].delay`). */
  errors?: { field: string; message: string }[];
}

/**
 * The tokens a `201` that creates or opens an instance answers beside its snapshot, once: `ownerToken` for an ordinary
 * instance, `replayToken` for a read-only replay (it only runs the replay).
 */
export interface InstanceTokens {
  ownerToken?: string;
  replayToken?: string;
}

/** What `POST /api/instances` starts: a catalogue lab, a lab file's text, or (neither) an empty lab. */
export type CreateInstanceRequest = { lab: string } | { labFile: string } | Record<string, never>;

/** One row of the packet list: a transmission on one link. */
export interface PacketRow {
  number: number;
  /** Simulated ns when its first bit left. */
  time: number;
  node: string;
  device: string;
  link: string;
  protocol: string;
  source: string;
  destination: string;
  length: number;
  summary: string;
}

/** One page of `GET /api/instances/{id}/packets`. */
export interface PacketPage {
  /** Packets matching the query among those kept. */
  total: number;
  page: number;
  size: number;
  /** The oldest packet number still kept. */
  first: number;
  packets: PacketRow[];
}

/** The packet list's filters, as the server takes them. */
export interface PacketQuery {
  node?: string;
  link?: string;
  /** eth, arp, ip, icmp, udp or tcp. */
  protocol?: string;
  /** IPv4 or MAC. */
  address?: string;
  port?: number;
}

/** One field of a dissected layer: Wireshark's name, its value, and the bytes it occupies. */
export interface DissectedField {
  key: string;
  label: string;
  value: string;
  offset: number;
  length: number;
  /** Non-zero when the field shares its bytes with others (IPv4 flags and fragment offset). */
  bitMask: number;
}

export interface DissectedLayer {
  name: string;
  offset: number;
  length: number;
  fields: DissectedField[];
}

/** `GET /api/instances/{id}/packets/{number}`: one packet taken apart. */
export interface PacketDetail {
  packet: PacketRow;
  layers: DissectedLayer[];
  /** Why the frame could not be read past its last layer, or null. */
  problem: string | null;
  /** The whole frame, two hex digits per byte. */
  hex: string;
}

/** `POST /api/saved-labs`: the new saved lab and its owner token (answered only this once). */
export interface SavedLabCreated {
  id: string;
  ownerToken: string;
}

/** `fork`: whoever opens the link carries on with their own copy; `readonly`: they can only watch it replay. */
export type ShareMode = 'fork' | 'readonly';

/** `POST /api/saved-labs/{id}/share-links`. */
export interface ShareLink {
  id: string;
  savedLabId: string;
  mode: ShareMode;
  at: number | null;
  createdAt: string;
}

/** `GET /api/share/{linkId}`: the lab at the shared point (the record fields the UI does not need are left out). */
export interface SharedLab {
  id: string;
  mode: ShareMode;
  readOnly: boolean;
  fileName: string;
  /** The lab file at the shared point (its title names the lab). */
  labFile: string;
  time: number;
}
