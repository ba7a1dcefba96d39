// One icon per node kind, as SVG data URIs that Cytoscape draws inside the node (bundled: nothing is fetched).

const STROKE = '#14213d';

function svg(body: string): string {
  const text = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" fill="none" stroke="${STROKE}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(text)}`;
}

export const NODE_ICONS: Record<string, string> = {
  // a monitor on a stand
  host: svg('<rect x="8" y="9" width="32" height="22" rx="2.5"/><path d="M24 31v6M16 39h16"/>'),
  // a tower with drive bays
  server: svg('<rect x="14" y="6" width="20" height="36" rx="2.5"/><path d="M18 13h12M18 19h12M18 25h12"/><circle cx="24" cy="35" r="1.6" fill="' + STROKE + '"/>'),
  // a box with arrows both ways: frames go to the port where the address was learned
  switch: svg('<rect x="5" y="14" width="38" height="20" rx="3"/><path d="M12 21h18l-3-3M36 27H18l3 3"/>'),
  // a box repeating out of every port
  hub: svg('<rect x="5" y="16" width="38" height="16" rx="3"/><circle cx="14" cy="24" r="2" fill="' + STROKE + '"/><circle cx="24" cy="24" r="2" fill="' + STROKE + '"/><circle cx="34" cy="24" r="2" fill="' + STROKE + '"/>'),
  // the classic router: a disc with arrows in four directions
  router: svg('<ellipse cx="24" cy="24" rx="18" ry="12"/><path d="M24 14v8M24 34v-8M12 24h8M36 24h-8M21 17l3-3 3 3M21 31l3 3 3-3"/>'),
};

export const KIND_COLORS: Record<string, string> = {
  host: '#1f8fa3',
  server: '#5b6abf',
  switch: '#2f855a',
  hub: '#b7791f',
  router: '#c05621',
};

export function iconFor(kind: string): string {
  return NODE_ICONS[kind] ?? NODE_ICONS.host!;
}
