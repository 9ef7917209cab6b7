/**
 * The funders' map as tiles (issue 19.2): each of the 15 planning regions of GET /api/regions is a tile placed
 * roughly where it lies. No package draws these regions' boundaries (they are Harbour's own planning regions, not
 * Statistics Canada's health regions; npm has province outlines only), so a tile map keeps each region's place
 * instead: British Columbia west, Alberta in the middle, Ontario east, and within a province north above south.
 * A tile stands for a whole region: nothing on the map marks a place, so no confidential facility can be found on it.
 */

export type Province = 'BC' | 'AB' | 'ON';

/** A tile on its province's grid, in grid units (a 1 x 1 tile is one square). */
export interface Tile { code: string; province: Province; x: number; y: number; w: number; h: number }

/** The provinces from west to east, each with its grid's size. */
export const PROVINCES: { code: Province; columns: number; rows: number }[] = [
  { code: 'BC', columns: 3, rows: 2 },
  { code: 'AB', columns: 2, rows: 3 },
  { code: 'ON', columns: 3, rows: 3 },
];

/**
 * Where each region sits. British Columbia: the north across the top, then the island, the Lower Mainland and the
 * interior west to east. Alberta: the north, Edmonton, then Calgary and the south. Ontario: the northwest and the
 * northeast; then Central West over the Southwest, Central East over Toronto, and the East down the side.
 */
export const TILES: Tile[] = [
  { code: 'BC-NORTH', province: 'BC', x: 0, y: 0, w: 3, h: 1 },
  { code: 'BC-ISLAND', province: 'BC', x: 0, y: 1, w: 1, h: 1 },
  { code: 'BC-LOWER-MAINLAND', province: 'BC', x: 1, y: 1, w: 1, h: 1 },
  { code: 'BC-INTERIOR', province: 'BC', x: 2, y: 1, w: 1, h: 1 },
  { code: 'AB-NORTH', province: 'AB', x: 0, y: 0, w: 2, h: 1 },
  { code: 'AB-EDMONTON', province: 'AB', x: 0, y: 1, w: 2, h: 1 },
  { code: 'AB-CALGARY', province: 'AB', x: 0, y: 2, w: 1, h: 1 },
  { code: 'AB-SOUTH', province: 'AB', x: 1, y: 2, w: 1, h: 1 },
  { code: 'ON-NORTHWEST', province: 'ON', x: 0, y: 0, w: 1, h: 1 },
  { code: 'ON-NORTHEAST', province: 'ON', x: 1, y: 0, w: 2, h: 1 },
  { code: 'ON-CENTRAL-WEST', province: 'ON', x: 0, y: 1, w: 1, h: 1 },
  { code: 'ON-CENTRAL-EAST', province: 'ON', x: 1, y: 1, w: 1, h: 1 },
  { code: 'ON-EAST', province: 'ON', x: 2, y: 1, w: 1, h: 2 },
  { code: 'ON-SOUTHWEST', province: 'ON', x: 0, y: 2, w: 1, h: 1 },
  { code: 'ON-CENTRAL', province: 'ON', x: 1, y: 2, w: 1, h: 1 },
];

export function tilesOf(province: Province): Tile[] {
  return TILES.filter((t) => t.province === province);
}

/**
 * A label cut into lines of at most `max` characters, at spaces or after a hyphen ("Centre-" / "Ouest"), at most
 * `lines` lines (the last one ends with "…" when the words do not fit). SVG text does not wrap by itself.
 */
export function wrapWords(text: string, max: number, lines = 2): string[] {
  const words = text.split(/\s+|(?<=-)/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const glue = line === '' || line.endsWith('-') ? '' : ' ';
    if (line !== '' && (line + glue + word).length > max) {
      out.push(line);
      line = word;
    } else {
      line += glue + word;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]}…`;
  return kept;
}
