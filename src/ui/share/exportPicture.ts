/**
 * Saves part of the page as a picture: SVG (vector, editable) or PNG (for slides). The
 * library that turns DOM into images loads only when a picture is first exported.
 *
 * The graph's edges are SVG paths styled by CSS classes, which the DOM-to-image copy loses;
 * they are measured on the page and drawn back into the picture as polylines.
 */
export type PictureFormat = 'svg' | 'png';

interface Polyline {
  points: [number, number][];
  stroke: string;
  width: number;
  dash: string;
}

const PIXEL_RATIO = 2;

function save(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  a.click();
}

/** Every drawn edge inside `element`, in the element's own CSS pixels. */
export function edgePolylines(element: HTMLElement): Polyline[] {
  const origin = element.getBoundingClientRect();
  const out: Polyline[] = [];
  for (const path of element.querySelectorAll<SVGPathElement>('path.react-flow__edge-path')) {
    const ctm = path.getScreenCTM();
    if (!ctm) continue;
    const cs = getComputedStyle(path);
    if (cs.stroke === 'none' || cs.visibility === 'hidden') continue;
    const len = path.getTotalLength();
    const points: [number, number][] = [];
    const steps = 12;
    for (let i = 0; i <= steps; i++) {
      const p = path.getPointAtLength((len * i) / steps).matrixTransform(ctm);
      points.push([p.x - origin.left, p.y - origin.top]);
    }
    const width = parseFloat(cs.strokeWidth) * Math.abs(ctm.a) || 1;
    out.push({
      points,
      stroke: cs.stroke,
      width,
      dash: cs.strokeDasharray === 'none' ? '' : cs.strokeDasharray,
    });
  }
  return out;
}

function svgLines(lines: Polyline[]): string {
  return lines
    .map((l) => {
      const pts = l.points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
      const dash = l.dash ? ` stroke-dasharray="${l.dash}"` : '';
      return `<polyline points="${pts}" fill="none" stroke="${l.stroke}" stroke-width="${l.width}"${dash}/>`;
    })
    .join('');
}

async function drawLinesOnPng(pngUrl: string, lines: Polyline[]): Promise<string> {
  const img = new Image();
  img.src = pngUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) return pngUrl;
  ctx.drawImage(img, 0, 0);
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
  for (const l of lines) {
    ctx.beginPath();
    l.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.strokeStyle = l.stroke;
    ctx.lineWidth = l.width;
    ctx.setLineDash(l.dash ? l.dash.split(/[ ,]+/).map((s) => parseFloat(s)) : []);
    ctx.stroke();
  }
  return canvas.toDataURL('image/png');
}

export async function exportPicture(
  element: HTMLElement,
  baseName: string,
  format: PictureFormat,
): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image');
  const background = getComputedStyle(document.body).backgroundColor;
  const options = {
    backgroundColor: background,
    cacheBust: false,
    // Buttons are for the page, not the picture.
    filter: (node: Node) =>
      !(
        node instanceof HTMLElement &&
        (node.dataset.exportSkip === 'true' || node.classList.contains('react-flow__controls'))
      ),
  };
  const lines = edgePolylines(element);
  let url: string;
  if (format === 'png') {
    url = await toPng(element, { ...options, pixelRatio: PIXEL_RATIO });
    if (lines.length > 0) url = await drawLinesOnPng(url, lines);
  } else {
    url = await toSvg(element, options);
    if (lines.length > 0) {
      // The picture is `data:image/svg+xml;charset=utf-8,<svg …>…</svg>`: add the lines last.
      const closing = encodeURIComponent('</svg>');
      const at = url.lastIndexOf(url.includes(closing) ? closing : '</svg>');
      const extra = url.includes(closing) ? encodeURIComponent(svgLines(lines)) : svgLines(lines);
      if (at > 0) url = `${url.slice(0, at)}${extra}${url.slice(at)}`;
    }
  }
  const fileName = `statecraft-${baseName}.${format}`;
  save(url, fileName);
  return fileName;
}
