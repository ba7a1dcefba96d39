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
}
