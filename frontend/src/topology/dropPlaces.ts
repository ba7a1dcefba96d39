import type { DropMark } from '../store/labState';

/** One mark per place (a node, or a spot on a cable): the newest drop there, with how many happened there. */
export function newestPerPlace(drops: readonly DropMark[]): { drop: DropMark; count: number }[] {
  const places = new Map<string, { drop: DropMark; count: number }>();
  for (const d of drops) {
    const place = d.link ? `${d.link.name}@${d.link.at.toFixed(2)}` : d.node;
    const seen = places.get(place);
    places.set(place, { drop: d, count: (seen?.count ?? 0) + 1 });
  }
  return [...places.values()];
}
