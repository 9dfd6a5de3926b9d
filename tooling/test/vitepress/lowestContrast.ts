/**
 * JavaScript for the browser (`page.evaluate(lowestContrast(selector))`): the lowest WCAG
 * contrast ratio between the colour of the text in the elements `selector` matches (and in
 * their descendants) and the background under it, with the colours as the browser computed them
 * (custom properties resolved, translucent layers composited over what is under them, white at
 * the bottom). Evaluates to `{ ratio, where, elements }`. A string: the tests have no DOM types,
 * and a function handed to the browser must not carry the test transform's helpers.
 */
export const lowestContrast = (selector: string) => `(() => {
  const parse = (css) => {
    const parts = (css.match(/[\\d.]+/g) ?? []).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, css.startsWith("rgba") ? (parts[3] ?? 1) : 1];
  };
  const over = (top, under) => {
    const alpha = top[3] + under[3] * (1 - top[3]);
    const mix = (index) => (alpha === 0 ? 0 : (top[index] * top[3] + under[index] * under[3] * (1 - top[3])) / alpha);
    return [mix(0), mix(1), mix(2), alpha];
  };
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (element) => {
    const layers = [];
    for (let at = element; at; at = at.parentElement) layers.push(parse(getComputedStyle(at).backgroundColor));
    return layers.reduceRight((under, layer) => over(layer, under), [255, 255, 255, 1]);
  };
  let lowest = { ratio: Infinity, where: "", elements: 0 };
  for (const root of document.querySelectorAll(${JSON.stringify(selector)})) {
    for (const element of [root, ...root.querySelectorAll("*")]) {
      const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join("").trim();
      if (!text || element.closest("[aria-hidden=true]") || getComputedStyle(element).visibility === "hidden") continue;
      const back = background(element);
      const fore = over(parse(getComputedStyle(element).color), back);
      const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      const where = element.tagName.toLowerCase() + "." + element.className + ' "' + text.slice(0, 40) + '": ' + getComputedStyle(element).color + " on rgb(" + back.slice(0, 3).map(Math.round).join(", ") + ")";
      lowest = { ratio: Math.min(ratio, lowest.ratio), where: ratio < lowest.ratio ? where : lowest.where, elements: lowest.elements + 1 };
    }
  }
  return lowest;
})()`;
