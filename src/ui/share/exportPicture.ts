/**
 * Saves part of the page as a picture: SVG (vector, editable) or PNG (for slides). The
 * library that turns DOM into images loads only when a picture is first exported.
 */
export type PictureFormat = 'svg' | 'png';

function save(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  a.click();
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
  const url =
    format === 'png'
      ? await toPng(element, { ...options, pixelRatio: 2 })
      : await toSvg(element, options);
  const fileName = `statecraft-${baseName}.${format}`;
  save(url, fileName);
  return fileName;
}
