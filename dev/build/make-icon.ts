// Renders static/images/logo.png from the same shapes as static/images/logo.svg (a clock on a
// blue tile), without an image library: shapes are tested per sub-pixel and averaged.
// Run: npx tsx dev/build/make-icon.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "./png";

type Rgba = [number, number, number, number];
type Shape = { colour: Rgba; contains: (x: number, y: number) => boolean };

// Coordinates are in the SVG's 128×128 view box.
const BLUE: Rgba = [0, 120, 212, 255];
const WHITE: Rgba = [255, 255, 255, 255];

const roundedSquare = (x: number, y: number) => {
  const r = 24;
  const dx = Math.max(r - x, 0, x - (128 - r));
  const dy = Math.max(r - y, 0, y - (128 - r));
  return dx * dx + dy * dy <= r * r;
};
const ring = (x: number, y: number) => {
  const d = Math.hypot(x - 64, y - 64);
  return d <= 44 && d >= 34;
};
/** A stroke from (x1,y1) to (x2,y2) with round caps. */
const stroke = (x1: number, y1: number, x2: number, y2: number, width: number) => (x: number, y: number) => {
  const [vx, vy] = [x2 - x1, y2 - y1];
  const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (x1 + t * vx), y - (y1 + t * vy)) <= width / 2;
};

const shapes: Shape[] = [
  { colour: BLUE, contains: roundedSquare },
  { colour: WHITE, contains: ring },
  { colour: WHITE, contains: stroke(64, 64, 64, 38, 8) },
  { colour: WHITE, contains: stroke(64, 64, 82, 74, 8) },
];

export function renderLogo(size: number, samples = 4): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const scale = 128 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          const top = [...shapes].reverse().find((s) => s.contains(x, y));
          if (top) top.colour.forEach((c, i) => (sum[i] += i < 3 ? c * top.colour[3] : c));
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[offset + i] = alpha > 0 ? Math.round(sum[i] / sum[3]) : 0;
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const imagesDir = fileURLToPath(new URL("../../static/images", import.meta.url));
writeFileSync(path.join(imagesDir, "logo.png"), encodePng(128, 128, renderLogo(128)));
console.log(`Wrote ${path.join(imagesDir, "logo.png")}`);
